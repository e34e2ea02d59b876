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
 * The gzipped size of a response whose body CDP did not keep (a worker's fetch, sometimes): a redirect or an
 * empty response has none; any other body is fetched again from the static site, and one that cannot be read
 * stops the measure, never counted as nothing (a gate that counted it as 0 bytes would pass unseen).
 */
async function bodyAgain(url: string, status: number, error: unknown): Promise<number> {
  if ((status >= 300 && status < 400) || status === 204) return 0;
  const response = await fetch(url);
  if (!response.ok) throw new Error(`page weight: the body of ${url} (status ${status}) could not be read: ${String(error)}`);
  return gzipSync(Buffer.from(await response.arrayBuffer())).length;
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
        (error) => bodyAgain(r.url(), r.status(), error),
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
