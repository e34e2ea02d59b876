import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { browserFixture, openPage } from '../harness/fixture.ts';
import { AXE_SOURCE, AXE_TAGS, axeViolations, EVERY_KIND_OF_PAGE } from '../harness/pages.ts';

// A file of its own, the slowest checks of the suite: the test runner runs it beside the others.
const fx = browserFixture('root');

describe('accessibility (WCAG 2.2 AA): axe-core in Chromium', () => {
  for (const colorScheme of ['light', 'dark'] as const) {
    it(`axe finds no violation on any kind of page, ${colorScheme} scheme, phone width`, async () => {
      const context = await fx.browser.newContext({ viewport: { width: 390, height: 844 }, colorScheme });
      const found: string[] = [];
      for (const path of EVERY_KIND_OF_PAGE) {
        const page = await openPage(context, fx.server.url + path);
        await page.evaluate(AXE_SOURCE);
        for (const v of await page.evaluate(axeViolations, AXE_TAGS)) found.push(`${path || '/'}: ${v}`);
        await page.close();
      }
      await context.close();
      assert.deepEqual(found, []);
    });
  }
});
