import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { watch } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import type { Browser } from 'puppeteer-core';
import { formatDate, plannedDeadline } from '../../src/lib/views/format.ts';
import { INFERRED_LEGEND } from '../../src/lib/views/item-view.ts';
import { loadCatalog } from '../../src/build/load-catalog.ts';
import { REMARKS, remarkLabel } from '../../src/lib/core/remarks.ts';
import { parseSiteIdentity } from '../../src/lib/facts/site-identity.ts';
import { goto, newPage, setViewport } from '../harness/driver.ts';
import { browserFixture } from '../harness/fixture.ts';
import { installReadIntoTab, type ReadIntoTab } from '../harness/pages.ts';
import { PREVIEW_SITE, PROJECT_ROOT, SITES } from '../harness/build.ts';
import { serveStatic } from '../harness/static-server.ts';

const catalog = loadCatalog(PROJECT_ROOT);
const SITE_NAME = parseSiteIdentity(readFileSync(join(PROJECT_ROOT, 'content/site.yaml'), 'utf8'), 'content/site.yaml').name;
const squeeze = (s: string) => s.replace(/\s+/g, '');
const tmp = mkdtempSync(join(tmpdir(), 'kstb-print-'));
const kstbUrl = (path: string) => `${SITES.kstb.siteUrl}/kstb/${path}`;

// The text checks run in Chromium. Firefox does not draw CSS @page margin boxes, where the running header,
// the address and 第 N 页 共 M 页 are printed (src/styles/print.css); pdftotext reads much of the Chinese text of
// Firefox ESR 153's PDF as replacement characters, so these text checks cannot read its printout; and the print
// media can be emulated (for what shows on paper) only over CDP. Firefox's own page numbers, address and print
// date are checked at the end of this file; its printed PDF is checked for black on white, by its pixels, in
// elder-mode.browser.test.ts.
const fx = browserFixture('chromium', 'kstb');
after(() => rmSync(tmp, { recursive: true, force: true }));

interface Printout {
  /** Whitespace-free text of each page (pdfPages). */
  pages: string[];
  /** Whitespace-free text of the whole document. */
  all: string;
  searchVisible: boolean;
  buttonsVisible: boolean;
  colours: string[];
}

/**
 * The whitespace-free text of each page of a PDF, in one pdftotext run (it ends every page with a form feed), the
 * page count checked against pdfinfo's.
 */
function pdfPages(file: string): string[] {
  const count = Number(/^Pages:\s+(\d+)/m.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))?.[1]);
  const pages = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).split('\f');
  assert.equal(pages.pop(), '', 'pdftotext ends every page with a form feed');
  assert.equal(pages.length, count, `${file}: pdftotext read ${pages.length} pages of ${count}`);
  return pages.map(squeeze);
}

/** Prints a page to an A4 PDF the way Chromium's print dialog does, and reads each page's text. */
async function printToPdf(path: string, browser: Browser = fx.browser, origin = fx.server.url): Promise<Printout> {
  const page = await newPage(browser);
  await page.goto(origin + path);
  const file = join(tmp, `${path.replace(/\W+/g, '_') || 'home'}-${Math.random().toString(36).slice(2)}.pdf`);
  await page.pdf({ path: file, format: 'A4', preferCSSPageSize: true });
  await page.emulateMediaType('print');
  const searchVisible = await page.$$eval('form[role="search"]', (forms) => forms.some((f) => (f as HTMLElement).offsetParent !== null));
  const buttonsVisible = await page.$$eval('button', (bs) => bs.some((b) => (b as HTMLElement).offsetParent !== null));
  const colours = await page.$eval('main', (m) => [getComputedStyle(m).color, getComputedStyle(document.body).backgroundColor]);
  await page.close();
  const pages = pdfPages(file);
  return { pages, all: pages.join(''), searchVisible, buttonsVisible, colours };
}

