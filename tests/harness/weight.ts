import { gzipSync } from 'node:zlib';
import type { Browser, Page } from 'puppeteer-core';

/** What loading a page cost: gzipped bytes and the URLs requested, before and during an action. */
export interface PageWeight {
  loadBytes: number;
  loadUrls: string[];
  actBytes: number;
  actUrls: string[];
}

/**
 * Opens a page in a fresh context (empty cache) and measures every response
 * until the network is idle, gzipped as a static host would send it; then,
 * optionally, what an action fetches (documents it navigates to excluded).
 * Chromium only: response bodies come over CDP (`launch('chromium')` from driver.ts).
 */
export async function pageWeight(browser: Browser, url: string, act?: (page: Page) => Promise<void>): Promise<PageWeight> {
  const context = await browser.createBrowserContext();
  const page = await context.newPage();
  let phase: 'load' | 'act' = 'load';
  const seen = { load: [] as { url: string; bytes: Promise<number> }[], act: [] as { url: string; bytes: Promise<number> }[] };
  page.on('response', (r) => {
    if (phase === 'act' && r.request().resourceType() === 'document') return;
    seen[phase].push({
      url: r.url(),
      bytes: r.buffer().then(
        (b) => gzipSync(b).length,
        () => 0,
      ),
    });
  });
  await page.goto(url, { waitUntil: 'networkidle0' });
  phase = 'act';
  if (act) await act(page);
  const total = async (list: { bytes: Promise<number> }[]) => (await Promise.all(list.map((x) => x.bytes))).reduce((a, b) => a + b, 0);
  const weight = {
    loadBytes: await total(seen.load),
    loadUrls: seen.load.map((x) => x.url),
    actBytes: await total(seen.act),
    actUrls: seen.act.map((x) => x.url),
  };
  await context.close();
  return weight;
}
