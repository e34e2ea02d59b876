import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Browser, Page } from 'puppeteer-core';
import { ENGINES, goto, newPage, openPage, setViewport, type PageOptions } from '../harness/driver.ts';
import { browserFixture, buttonNamed, isVisible, textOf } from '../harness/fixture.ts';
import { EVERY_KIND_OF_PAGE as PAGES, ONE_PAGE_OF_EACH_KIND, reflowProblems } from '../harness/pages.ts';

/**
 * Opens `url` in a new tab that records page errors and console errors into
 * `problems` (the 404 page's own status excepted), and checks that the viewport took.
 */
async function open(browser: Browser, url: string, problems: string[], options: PageOptions = {}): Promise<Page> {
  const page = await openPage(browser, 'about:blank', options);
  assert.equal(await page.evaluate(() => window.innerWidth), options.width ?? 1280, 'viewport width');
  page.on('pageerror', (e) => problems.push(`page error: ${(e as Error).message}`));
  page.on('console', (m) => m.type() === 'error' && !m.location().url?.endsWith('/does-not-exist/') && problems.push(`console: ${m.text()}`));
  await page.goto(url);
  if (url.includes('/search/?')) await page.waitForFunction(() => document.getElementById('search-app')?.dataset.state === 'done');
  return page;
}

for (const engine of ENGINES) {
  describe(`accessibility (WCAG 2.2 AA) in ${engine}`, () => {
    const fx = browserFixture(engine, 'root');

    // Every kind of page in Chromium, one page of each kind in Firefox (tests/README.md: the exhaustive sweep in one
    // engine, the same test body in both): a page or style that scrolls sideways or clips does so in Chromium's sweep.
    const pages = engine === 'chromium' ? PAGES : ONE_PAGE_OF_EACH_KIND;
    it(`no page scrolls sideways at 320 or 390 px, even with WCAG text spacing applied (${engine === 'chromium' ? `all ${PAGES.length} pages` : `one page of each kind, ${pages.length} pages`})`, async () => {
      const problems: string[] = [];
      // One tab for every page (a fresh one per page cost a third more CPU, scripts/bench-browser.ts; nothing here is stored),
      // one load per page, measured at each width: the layout follows the viewport as on a resized window.
      const page = await open(fx.browser, 'about:blank', problems, { width: 320, height: 640 });
      for (const path of pages) {
        await setViewport(page, { width: 320, height: 640 });
        await goto(page, fx.server.url + path);
        for (const [width, height] of [
          [320, 640],
          [390, 700],
        ] as const) {
          await setViewport(page, { width, height });
          assert.equal(await page.evaluate(() => window.innerWidth), width, 'viewport width');
          problems.push(...(await reflowProblems((fn, arg) => page.evaluate(fn, arg), `${width} ${path || '/'}`)));
        }
      }
      await page.close();
      assert.deepEqual(problems, []);
    });

    it('links are underlined, so colour never carries meaning alone', async () => {
      // One tab for the four pages: nothing here is stored.
      const page = await newPage(fx.browser);
      for (const path of ['', 'items/3-25/', 'bureaus/human-resources/', 'data-notes/']) {
        await goto(page, fx.server.url + path);
        const plain = await page.evaluate(() =>
          [...document.querySelectorAll('main a')]
            .filter((a) => ![a, ...a.querySelectorAll('*')].some((el) => getComputedStyle(el).textDecorationLine.includes('underline')))
            .map((a) => a.textContent),
        );
        assert.deepEqual(plain, [], path);
      }
      await page.close();
    });

    it('reads large by default, and 大字版 enlarges every page and is remembered', async () => {
      const problems: string[] = [];
      const page = await open(fx.browser, `${fx.server.url}items/2-15/`, problems);
      const size = () => page.evaluate(() => [parseFloat(getComputedStyle(document.body).fontSize), parseFloat(getComputedStyle(document.body).lineHeight)]);
      const pressed = () => page.$eval('#text-size-toggle', (b) => b.getAttribute('aria-pressed'));
      const [base, line] = await size();
      assert.ok(base! >= 16, `base text ${base}px`);
      assert.ok(line! / base! >= 1.5, `line height ${line! / base!}`);
      assert.equal(await pressed(), 'false');
      await (await buttonNamed(page, '大字版')).click();
      assert.equal(await pressed(), 'true');
      const [large] = await size();
      assert.ok(large! >= base! * 1.2, `large text ${large}px`);
      await page.goto(`${fx.server.url}bureaus/court/`);
      assert.equal(await page.evaluate(() => document.documentElement.dataset.textSize), 'large', 'remembered on the next page');
      assert.equal(await pressed(), 'true');
      assert.ok((await size())[0]! >= base! * 1.2);
      await (await buttonNamed(page, '大字版')).click();
      await page.reload();
      assert.equal(await page.evaluate(() => document.documentElement.dataset.textSize), undefined, 'switched off again');
      await page.close();
      assert.deepEqual(problems, []);
    });

    it('has an accessibility statement with the standard, known gaps, how to report and the review date', async () => {
      const page = await openPage(fx.browser, `${fx.server.url}accessibility/`);
      const main = (await textOf(page, 'main')) ?? '';
      // The review date itself comes from content/site.yaml and is checked there (share/deploy.site.test.ts).
      for (const part of ['WCAG', '2.2 AA', '已知的不足', '反馈问题', '检查日期', '本声明最近一次检查和更新于']) assert.ok(main.includes(part), part);
      await page.goto(fx.server.url);
      assert.ok(await isVisible(page, 'footer a[href="/accessibility/"]'));
      await page.close();
    });
  });
}
