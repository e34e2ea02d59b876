import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { ENGINES, newPage } from '../harness/driver.ts';
import { allowClipboard, browserFixture, buttonNamed, countButtons, textOf } from '../harness/fixture.ts';
import { PROJECT_ROOT, SITES } from '../harness/build.ts';
import { searchViaUi } from '../harness/search-ui.ts';

const jsQr = readFileSync(join(PROJECT_ROOT, 'node_modules/jsqr/dist/jsQR.js'), 'utf8');

for (const engine of ENGINES) {
  describe(`sharing (${engine})`, () => {
    const fx = browserFixture(engine, 'kstb');

    it('“复制链接” copies the item’s name with its canonical URL and says so', async () => {
      const page = await newPage(fx.browser);
      await allowClipboard(page, fx.server.origin);
      await page.goto(`${fx.server.url}items/2-15/`);
      await (await buttonNamed(page, '复制链接')).click();
      // The copy is asynchronous: wait for the live region to report, then check what it says.
      await page.waitForFunction(() => (document.querySelector('.share [role="status"]')?.textContent ?? '') !== '');
      assert.equal(await textOf(page, '.share [role="status"]'), '名称和链接已复制');
      assert.equal(await page.evaluate(() => navigator.clipboard.readText()), `社会保障卡补领、换领、换发 ${SITES.kstb.siteUrl}/kstb/items/2-15/`);
      await page.goto(`${fx.server.url}bureaus/human-resources/`);
      await (await buttonNamed(page, '复制链接')).click();
      await page.waitForFunction(() => (document.querySelector('.share [role="status"]')?.textContent ?? '') !== '');
      assert.equal(
        await page.evaluate(() => navigator.clipboard.readText()),
        `石家庄市人力资源和社会保障局“跨省通办”事项清单 ${SITES.kstb.siteUrl}/kstb/bureaus/human-resources/`,
      );
      await page.close();
    });

    it('offers the system share sheet, with the name and URL, only where the browser has one', async () => {
      const page = await newPage(fx.browser);
      await page.goto(`${fx.server.url}items/2-15/`);
      await buttonNamed(page, '复制链接');
      const hasShare = await page.evaluate(() => typeof navigator.share === 'function');
      assert.equal(await countButtons(page, '分享'), hasShare ? 1 : 0);
      // A browser with a share sheet (as phones have): record what the page hands it.
      await page.evaluateOnNewDocument(() => {
        const calls: ShareData[] = [];
        Object.assign(window, { shareCalls: calls });
        Object.defineProperty(navigator, 'share', { configurable: true, value: (data: ShareData) => (calls.push(data), Promise.resolve()) });
        Object.defineProperty(navigator, 'canShare', { configurable: true, value: () => true });
      });
      await page.goto(`${fx.server.url}items/2-15/`);
      await (await buttonNamed(page, '分享')).click();
      await page.waitForFunction(() => (window as unknown as { shareCalls: ShareData[] }).shareCalls.length === 1);
      const data = await page.evaluate(() => (window as unknown as { shareCalls: ShareData[] }).shareCalls[0]);
      assert.deepEqual(data, { title: '社会保障卡补领、换领、换发', text: '社会保障卡补领、换领、换发', url: `${SITES.kstb.siteUrl}/kstb/items/2-15/` });
      await page.close();
    });

    it('without JavaScript the URL is visible and no dead button shows', async () => {
      const page = await newPage(fx.browser, { javaScript: false });
      await page.goto(`${fx.server.url}items/2-15/`);
      assert.equal(await textOf(page, '[data-share-url]'), `${SITES.kstb.siteUrl}/kstb/items/2-15/`);
      assert.equal(await countButtons(page, '复制链接'), 0);
      await page.goto(`${fx.server.url}bureaus/court/`);
      assert.equal(await countButtons(page, '打印本页'), 0);
      await page.close();
    });

    it('the QR code scans to the page’s own URL', async () => {
      const page = await newPage(fx.browser);
      // The decoder runs in a blank tab beside the page: it is an inline script and reads the SVG as a data: image,
      // both of which the site's own policy rightly forbids.
      const decoder = await newPage(fx.browser);
      await decoder.addScriptTag({ content: jsQr });
      for (const path of ['items/3-40/', 'bureaus/human-resources/']) {
        await page.goto(fx.server.url + path);
        const svg = await page.$eval('.share svg', (el) => el.outerHTML);
        const decoded = await decoder.evaluate(async (markup: string) => {
          const img = new Image();
          img.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(markup.replace('<svg ', '<svg width="400" height="400" '))}`;
          await img.decode();
          const canvas = document.createElement('canvas');
          canvas.width = canvas.height = 400;
          const ctx = canvas.getContext('2d')!;
          ctx.fillStyle = '#fff';
          ctx.fillRect(0, 0, 400, 400);
          ctx.drawImage(img, 0, 0, 400, 400);
          const data = ctx.getImageData(0, 0, 400, 400);
          return (window as unknown as { jsQR(d: Uint8ClampedArray, w: number, h: number): { data: string } | null }).jsQR(data.data, 400, 400)?.data;
        }, svg);
        assert.equal(decoded, `${SITES.kstb.siteUrl}/kstb/${path}`);
      }
      await Promise.all([page.close(), decoder.close()]);
    });

    it('the bureau page offers “打印本页” and fills in the print date', async () => {
      const page = await newPage(fx.browser);
      await page.goto(`${fx.server.url}bureaus/human-resources/`);
      assert.ok(await (await buttonNamed(page, '打印本页')).isVisible());
      assert.match((await textOf(page, '[data-print-date]')) ?? '', /^\d{4}年\d{1,2}月\d{1,2}日$/);
      await page.close();
    });

    it('search filters by topic', async () => {
      const page = await newPage(fx.browser);
      const result = await searchViaUi(page, fx.server.url, '', { topic: '住房公积金' });
      assert.match(result.status, /找到 8 项符合条件的事项/);
      const combined = await searchViaUi(page, fx.server.url, '提取', { topic: '住房公积金' });
      assert.deepEqual(new Set(combined.ids), new Set(['1-27', '3-25']));
      await page.close();
    });
  });
}
