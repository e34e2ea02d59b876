import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { SITES, type SiteName } from '../harness/build.ts';
import { launchBrowser } from '../harness/browser.ts';
import { serveStatic, type StaticServer } from '../harness/static-server.ts';

let browser: Browser;
before(async () => {
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
});

/** Opens a page and records console errors, failed requests and requests leaving the site's origin. */
async function open(server: StaticServer, path: string, viewport = { width: 1280, height: 900 }) {
  const page = await browser.newPage({ viewport });
  const problems: string[] = [];
  page.on('console', (m) => m.type() === 'error' && problems.push(`console: ${m.text()}`));
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  // A request cut short because the test navigated on (ERR_ABORTED) is not a failure of the site.
  page.on('requestfailed', (r) => r.failure()?.errorText !== 'net::ERR_ABORTED' && problems.push(`failed: ${r.url()} ${r.failure()?.errorText}`));
  page.on('request', (r) => !r.url().startsWith(server.origin) && problems.push(`third party: ${r.url()}`));
  page.on('response', (r) => r.status() >= 400 && !r.url().endsWith('/does-not-exist/') && problems.push(`${r.status()}: ${r.url()}`));
  await page.goto(server.url + path);
  return { page, problems };
}

async function noHorizontalScroll(page: Page) {
  return page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth);
}

for (const name of Object.keys(SITES) as SiteName[]) {
  const site = SITES[name];
  describe(`in Chromium, served at ${site.base}`, () => {
    let server: StaticServer;
    before(async () => {
      server = await serveStatic(site.dir, site.base);
    });
    after(async () => {
      await server?.close();
    });

    it('the home page loads styled, with no error and no third-party request', async () => {
      const { page, problems } = await open(server, '');
      assert.equal(await page.locator('h1').textContent(), '石家庄市跨省通办事项目录');
      const headerBg = await page.locator('header.site-header').evaluate((el) => getComputedStyle(el).backgroundColor);
      assert.equal(headerBg, 'rgb(11, 12, 12)', 'the stylesheet loaded');
      assert.deepEqual(problems, []);
      await page.close();
    });

    it('the header search box submits the query to the search page', async () => {
      const { page, problems } = await open(server, 'items/1-1/');
      await page.getByRole('search').first().getByRole('searchbox', { name: '搜索事项' }).fill('社保卡补办');
      await page.keyboard.press('Enter');
      await page.waitForURL(/\/search\/\?q=/);
      const url = new URL(page.url());
      assert.equal(url.pathname, `${site.base}search/`);
      assert.equal(url.searchParams.get('q'), '社保卡补办');
      assert.equal(await page.locator('h1').textContent(), '搜索事项');
      assert.deepEqual(problems, []);
      await page.close();
    });

    it('an item page leads by link to its bureau, its batch and its neighbours', async () => {
      const { page, problems } = await open(server, 'items/2-15/');
      assert.equal(await page.locator('h1').textContent(), '社会保障卡补领、换领、换发');
      await page.locator('a[rel="next"]').click();
      await page.waitForURL(/items\/2-16\/$/);
      assert.equal(await page.locator('h1').textContent(), '社会保障卡临时挂失');
      await page.locator('.facts').getByRole('link', { name: '市人社局' }).click();
      await page.waitForURL(/bureaus\/human-resources\/$/);
      assert.equal(await page.locator('h1').textContent(), '石家庄市人力资源和社会保障局');
      await page.getByRole('navigation', { name: '当前位置' }).getByRole('link', { name: '首页' }).click();
      await page.waitForURL(new RegExp(`${site.base}$`));
      assert.deepEqual(problems, []);
      await page.close();
    });

    it('the keyboard reaches the skip link first, and it moves focus to the content', async () => {
      const { page } = await open(server, 'bureaus/court/');
      await page.keyboard.press('Tab');
      const focused = await page.evaluate(() => document.activeElement?.textContent);
      assert.equal(focused, '跳到正文');
      assert.ok(await page.locator('.skip-link').isVisible(), 'the skip link shows when focused');
      await page.keyboard.press('Enter');
      assert.equal(await page.evaluate(() => document.activeElement?.id), 'main');
      await page.close();
    });

    it('pages fit a 320 px wide phone without horizontal scrolling', async () => {
      for (const path of ['', 'items/1-21/', 'bureaus/human-resources/', 'batches/1/', 'data-notes/', 'items/']) {
        const { page } = await open(server, path, { width: 320, height: 640 });
        assert.ok(await noHorizontalScroll(page), `${path || 'home'} scrolls sideways`);
        await page.close();
      }
    });

    it('an unknown address shows the helpful 404 page', async () => {
      const page = await browser.newPage();
      const response = await page.goto(`${server.url}does-not-exist/`);
      assert.equal(response?.status(), 404);
      assert.equal(await page.locator('h1').textContent(), '找不到这个页面');
      assert.ok(await page.locator('main input[type="search"]').isVisible());
      await page.locator('main').getByRole('link', { name: '返回首页' }).click();
      await page.waitForURL(new RegExp(`${site.base}$`));
      await page.close();
    });
  });
}
