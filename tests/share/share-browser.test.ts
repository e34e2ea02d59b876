import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { browserFixture } from '../harness/fixture.ts';
import { PROJECT_ROOT, SITES } from '../harness/build.ts';
import { searchViaUi } from '../harness/search-ui.ts';

const jsQr = readFileSync(join(PROJECT_ROOT, 'node_modules/jsqr/dist/jsQR.js'), 'utf8');
const fx = browserFixture('kstb');

describe('sharing in Chromium', () => {
  it('“复制链接” copies the item’s name with its canonical URL and says so', async () => {
    const context = await fx.browser.newContext({ permissions: ['clipboard-read', 'clipboard-write'] });
    const page = await context.newPage();
    await page.goto(`${fx.server.url}items/2-15/`);
    await page.getByRole('button', { name: '复制链接' }).click();
    // The copy is asynchronous: wait for the live region to report, then check what it says.
    await page.waitForFunction(() => (document.querySelector('.share [role="status"]')?.textContent ?? '') !== '');
    assert.equal(await page.locator('.share [role="status"]').textContent(), '名称和链接已复制');
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), `社会保障卡补领、换领、换发 ${SITES.kstb.siteUrl}/kstb/items/2-15/`);
    await page.goto(`${fx.server.url}bureaus/human-resources/`);
    await page.getByRole('button', { name: '复制链接' }).click();
    await page.waitForFunction(() => (document.querySelector('.share [role="status"]')?.textContent ?? '') !== '');
    assert.equal(
      await page.evaluate(() => navigator.clipboard.readText()),
      `石家庄市人力资源和社会保障局“跨省通办”事项清单 ${SITES.kstb.siteUrl}/kstb/bureaus/human-resources/`,
    );
    await context.close();
  });

  it('offers the system share sheet, with the name and URL, only where the browser has one', async () => {
    const context = await fx.browser.newContext();
    const page = await context.newPage();
    await page.goto(`${fx.server.url}items/2-15/`);
    await page.getByRole('button', { name: '复制链接' }).waitFor();
    const hasShare = await page.evaluate(() => typeof navigator.share === 'function');
    assert.equal(await page.getByRole('button', { name: '分享', exact: true }).count(), hasShare ? 1 : 0);
    // A browser with a share sheet (as phones have): record what the page hands it.
    await context.addInitScript(() => {
      const calls: ShareData[] = [];
      Object.assign(window, { shareCalls: calls });
      Object.defineProperty(navigator, 'share', { configurable: true, value: (data: ShareData) => (calls.push(data), Promise.resolve()) });
      Object.defineProperty(navigator, 'canShare', { configurable: true, value: () => true });
    });
    await page.goto(`${fx.server.url}items/2-15/`);
    await page.getByRole('button', { name: '分享', exact: true }).click();
    await page.waitForFunction(() => (window as unknown as { shareCalls: ShareData[] }).shareCalls.length === 1);
    const data = await page.evaluate(() => (window as unknown as { shareCalls: ShareData[] }).shareCalls[0]);
    assert.deepEqual(data, { title: '社会保障卡补领、换领、换发', text: '社会保障卡补领、换领、换发', url: `${SITES.kstb.siteUrl}/kstb/items/2-15/` });
    await context.close();
  });

  it('without JavaScript the URL is visible and no dead button shows', async () => {
    const context = await fx.browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${fx.server.url}items/2-15/`);
    assert.equal(await page.locator('[data-share-url]').textContent(), `${SITES.kstb.siteUrl}/kstb/items/2-15/`);
    assert.equal(await page.getByRole('button', { name: '复制链接' }).isVisible(), false);
    await page.goto(`${fx.server.url}bureaus/court/`);
    assert.equal(await page.getByRole('button', { name: '打印本页' }).isVisible(), false);
    await context.close();
  });

  it('the QR code scans to the page’s own URL', async () => {
    // The decoder is injected as an inline script and reads the SVG as a data: image,
    // both of which the site's own policy rightly forbids.
    const context = await fx.browser.newContext({ bypassCSP: true });
    const page = await context.newPage();
    for (const path of ['items/3-40/', 'bureaus/human-resources/']) {
      await page.goto(fx.server.url + path);
      await page.addScriptTag({ content: jsQr });
      const decoded = await page.evaluate(async () => {
        const svg = document.querySelector('.share svg')!.outerHTML;
        const img = new Image();
        img.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg.replace('<svg ', '<svg width="400" height="400" '))}`;
        await img.decode();
        const canvas = document.createElement('canvas');
        canvas.width = canvas.height = 400;
        const ctx = canvas.getContext('2d')!;
        ctx.fillStyle = '#fff';
        ctx.fillRect(0, 0, 400, 400);
        ctx.drawImage(img, 0, 0, 400, 400);
        const data = ctx.getImageData(0, 0, 400, 400);
        return (window as unknown as { jsQR(d: Uint8ClampedArray, w: number, h: number): { data: string } | null }).jsQR(data.data, 400, 400)?.data;
      });
      assert.equal(decoded, `${SITES.kstb.siteUrl}/kstb/${path}`);
    }
    await context.close();
  });

  it('the bureau page offers “打印本页” and fills in the print date', async () => {
    const page = await fx.browser.newPage();
    await page.goto(`${fx.server.url}bureaus/human-resources/`);
    assert.ok(await page.getByRole('button', { name: '打印本页' }).isVisible());
    assert.match((await page.locator('[data-print-date]').textContent()) ?? '', /^\d{4}年\d{1,2}月\d{1,2}日$/);
    await page.close();
  });

  it('search filters by topic', async () => {
    const page = await fx.browser.newPage();
    const result = await searchViaUi(page, fx.server.url, '', { topic: '住房公积金' });
    assert.match(result.status, /找到 8 项符合条件的事项/);
    const combined = await searchViaUi(page, fx.server.url, '提取', { topic: '住房公积金' });
    assert.deepEqual(new Set(combined.ids), new Set(['1-27', '3-25']));
    await page.close();
  });
});
