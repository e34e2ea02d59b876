import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ENGINES, goto, newPage } from '../harness/driver.ts';
import { browserFixture } from '../harness/fixture.ts';
import { AXE_SOURCE, AXE_TAGS, axeViolations, COLOUR_RULES, EVERY_KIND_OF_PAGE } from '../harness/pages.ts';

// A file of its own, the slowest checks of the suite: the test runner runs it beside the others.
for (const engine of ENGINES) {
  describe(`accessibility (WCAG 2.2 AA): axe-core in ${engine}`, () => {
    const fx = browserFixture(engine, 'root');

    // Dark mode sets colour tokens only (src/styles/colour-modes.test.ts): in dark, the rules that read colours.
    for (const [colorScheme, spec] of [
      ['light', { tags: AXE_TAGS }],
      ['dark', { rules: COLOUR_RULES }],
    ] as const) {
      it(`axe finds no violation on any kind of page, ${colorScheme} scheme${colorScheme === 'dark' ? ' (the rules that read colours)' : ''}, phone width`, async () => {
        const found: string[] = [];
        // One tab for every page: a fresh one per page cost a third more CPU (scripts/bench-browser.ts), and nothing
        // here changes what the next page sees (no setting is switched, nothing stored).
        const page = await newPage(fx.browser, { width: 390, height: 844, colorScheme });
        for (const path of EVERY_KIND_OF_PAGE) {
          await goto(page, fx.server.url + path);
          await page.evaluate(AXE_SOURCE);
          for (const v of await page.evaluate(axeViolations, spec)) found.push(`${path || '/'}: ${v}`);
        }
        await page.close();
        assert.deepEqual(found, []);
      });
    }
  });
}
