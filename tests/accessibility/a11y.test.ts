import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { BrowserContext } from 'playwright-core';
import { browserFixture, openPage } from '../harness/fixture.ts';
import { EVERY_KIND_OF_PAGE as PAGES, FOCUS_PAGES, focusProblems, reflowProblems } from '../harness/pages.ts';

const fx = browserFixture('root');

/** Opens a page of the served site in a new tab. */
const open = (context: BrowserContext, path: string) => openPage(context, fx.server.url + path);

describe('accessibility (WCAG 2.2 AA)', () => {
  it('dark mode follows the system setting', async () => {
    const context = await fx.browser.newContext({ colorScheme: 'dark' });
    const page = await open(context, 'items/2-15/');
    const [bg, fg] = await page.evaluate(() => [getComputedStyle(document.documentElement).backgroundColor, getComputedStyle(document.body).color]);
    assert.equal(bg, 'rgb(18, 18, 18)');
    assert.equal(fg, 'rgb(243, 242, 241)');
    await context.close();
  });

  it('no page scrolls sideways at 320 px, even with WCAG text spacing applied', async () => {
    const context = await fx.browser.newContext({ viewport: { width: 320, height: 640 } });
    const problems: string[] = [];
    for (const path of PAGES) {
      const page = await open(context, path);
      problems.push(...(await reflowProblems((fn, arg) => page.evaluate(fn, arg), path)));
      await page.close();
    }
    await context.close();
    assert.deepEqual(problems, []);
  });

  it('every element the keyboard reaches shows a visible focus', async () => {
    const context = await fx.browser.newContext();
    const problems: string[] = [];
    for (const path of FOCUS_PAGES) {
      const page = await open(context, path);
      const found = await focusProblems(
        () => page.keyboard.press('Tab'),
        (fn, arg) => page.evaluate(fn, arg),
        path,
      );
      problems.push(...found.problems);
      assert.ok(found.reached > 10, `${path}: the keyboard reaches the page's controls`);
      await page.close();
    }
    await context.close();
    assert.deepEqual(problems, []);
  });

  it('links are underlined, so colour never carries meaning alone', async () => {
    const context = await fx.browser.newContext();
    for (const path of ['', 'items/3-25/', 'bureaus/human-resources/', 'data-notes/']) {
      const page = await open(context, path);
      const plain = await page.evaluate(() =>
        [...document.querySelectorAll('main a')]
          .filter((a) => ![a, ...a.querySelectorAll('*')].some((el) => getComputedStyle(el).textDecorationLine.includes('underline')))
          .map((a) => a.textContent),
      );
      assert.deepEqual(plain, [], path);
      await page.close();
    }
    await context.close();
  });

  it('reads large by default, and 大字版 enlarges every page and is remembered', async () => {
    const context = await fx.browser.newContext();
    const page = await open(context, 'items/2-15/');
    const size = () => page.evaluate(() => [parseFloat(getComputedStyle(document.body).fontSize), parseFloat(getComputedStyle(document.body).lineHeight)]);
    const [base, line] = await size();
    assert.ok(base! >= 16, `base text ${base}px`);
    assert.ok(line! / base! >= 1.5, `line height ${line! / base!}`);
    const toggle = page.getByRole('button', { name: '大字版' });
    assert.equal(await toggle.getAttribute('aria-pressed'), 'false');
    await toggle.click();
    assert.equal(await toggle.getAttribute('aria-pressed'), 'true');
    const [large] = await size();
    assert.ok(large! >= base! * 1.2, `large text ${large}px`);
    await page.goto(`${fx.server.url}bureaus/court/`);
    assert.equal(await page.evaluate(() => document.documentElement.dataset.textSize), 'large', 'remembered on the next page');
    assert.ok((await size())[0]! >= base! * 1.2);
    await page.getByRole('button', { name: '大字版' }).click();
    await page.reload();
    assert.equal(await page.evaluate(() => document.documentElement.dataset.textSize), undefined, 'switched off again');
    await context.close();
  });

  it('has an accessibility statement with the standard, known gaps, how to report and the review date', async () => {
    const context = await fx.browser.newContext();
    const page = await open(context, 'accessibility/');
    const main = (await page.locator('main').textContent()) ?? '';
    for (const part of ['WCAG', '2.2 AA', '已知的不足', '反馈问题', '检查日期', '本声明最近一次检查和更新于 2026年11月28日'])
      assert.ok(main.includes(part), part);
    assert.ok(await (await open(context, '')).locator('footer a[href="/accessibility/"]').isVisible());
    await context.close();
  });
});