/** Every page has the running header (page name and site name) and the footer (address, 第 N 页 共 M 页). */
function assertRunningHeads(pdf: Printout, name: string, address: string) {
  pdf.pages.forEach((text, i) => {
    assert.ok(text.includes(squeeze(`${name} · ${SITE_NAME}`)), `page ${i + 1} names ${name} and the site`);
    assert.ok(text.includes(`第${i + 1}页共${pdf.pages.length}页`), `page ${i + 1} is numbered`);
    assert.ok(text.includes(address), `page ${i + 1} gives the address ${address}`);
  });
}

/** The first page names the source, its dates, the print date and explains the remarks it uses. */
function assertFirstPage(pdf: Printout, remarks: readonly string[]) {
  const first = pdf.pages[0]!;
  assert.ok(first.includes(squeeze(`来源：附件《${catalog.title}》`)), 'names the source table');
  assert.ok(first.includes('原表未写明发文单位'), 'says the table names no issuing body');
  assert.ok(first.includes(catalog.info.documentDate === null ? '原表日期：原表未注明日期' : `原表日期：${formatDate(catalog.info.documentDate)}`));
  assert.ok(first.includes(`本站数据更新：${formatDate(catalog.info.dataUpdated)}`));
  assert.match(first, /打印日期：\d{4}年\d+月\d+日/);
  assert.ok(!pdf.all.includes('数据日期'));
  for (const remark of REMARKS) {
    assert.equal(first.includes(squeeze(remarkLabel(remark, catalog.guidance.remarks))), remarks.includes(remark), `legend for ${remark}`);
  }
}

/** Runs in the page: the content box of print.css's @page rule (its size A4 or in mm, less its margins), in CSS px. */
function printContentBox(): { width: number; height: number } {
  const mm = (v: string) => (parseFloat(v) * 96) / 25.4;
  const rules = (list: CSSRuleList): CSSRule[] => [...list].flatMap((r) => ('cssRules' in r ? [r, ...rules((r as CSSGroupingRule).cssRules)] : [r]));
  const page = [...document.styleSheets].flatMap((s) => rules(s.cssRules)).find((r): r is CSSPageRule => r instanceof CSSPageRule);
  if (!page) throw new Error('no @page rule');
  const size = page.style.getPropertyValue('size').trim();
  const [w, h] = size.toLowerCase() === 'a4' ? [210, 297] : size.split(/\s+/).map(parseFloat);
  const s = page.style;
  if (![s.marginTop, s.marginRight, s.marginBottom, s.marginLeft].every((m) => m.endsWith('mm'))) throw new Error(`@page margins not in mm: ${s.margin}`);
  return {
    width: mm(`${w! - parseFloat(s.marginLeft) - parseFloat(s.marginRight)}mm`),
    height: mm(`${h! - parseFloat(s.marginTop) - parseFloat(s.marginBottom)}mm`),
  };
}

/**
 * Runs in the page, under print media: the document's height once the page's print script has run (beforeprint);
 * with `urls`, the height of each of those pages read into this tab in turn (`readIntoTab`, installed by
 * `installReadIntoTab`; the page's print script listens on the window and finds what to fill at beforeprint, so no
 * script runs again), or why it could not be read.
 */
async function printedHeights(urls: string[] = []): Promise<(number | string)[]> {
  const height = () => {
    dispatchEvent(new Event('beforeprint'));
    const px = document.documentElement.getBoundingClientRect().height;
    dispatchEvent(new Event('afterprint'));
    return px;
  };
  if (urls.length === 0) return [height()];
  const readIntoTab = (window as unknown as { readIntoTab: ReadIntoTab }).readIntoTab;
  const out: (number | string)[] = [];
  for (const url of urls) out.push((await readIntoTab(url, false)) ?? height());
  return out;
}

