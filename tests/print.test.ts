import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { loadCatalog } from '../src/lib/load-catalog.ts';
import { browserFixture } from './helpers/fixture.ts';
import { PROJECT_ROOT, SITES } from './helpers/build.ts';

const catalog = loadCatalog(PROJECT_ROOT);
const squeeze = (s: string) => s.replace(/\s+/g, '');
const tmp = mkdtempSync(join(tmpdir(), 'kstb-print-'));

const fx = browserFixture('kstb');
after(() => rmSync(tmp, { recursive: true, force: true }));

/** Prints a page to an A4 PDF and returns its text and page count. */
async function printToPdf(path: string) {
  const page = await fx.browser.newPage();
  await page.goto(fx.server.url + path);
  const file = join(tmp, `${path.replace(/\W+/g, '_')}.pdf`);
  await page.pdf({ path: file, format: 'A4', preferCSSPageSize: true });
  await page.emulateMedia({ media: 'print' });
  const searchVisible = await page.locator('form[role="search"]').evaluateAll((forms) => forms.some((f) => (f as HTMLElement).offsetParent !== null));
  const buttonsVisible = await page.locator('button').evaluateAll((bs) => bs.some((b) => (b as HTMLElement).offsetParent !== null));
  const colours = await page.locator('main').evaluate((m) => [getComputedStyle(m).color, getComputedStyle(document.body).backgroundColor]);
  await page.close();
  const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
  const pages = Number(/^Pages:\s+(\d+)/m.exec(info)?.[1]);
  return { text: execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }), pages, searchVisible, buttonsVisible, colours, bytes: readFileSync(file).length };
}

describe('printing', () => {
  it('prints the 市人社局 summary on at most 4 A4 pages with all its items, its URL and no search box', async () => {
    const pdf = await printToPdf('bureaus/human-resources/');
    assert.ok(pdf.pages >= 1 && pdf.pages <= 4, `${pdf.pages} pages`);
    const flat = squeeze(pdf.text);
    const items = catalog.items.filter((i) => i.lead.includes('human-resources') || i.cooperating.includes('human-resources'));
    assert.equal(items.length, 48);
    for (const item of items) assert.ok(flat.includes(squeeze(item.name)), `${item.id} ${item.name} is on paper`);
    assert.ok(flat.includes(`${SITES.kstb.siteUrl}/kstb/bureaus/human-resources/`), 'its own URL is on paper');
    assert.ok(flat.includes('石家庄市人力资源和社会保障局'));
    assert.match(flat, /数据日期：\d{4}年\d+月\d+日/);
    assert.match(flat, /打印日期：\d{4}年\d+月\d+日/);
    assert.ok(!flat.includes('搜索'), 'no search box or navigation on paper');
    assert.equal(pdf.searchVisible, false);
    assert.equal(pdf.buttonsVisible, false, 'no buttons on paper');
    assert.deepEqual(pdf.colours, ['rgb(0, 0, 0)', 'rgb(255, 255, 255)'], 'black on white');
  });

  it('prints item and batch pages cleanly, with the URL on item pages', async () => {
    const item = await printToPdf('items/2-19/');
    assert.ok(item.pages <= 2, `${item.pages} pages`);
    assert.ok(squeeze(item.text).includes('住房公积金单位登记开户'));
    assert.ok(squeeze(item.text).includes(`${SITES.kstb.siteUrl}/kstb/items/2-19/`));
    assert.equal(item.searchVisible, false);
    const batch = await printToPdf('batches/2/');
    for (const i of catalog.items.filter((x) => x.batch === 2)) assert.ok(squeeze(batch.text).includes(squeeze(i.name)), i.id);
    assert.equal(batch.searchVisible, false);
  });
});
