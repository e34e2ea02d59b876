import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { HTTPRequest } from 'puppeteer-core';
import { newPage } from '../harness/driver.ts';
import { browserFixture } from '../harness/fixture.ts';
import { EVERY_KIND_OF_PAGE } from '../harness/pages.ts';

// Chromium only: Firefox implements no Layout Instability API (no `layout-shift` entries), and network
// throttling and holding requests are CDP commands.
const fx = browserFixture('chromium', 'root');

/**
 * Pages whose layout shift is measured here. The search page with results is
 * left to the search tests' owners: its results still push the footer down
 * (about 0.15), which is the search page's own shape, not a control appearing.
 */
const PAGES = EVERY_KIND_OF_PAGE.filter((path) => !path.startsWith('search/?'));

describe('layout stability (Chromium)', () => {
  it('no page shifts its layout while it loads (CLS below 0.01) on a slow phone, JavaScript-only controls included', async () => {
    /** Runs in the page before its own scripts: adds up every layout shift not caused by input, and says when it first paints. */
    const recordShifts = () => {
      const w = window as unknown as { shift: number; shifted: string[]; painted: () => void };
      w.shift = 0;
      w.shifted = [];
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries() as unknown as { value: number; hadRecentInput: boolean; sources: { node?: Element }[] }[]) {
          if (entry.hadRecentInput) continue;
          w.shift += entry.value;
          w.shifted.push(...entry.sources.map((s) => s.node?.id || s.node?.className || s.node?.nodeName || '?'));
        }
      }).observe({ type: 'layout-shift', buffered: true });
      new PerformanceObserver((_, observer) => {
        observer.disconnect();
        w.painted();
      }).observe({ type: 'paint', buffered: true });
    };
    // A slow phone: its first paint comes before its scripts have run, so anything a script adds or reveals
    // would move what is already on screen. Not left to chance (a throttled CPU, which Chromium emulates by
    // spinning, cost about 5 CPU seconds a page): the page's module scripts (the controls' code, /_astro/) are
    // held until the page has painted, and DOMContentLoaded, where the header's 长辈模式 buttons are made,
    // waits for them. The network is slow too (images and late files). One tab: with requests intercepted,
    // the cache is off, so every page loads cold.
    const page = await newPage(fx.browser, { width: 412, height: 823 });
    let held: HTTPRequest[] | undefined;
    await page.exposeFunction('painted', () => {
      const release = held ?? [];
      held = undefined;
      for (const request of release) void request.continue();
    });
    await page.evaluateOnNewDocument(recordShifts);
    await page.setRequestInterception(true);
    page.on('request', (request) => {
      if (held && request.resourceType() === 'script' && new URL(request.url()).pathname.startsWith('/_astro/')) held.push(request);
      else void request.continue();
    });
    const cdp = await page.createCDPSession();
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 150, downloadThroughput: 200_000, uploadThroughput: 100_000 });
    const problems: string[] = [];
    let scriptsHeld = 0;
    for (const path of PAGES) {
      held = [];
      const holding = held;
      await page.goto(fx.server.url + path, { waitUntil: 'networkidle0' });
      assert.equal(held, undefined, `${path || '/'}: the page painted`);
      scriptsHeld += holding.length;
      const { shift, shifted } = await page.evaluate(() => {
        const w = window as unknown as { shift: number; shifted: string[] };
        return { shift: w.shift, shifted: w.shifted };
      });
      if (shift >= 0.01) problems.push(`${path || '/'}: ${shift.toFixed(3)} (${[...new Set(shifted)].slice(0, 3).join(', ')})`);
    }
    await page.close();
    assert.ok(scriptsHeld >= PAGES.length / 2, `the pages' scripts were held until they painted (${scriptsHeld})`);
    assert.deepEqual(problems, []);
  });
});