describe('printing (Chromium)', () => {
  it('prints the 市人社局 summary on at most 4 A4 pages: headed, numbered, sourced, with all its items', async () => {
    const pdf = await printToPdf('bureaus/human-resources/');
    assert.ok(pdf.pages.length >= 1 && pdf.pages.length <= 4, `${pdf.pages.length} pages`);
    const items = catalog.items.filter((i) => i.lead.includes('human-resources') || i.cooperating.includes('human-resources'));
    assert.ok(items.length > 0, 'the 市人社局 leads or cooperates on items');
    for (const item of items) assert.ok(pdf.all.includes(squeeze(item.name)), `${item.id} ${item.name} is on paper`);
    assertRunningHeads(pdf, '石家庄市人力资源和社会保障局', kstbUrl('bureaus/human-resources/'));
    assertFirstPage(pdf, [...new Set(items.map((i) => i.remark).filter((r) => r !== null))]);
    assert.ok(pdf.all.includes('牵头（本站推定）'), 'inferred leads are marked');
    assert.ok(!pdf.all.includes('搜索'), 'no search box or navigation on paper');
    assert.equal(pdf.searchVisible, false);
    assert.equal(pdf.buttonsVisible, false, 'no buttons on paper');
    assert.deepEqual(pdf.colours, ['rgb(0, 0, 0)', 'rgb(255, 255, 255)'], 'black on white');
  });

  it('prints the whole catalog from /items/ on at most 16 A4 pages, grouped by batch', async () => {
    const pdf = await printToPdf('items/');
    assert.ok(pdf.pages.length <= 16, `${pdf.pages.length} pages`);
    for (const item of catalog.items) assert.ok(pdf.all.includes(squeeze(item.name)), `${item.id} is on paper`);
    const batchOrder = ['第一批（要求2020年底前实现）', '第二批（要求2021年6月前实现）', '第三批（要求2021年底实现）'].map((h) => pdf.all.indexOf(h));
    assert.ok(
      batchOrder.every((p, i) => p >= 0 && (i === 0 || p > batchOrder[i - 1]!)),
      `batches in order: ${batchOrder}`,
    );
    assertRunningHeads(pdf, '全部事项', kstbUrl('items/'));
    assertFirstPage(
      pdf,
      REMARKS.filter((r) => catalog.items.some((i) => i.remark === r)),
    );
  });

  it('prints batch and topic pages the same way', async () => {
    const batch = await printToPdf('batches/2/');
    for (const i of catalog.items.filter((x) => x.batch === 2)) assert.ok(batch.all.includes(squeeze(i.name)), i.id);
    assertRunningHeads(batch, `第二批：${plannedDeadline(2)}的事项`, kstbUrl('batches/2/'));
    assertFirstPage(
      batch,
      REMARKS.filter((r) => catalog.items.some((i) => i.batch === 2 && i.remark === r)),
    );
    assert.equal(batch.searchVisible, false);
    const topic = catalog.topics.find((t) => t.slug === 'social-insurance') ?? catalog.topics[0]!;
    const topicPdf = await printToPdf(`topics/${topic.slug}/`);
    const topicItems = catalog.items.filter((i) => i.topics.includes(topic.slug));
    for (const i of topicItems) assert.ok(topicPdf.all.includes(squeeze(i.name)), i.id);
    assertRunningHeads(topicPdf, topic.name, kstbUrl(`topics/${topic.slug}/`));
    assertFirstPage(
      topicPdf,
      REMARKS.filter((r) => topicItems.some((i) => i.remark === r)),
    );
  });

  it('prints an item on one A4 page with its running header, address, QR code and source line', async () => {
    // 2-15, and 1-15: a long item with a related item, an inferred lead and two phone lines.
    for (const id of ['2-15', '1-15']) {
      const item = catalog.items.find((i) => i.id === id)!;
      const pdf = await printToPdf(`items/${id}/`);
      assert.equal(pdf.pages.length, 1, `${id}: ${pdf.pages.length} pages`);
      assertRunningHeads(pdf, item.name, kstbUrl(`items/${id}/`));
      assert.ok(pdf.all.includes(squeeze(item.scenario)), `${id}: the table's scenario`);
      assert.ok(pdf.all.includes('手机扫码打开本页'), `${id}: QR code`);
      assert.ok(pdf.all.includes(squeeze(`来源：附件《${catalog.title}》`)), `${id}: source line`);
      assert.ok(pdf.all.includes('12345的来源：'), `${id}: the hotline's source is on paper too`);
      // The next step on paper: whom to ask and that no contact is known, the local window with its locator, what is not known.
      const window = catalog.guidance.howTo.find((s) => s.id === 'howto.local-window')!;
      const unknown = catalog.guidance.howTo.find((s) => s.id === 'howto.unknown')!;
      assert.ok(pdf.all.includes(squeeze(`牵头单位：${catalog.bureaus.find((b) => b.slug === item.lead[0])!.name}`)), `${id}: the lead bureau`);
      assert.ok(pdf.all.includes('本站还没有收录它的电话、地址和网站'), `${id}: no contact, said plainly`);
      assert.ok(pdf.all.includes(squeeze(window.text)), `${id}: the local window`);
      assert.ok(pdf.all.includes(squeeze(window.citation!.locator!)), `${id}: its locator`);
      assert.ok(pdf.all.includes(squeeze(unknown.text)), `${id}: what is not known`);
      // The day it was printed (the page's script writes it before printing), and the key to the mark where the sheet carries it.
      const now = new Date();
      assert.ok(pdf.all.includes(`打印日期：${now.getFullYear()}年${now.getMonth() + 1}月${now.getDate()}日`), `${id}: print date`);
      const inferred = item.notes.some((n) => n.inferred);
      assert.equal(pdf.all.includes(squeeze(INFERRED_LEGEND)), inferred, `${id}: the key to 本站推定 exactly where the sheet shows the mark`);
      assert.equal(pdf.searchVisible, false);
      assert.equal(pdf.buttonsVisible, false);
    }
  });

  it('prints an item sheet’s body and notes at 10.5 pt or more', async () => {
    const page = await newPage(fx.browser);
    await page.goto(`${fx.server.url}items/1-15/`);
    await page.emulateMediaType('print');
    const sizes = await page.evaluate(() =>
      [...document.querySelectorAll('main p, main li, main dd, main dt, main .source-note, main figcaption')]
        .filter((el) => (el as HTMLElement).offsetParent !== null && (el.textContent ?? '').trim() !== '')
        .map((el) => ({ text: (el.textContent ?? '').trim().slice(0, 20), px: parseFloat(getComputedStyle(el).fontSize) })),
    );
    await page.close();
    assert.ok(sizes.length > 20, `${sizes.length} text blocks printed`);
    // 10.5 pt is 14 CSS px.
    // The caption under the QR code is its label, not a note.
    const small = sizes.filter((s) => s.px < 14 && s.text !== '手机扫码打开本页');
    assert.deepEqual(small, [], 'text printed below 10.5 pt');
  });

  it('prints every one of the items on one A4 page', async () => {
    // Printing is the slow part (a PDF takes about 0.5 s, 138 of them over two minutes), and so is loading 138
    // pages, so every item is measured as paper lays it out in one tab: print media at the @page content width,
    // each item's page read into the tab in turn (its <html> attributes and <body>; the stylesheet is the site's
    // one, checked) and the page's print script run (beforeprint). Two real things confirm the measure: the
    // first item loaded as a reader loads it measures the same, and the printer prints the tallest item with a
    // spacer 4 px under the page's content height on one page and 4 px over it on two, so a drift between the
    // measure and the printer fails the test.
    const page = await newPage(fx.browser);
    const first = catalog.items[0]!.id;
    await page.goto(`${fx.server.url}items/${first}/`);
    const box = await page.evaluate(printContentBox);
    await setViewport(page, { width: Math.round(box.width), height: 400 });
    await page.emulateMediaType('print');
    const [loaded] = await page.evaluate(printedHeights);
    await page.evaluate(installReadIntoTab);
    const measured = await page.evaluate(
      printedHeights,
      catalog.items.map((item) => `${fx.server.url}items/${item.id}/`),
    );
    await page.close();
    const heights = new Map<string, number>();
    catalog.items.forEach((item, i) => {
      assert.equal(typeof measured[i], 'number', `${item.id}: ${measured[i]}`);
      heights.set(item.id, measured[i] as number);
    });
    assert.equal(heights.size, catalog.items.length);
    assert.equal(heights.get(first), loaded, `${first} measures as it does when loaded`);
    const spilled = [...heights].filter(([, px]) => px > box.height).map(([id, px]) => `${id} (${Math.round(px)} px)`);
    assert.deepEqual(spilled, [], `items taller than the page's ${Math.round(box.height)} px of content`);

    const [tallest, px] = [...heights].sort((a, b) => b[1] - a[1])[0]!;
    const pagesWith = async (spacer: number): Promise<number> => {
      const page = await newPage(fx.browser);
      await page.goto(`${fx.server.url}items/${tallest}/`);
      if (spacer > 0)
        await page.evaluate((h) => {
          const d = document.createElement('div');
          d.style.height = `${h}px`;
          document.querySelector('main')!.append(d);
        }, spacer);
      const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true });
      await page.close();
      return Number(/\/Type\s*\/Pages\b[^>]*?\/Count\s+(\d+)/.exec(Buffer.from(pdf).toString('latin1'))?.[1]);
    };
    // The tallest item on one page follows from the first check: a spacer only adds height.
    assert.equal(await pagesWith(box.height - px - 4), 1, `${tallest}, the tallest item (${Math.round(px)} px), 4 px short of a full page prints on one`);
    assert.equal(await pagesWith(box.height - px + 4), 2, `${tallest} 4 px over a full page prints on two: the measure is the printer's`);
  });

  it('a preview build prints relative addresses: no localhost on paper', async () => {
    const server = await serveStatic(PREVIEW_SITE.dir, PREVIEW_SITE.base);
    try {
      const pdf = await printToPdf('bureaus/human-resources/', fx.browser, server.url);
      assert.ok(!pdf.all.includes('localhost'));
      assert.ok(!/https?:/.test(pdf.all), 'no absolute address at all');
      pdf.pages.forEach((text, i) => assert.ok(text.includes(`/bureaus/human-resources/第${i + 1}页`), `page ${i + 1} footer gives the path`));
    } finally {
      await server.close();
    }
  });
});

