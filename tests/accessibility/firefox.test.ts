import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Page } from 'puppeteer-core';
import { firefoxFixture } from '../harness/firefox.ts';
import { setViewport } from '../harness/firefox-esr.ts';
import { AXE_SOURCE, AXE_TAGS, axeViolations, EVERY_KIND_OF_PAGE, FOCUS_PAGES, focusProblems, reflowProblems } from '../harness/pages.ts';

const fx = firefoxFixture('kstb');

/** A new tab that records page errors and console errors into `problems`. */
async function newPage(problems: string[], viewport = { width: 1280, height: 900 }): Promise<Page> {
  const page = await fx.browser.newPage();
  await setViewport(page, viewport);
  // The viewport is set over plain WebDriver BiDi (see setViewport): check that it took.
  assert.equal(await page.evaluate(() => window.innerWidth), viewport.width, 'viewport width');
  page.on('pageerror', (e) => problems.push(`page error: ${(e as Error).message}`));
  page.on('console', (m) => m.type() === 'error' && problems.push(`console: ${m.text()}`));
  return page;
}

/** Opens `path`; a search link is open once its results (or its no-result message) are shown. */
async function open(page: Page, path: string): Promise<void> {
  await page.goto(fx.server.url + path);
  if (path.startsWith('search/?')) await page.waitForFunction(() => document.getElementById('search-app')?.dataset.state === 'done');
}

describe('in Firefox ESR (WebDriver BiDi)', () => {
  for (const width of [320, 390]) {
    it(`no page scrolls sideways at ${width} px, even with WCAG text spacing applied`, async () => {
      const problems: string[] = [];
      const page = await newPage(problems, { width, height: 700 });
      for (const path of EVERY_KIND_OF_PAGE) {
        await open(page, path);
        problems.push(...(await reflowProblems((fn, arg) => page.evaluate(fn, arg), path)));
      }
      await page.close();
      assert.deepEqual(problems, []);
    });
  }

  it('axe finds no violation on any kind of page, phone width', async () => {
    const problems: string[] = [];
    const page = await newPage(problems, { width: 390, height: 844 });
    for (const path of EVERY_KIND_OF_PAGE) {
      await open(page, path);
      await page.evaluate(AXE_SOURCE);
      for (const v of await page.evaluate(axeViolations, AXE_TAGS)) problems.push(`${path || '/'}: ${v}`);
    }
    await page.close();
    assert.deepEqual(problems, []);
  });

  it('search: a query typed on the search page shows results and goes into the URL; the header box submits to it', async () => {
    const problems: string[] = [];
    const page = await newPage(problems, { width: 390, height: 844 });
    await open(page, 'search/');
    await page.type('#q', '社保卡补办');
    await page.keyboard.press('Enter');
    await page.waitForFunction(
      () => new URLSearchParams(location.search).get('q') === '社保卡补办' && document.getElementById('search-app')?.dataset.state === 'done',
    );
    const first = await page.$eval('#search-results > li a', (a) => (a as HTMLAnchorElement).pathname);
    assert.equal(first, '/kstb/items/2-15/');
    assert.match(await page.$eval('#search-status', (el) => el.textContent ?? ''), /^找到 \d+ 项与“社保卡补办”相关的事项。/);

    // The header box is for wide screens; phones get a one-tap link to the search page instead.
    await setViewport(page, { width: 1280, height: 900 });
    await open(page, 'items/1-1/');
    await page.type('#site-search', '公积金提取');
    await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
    await page.waitForFunction(() => document.getElementById('search-app')?.dataset.state === 'done');
    assert.equal(new URL(page.url()).searchParams.get('q'), '公积金提取');
    assert.ok((await page.$$('#search-results > li')).length > 0, 'results for the header query');
    await page.close();
    assert.deepEqual(problems, []);
  });

  it('大字版 enlarges the text and is remembered on the next page', async () => {
    const problems: string[] = [];
    const page = await newPage(problems);
    await open(page, 'items/2-15/');
    const size = () => page.evaluate(() => parseFloat(getComputedStyle(document.body).fontSize));
    const pressed = () => page.$eval('#text-size-toggle', (b) => b.getAttribute('aria-pressed'));
    const base = await size();
    assert.equal(await pressed(), 'false');
    await page.click('#text-size-toggle');
    assert.equal(await pressed(), 'true');
    assert.ok((await size()) >= base * 1.2, 'the text is larger');
    await open(page, 'bureaus/court/');
    assert.equal(await page.evaluate(() => document.documentElement.dataset.textSize), 'large', 'remembered on the next page');
    assert.equal(await pressed(), 'true');
    await page.click('#text-size-toggle');
    await page.reload();
    assert.equal(await page.evaluate(() => document.documentElement.dataset.textSize), undefined, 'switched off again');
    await page.close();
    assert.deepEqual(problems, []);
  });

  it('every element the keyboard reaches shows a visible focus', async () => {
    const problems: string[] = [];
    for (const path of FOCUS_PAGES) {
      // A fresh tab per page: 60 presses of Tab can leave the document for the browser's own controls.
      const page = await newPage(problems);
      await open(page, path);
      const found = await focusProblems(
        () => page.keyboard.press('Tab'),
        (fn, arg) => page.evaluate(fn, arg),
        path,
      );
      problems.push(...found.problems);
      assert.ok(found.reached > 10, `${path}: the keyboard reaches the page's controls`);
      await page.close();
    }
    assert.deepEqual(problems, []);
  });
});
