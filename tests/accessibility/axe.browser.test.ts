import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Page } from 'puppeteer-core';
import { ENGINES, goto, newPage } from '../harness/driver.ts';
import { browserFixture } from '../harness/fixture.ts';
import { AXE_SOURCE, AXE_TAGS, axeViolations, COLOUR_RULES, DARK_SAMPLE, EVERY_KIND_OF_PAGE, EVERY_TEMPLATE } from '../harness/pages.ts';

/** axe's violations on the loaded page, as "path: rule (targets)". */
async function violations(page: Page, path: string, spec: { tags?: string[]; rules?: string[] }): Promise<string[]> {
  return (await page.evaluate(axeViolations, spec)).map((v) => `${path || '/'}: ${v}`);
}

// A file of its own, the slowest checks of the suite: the test runner runs it beside the others.
for (const engine of ENGINES) {
  describe(`accessibility (WCAG 2.2 AA): axe-core in ${engine}`, () => {
    const fx = browserFixture(engine, 'root');

    // Dark mode sets colour tokens only (src/styles/colour-modes.test.ts): in dark, the rules that read colours.
    if (engine === 'chromium')
      it('axe finds no violation on any kind of page, phone width: every AA rule in light, and the rules that read colours in dark (switched on the loaded page)', async () => {
        const found: string[] = [];
        // One tab for every page: a fresh one per page cost a third more CPU (scripts/bench-browser.ts), and nothing
        // here changes what the next page sees (no setting is switched, nothing stored). Each page is loaded once:
        // Chromium switches its colour scheme on the loaded page.
        const page = await newPage(fx.browser, { width: 390, height: 844 });
        for (const path of EVERY_KIND_OF_PAGE) {
          await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: 'light' }]);
          await goto(page, fx.server.url + path);
          await page.evaluate(AXE_SOURCE);
          found.push(...(await violations(page, path, { tags: AXE_TAGS })));
          await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: 'dark' }]);
          const dark = await page.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches);
          assert.ok(dark, `${path || '/'}: the page sees the dark scheme`);
          found.push(...(await violations(page, path, { rules: COLOUR_RULES })).map((v) => `dark ${v}`));
        }
        await page.close();
        assert.deepEqual(found, []);
      });

    // Firefox takes the colour scheme at launch (a second Firefox for dark): each scheme on its own tab.
    if (engine === 'firefox')
      for (const [colorScheme, spec, paths, which] of [
        ['light', { tags: AXE_TAGS }, EVERY_TEMPLATE, 'every template'],
        ['dark', { rules: COLOUR_RULES }, DARK_SAMPLE, 'a page of each set of colours (the rules that read colours)'],
      ] as const) {
        it(`axe finds no violation, ${colorScheme} scheme, on ${which}, phone width`, async () => {
          const found: string[] = [];
          const page = await newPage(fx.browser, { width: 390, height: 844, colorScheme });
          for (const path of paths) {
            await goto(page, fx.server.url + path);
            await page.evaluate(AXE_SOURCE);
            found.push(...(await violations(page, path, spec)));
          }
          await page.close();
          assert.deepEqual(found, []);
        });
      }
  });
}