/*
 * Firefox ESR does not draw CSS @page margin boxes (checked on ESR 153, also with
 * layout.css.margin-rules.enabled): the running header and 第 N 页 共 M 页 that Chromium prints
 * come from print.css, while Firefox numbers the pages with its own print headers and footers,
 * which its print dialog turns on by default (print.print_footerleft "&PT": "1 of 2"). WebDriver
 * BiDi's print command switches those off, so this test prints the way a reader does: window.print()
 * with Firefox's default header and footer settings, silently into a PDF file.
 */
describe('an item printed from Firefox ESR', () => {
  const dir = mkdtempSync(join(tmp, 'firefox-'));
  const file = join(dir, 'printed.pdf');
  const firefox = browserFixture('firefox', 'kstb', {
    firefoxPrefs: {
      'print.always_print_silent': true,
      print_printer: 'Mozilla Save to PDF',
      'print.printer_Mozilla_Save_to_PDF.print_to_file': true,
      'print.printer_Mozilla_Save_to_PDF.print_to_filename': file,
      'print.show_print_progress': false,
    },
  });

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
   * (ASCII) are read from the PDF, the Chinese content is checked in Chromium's printout (above).
   */
  async function printPages(path: string): Promise<{ pages: string[]; printDate: string }> {
    rmSync(file, { force: true });
    const page = await newPage(firefox.browser);
    await goto(page, firefox.server.url + path);
    const changes = new AbortController();
    const watcher = watch(dir, { signal: changes.signal });
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
    return { pages: pdfPages(file), printDate };
  }

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
