import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { watch } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { PROJECT_ROOT } from '../harness/build.ts';
import { firefoxFixture } from '../harness/firefox.ts';
import { loadCatalog } from '../../src/build/load-catalog.ts';

/*
 * Firefox ESR does not draw CSS @page margin boxes (checked on ESR 153, also with
 * layout.css.margin-rules.enabled): the running header and 第 N 页 共 M 页 that Chromium prints
 * come from print.css, while Firefox numbers the pages with its own print headers and footers,
 * which its print dialog turns on by default (print.print_footerleft "&PT": "1 of 2"). WebDriver
 * BiDi's print command switches those off, so this test prints the way a reader does: window.print()
 * with Firefox's default header and footer settings, silently into a PDF file.
 */
const tmp = mkdtempSync(join(tmpdir(), 'kstb-print-firefox-'));
const file = join(tmp, 'printed.pdf');
const fx = firefoxFixture('kstb', {
  'print.always_print_silent': true,
  print_printer: 'Mozilla Save to PDF',
  'print.printer_Mozilla_Save_to_PDF.print_to_file': true,
  'print.printer_Mozilla_Save_to_PDF.print_to_filename': file,
  'print.show_print_progress': false,
});
after(() => rmSync(tmp, { recursive: true, force: true }));
const catalog = loadCatalog(PROJECT_ROOT);
const squeeze = (s: string) => s.replace(/\s+/g, '');

/** True once the PDF Firefox writes is complete: pdfinfo reads its page tree. */
function complete(): boolean {
  if (!existsSync(file)) return false;
  try {
    return /^Pages:\s+\d+/m.test(execFileSync('pdfinfo', [file], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }));
  } catch {
    return false;
  }
}

/**
 * Prints `path` with the browser's print command; returns each printed page's text, whitespace
 * removed, and what the page's print script wrote into the sheet's date line. Firefox embeds many
 * CJK glyphs without a text mapping, so pdftotext reads its Chinese only in part: the page numbers
 * (ASCII) are read from the PDF, the Chinese content is checked in Chromium's printout (print.test.ts).
 */
async function printPages(path: string): Promise<{ pages: string[]; printDate: string }> {
  rmSync(file, { force: true });
  const page = await fx.browser.newPage();
  await page.goto(fx.server.url + path);
  const changes = new AbortController();
  const watcher = watch(tmp, { signal: changes.signal });
  await page.evaluate(() => {
    // Later, so that the call returns before the (silent, synchronous) print runs.
    setTimeout(() => window.print(), 0);
  });
  try {
    if (!complete()) for await (const _ of watcher) if (complete()) break;
  } catch (e) {
    if ((e as Error).name !== 'AbortError') throw e;
  } finally {
    changes.abort();
  }
  const printDate = await page.evaluate(() => document.querySelector('[data-print-date]')?.textContent ?? '');
  await page.close();
  const count = Number(/^Pages:\s+(\d+)/m.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))?.[1]);
  const pages = Array.from({ length: count }, (_, i) =>
    squeeze(execFileSync('pdftotext', ['-f', String(i + 1), '-l', String(i + 1), file, '-'], { encoding: 'utf8' })),
  );
  return { pages, printDate };
}

describe('an item printed from Firefox ESR', () => {
  it('numbers every page, with the sheet dated the day it is printed', async () => {
    const item = catalog.items.find((i) => i.id === '1-15')!;
    const { pages, printDate } = await printPages(`items/${item.id}/`);
    assert.ok(pages.length >= 1);
    // Firefox's own footer: “1 of 2” on each page, as its print dialog prints by default.
    pages.forEach((text, i) => assert.ok(text.includes(`${i + 1}of${pages.length}`), `page ${i + 1} is numbered: ${text.slice(-80)}`));
    const now = new Date();
    assert.equal(printDate, `${now.getFullYear()}年${now.getMonth() + 1}月${now.getDate()}日`, 'the print date, written before printing');
    // The address in the running header is ASCII too: the sheet names its page.
    assert.ok(pages[0]!.includes(`/kstb/items/${item.id}/`), 'the page address');
  });
});
