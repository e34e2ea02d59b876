import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'puppeteer-core';
import { SITES, type SiteName } from '../harness/build.ts';
import { closeBrowser, ENGINES, launch, newPage, searchDone, setViewport } from '../harness/driver.ts';
import { isVisible, linkNamed, textOf } from '../harness/fixture.ts';
import { serveStatic, type StaticServer } from '../harness/static-server.ts';

/** Opens a page and records console errors, failed requests and requests leaving the site's origin. */
async function open(browser: Browser, server: StaticServer, path: string, viewport = { width: 1280, height: 900 }) {
  const page = await newPage(browser, viewport);
  const problems: string[] = [];
  page.on('console', (m) => m.type() === 'error' && problems.push(`console: ${m.text()}`));
  page.on('pageerror', (e) => problems.push(`page error: ${(e as Error).message}`));
  // A request cut short because the test navigated on (aborted) is not a failure of the site.
  page.on(
    'requestfailed',
    (r) => !/ERR_ABORTED|NS_BINDING_ABORTED/.test(r.failure()?.errorText ?? '') && problems.push(`failed: ${r.url()} ${r.failure()?.errorText}`),
  );
  // A data: URL reaches no server (Firefox loads one font of its own that way on every page).
  page.on('request', (r) => !r.url().startsWith(server.origin) && !r.url().startsWith('data:') && problems.push(`third party: ${r.url()}`));
  page.on('response', (r) => r.status() >= 400 && !r.url().endsWith('/does-not-exist/') && problems.push(`${r.status()}: ${r.url()}`));
  await page.goto(server.url + path);
  return { page, problems };
}

async function noHorizontalScroll(page: Page) {
  return page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth);
}

/** Clicks `el` and waits until the address's path matches `path`. */
async function follow(page: Page, el: { click(): Promise<void> }, path: RegExp) {
  await Promise.all([page.waitForNavigation(), el.click()]);
  assert.match(new URL(page.url()).pathname, path);
}

for (const engine of ENGINES) {
  describe(engine, () => {
    let browser: Browser;
    before(async () => {
      browser = await launch(engine);
    });
    after(async () => {
      if (browser) await closeBrowser(browser);
    });

    // Chromium at both bases. Where the site is served changes its markup (links, the search page's addresses), the
    // same for both engines: Firefox runs every test at the sub-path, where a link built without the base breaks.
    const names = engine === 'chromium' ? (Object.keys(SITES) as SiteName[]) : (['kstb'] as const);
    for (const name of names) {
      const site = SITES[name];
      describe(`in ${engine}, served at ${site.base}${engine === 'firefox' ? ' (/ in Chromium)' : ''}`, () => {
        let server: StaticServer;
        before(async () => {
          server = await serveStatic(site.dir, site.base);
        });
        after(async () => {
          await server?.close();
        });

        it('the home page loads styled, with no error and no third-party request', async () => {
          const { page, problems } = await open(browser, server, '');
          assert.equal(await textOf(page, 'h1'), '石家庄市跨省通办事项目录');
          const headerBg = await page.$eval('header.site-header', (el) => getComputedStyle(el).backgroundColor);
          assert.equal(headerBg, 'rgb(11, 12, 12)', 'the stylesheet loaded');
          assert.deepEqual(problems, []);
          await page.close();
        });

        it('the header search box submits the query to the search page', async () => {
          const { page, problems } = await open(browser, server, 'items/1-1/');
          // The first search landmark's search box, named by its label.
          const box = (await page.$('[role="search"] input[type="search"]'))!;
          assert.equal(await box.evaluate((el) => (el as HTMLInputElement).labels?.[0]?.textContent?.trim()), '搜索事项');
          await box.type('社保卡补办');
          await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
          await searchDone(page);
          const url = new URL(page.url());
          assert.equal(url.pathname, `${site.base}search/`);
          assert.equal(url.searchParams.get('q'), '社保卡补办');
          assert.equal(await textOf(page, 'h1'), '搜索事项');
          assert.deepEqual(problems, []);
          await page.close();
        });

        it('search: a query typed on the search page shows results and goes into the URL; the header box submits to it', async () => {
          const { page, problems } = await open(browser, server, 'search/', { width: 390, height: 844 });
          await page.type('#q', '社保卡补办');
          await page.keyboard.press('Enter');
          await page.waitForFunction(
            () => new URLSearchParams(location.search).get('q') === '社保卡补办' && document.getElementById('search-app')?.dataset.state === 'done',
          );
          const first = await page.$eval('#search-results > li a', (a) => (a as HTMLAnchorElement).pathname);
          assert.equal(first, `${site.base}items/2-15/`);
          assert.match((await textOf(page, '#search-status')) ?? '', /^找到 \d+ 项与“社保卡补办”对应的事项。/);
          // The header box is for wide screens; phones get a one-tap link to the search page instead.
          await setViewport(page, { width: 1280, height: 900 });
          await page.goto(`${server.url}items/1-1/`);
          await page.type('#site-search', '公积金提取');
          await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
          await searchDone(page);
          assert.equal(new URL(page.url()).searchParams.get('q'), '公积金提取');
          assert.ok((await page.$$('#search-results > li')).length > 0, 'results for the header query');
          assert.deepEqual(problems, []);
          await page.close();
        });

        it('an item page leads by link to its bureau, its batch and its neighbours', async () => {
          const { page, problems } = await open(browser, server, 'items/2-15/');
          assert.equal(await textOf(page, 'h1'), '社会保障卡补领、换领、换发');
          await follow(page, (await page.$('a[rel="next"]'))!, /items\/2-16\/$/);
          assert.equal(await textOf(page, 'h1'), '社会保障卡临时挂失');
          await follow(page, await linkNamed(page, '市人社局', '.facts'), /bureaus\/human-resources\/$/);
          assert.equal(await textOf(page, 'h1'), '石家庄市人力资源和社会保障局');
          await follow(page, await linkNamed(page, '首页', 'nav[aria-label="当前位置"]'), new RegExp(`^${site.base}$`));
          assert.deepEqual(problems, []);
          await page.close();
        });

        it('the keyboard reaches the skip link first, and it moves focus to the content', async () => {
          const { page } = await open(browser, server, 'bureaus/court/');
          await page.keyboard.press('Tab');
          const focused = await page.evaluate(() => document.activeElement?.textContent);
          assert.equal(focused, '跳到正文');
          assert.ok(await isVisible(page, '.skip-link'), 'the skip link shows when focused');
          await page.keyboard.press('Enter');
          assert.equal(await page.evaluate(() => document.activeElement?.id), 'main');
          await page.close();
        });

        it('pages fit a 320 px wide phone without horizontal scrolling', async () => {
          // One tab for all: nothing is stored or focused, so no page sees what the one before did.
          const page = await newPage(browser, { width: 320, height: 640 });
          for (const path of ['', 'items/1-21/', 'bureaus/human-resources/', 'batches/1/', 'data-notes/', 'items/']) {
            await page.goto(server.url + path);
            assert.ok(await noHorizontalScroll(page), `${path || 'home'} scrolls sideways`);
          }
          await page.close();
        });

        it('an unknown address shows the helpful 404 page', async () => {
          const page = await newPage(browser);
          const response = await page.goto(`${server.url}does-not-exist/`);
          assert.equal(response?.status(), 404);
          assert.equal(await textOf(page, 'h1'), '找不到这个页面');
          assert.ok(await isVisible(page, 'main input[type="search"]'));
          await follow(page, await linkNamed(page, '返回首页', 'main'), new RegExp(`^${site.base}$`));
          await page.close();
        });
      });
    }
  });
}
