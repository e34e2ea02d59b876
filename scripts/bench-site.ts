/**
 * What `npm run bench` measures on a built site: its files and size, the
 * bytes of the search page and its first search, and query times in Chromium
 * with 4× CPU throttling for a fixed query set.
 */
import { statSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'puppeteer-core';
import { newPage } from '../tests/harness/driver.ts';
import { listFiles } from '../tests/harness/build.ts';
import { pageWeight } from '../tests/harness/weight.ts';

/** The p-th percentile (nearest rank). */
export const percentile = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil((p / 100) * xs.length) - 1)]!;

/**
 * The fixed query set: everyday words, a full name, pinyin, a typo, a word
 * every item shares (市, 办理), a city's name and nonsense. On a synthetic
 * catalog the city is its first fictional city; on the real one, 石家庄.
 */
const QUERIES = ['社保卡', '社保卡补办', '驾照', '结婚登记', '公积金提取', '户口迁移', '学历公证', 'shebaoka', '退休金', '市', '办理', 'CITY', '火星签证'];
/** Repetitions of the query set; p50 and p95 are over all of them. */
const QUERY_ROUNDS = 2;
/** CPU throttling of the query-time measurement: a slow phone. */
const THROTTLE = 4;
/** Longest wait for one query's results before it counts as timed out. */
const QUERY_TIMEOUT = 120_000;

/** Submits a query on an open search page and waits for its results: milliseconds, or Infinity on time-out. */
async function timeQuery(page: Page, query: string): Promise<number> {
  const started = performance.now();
  await page.evaluate((q) => {
    const form = document.getElementById('search-form') as HTMLFormElement;
    (form.elements.namedItem('q') as HTMLInputElement).value = q;
    form.requestSubmit();
  }, query);
  try {
    await page.waitForFunction(() => document.getElementById('search-app')?.dataset.state === 'done', { timeout: QUERY_TIMEOUT });
  } catch {
    return Infinity;
  }
  return performance.now() - started;
}

/**
 * Query times under 4× CPU throttling: the search page is opened once with a
 * shared link (its first results are timed apart, as start-up), then every query
 * of the set is typed and submitted, QUERY_ROUNDS times.
 */
export async function queryTimes(browser: Browser, siteUrl: string, city: string) {
  const page = await newPage(browser);
  const cdp = await page.createCDPSession();
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: THROTTLE });
  const started = performance.now();
  await page.goto(`${siteUrl}search/?q=${encodeURIComponent('社保卡')}`);
  await page.waitForFunction(() => document.getElementById('search-app')?.dataset.state === 'done', { timeout: QUERY_TIMEOUT });
  const firstResults = performance.now() - started;
  const times: number[] = [];
  const byQuery = new Map<string, number[]>();
  for (let round = 0; round < QUERY_ROUNDS; round++) {
    for (const q of QUERIES.map((x) => (x === 'CITY' ? city : x))) {
      const ms = await timeQuery(page, q);
      times.push(ms);
      byQuery.set(q, [...(byQuery.get(q) ?? []), ms]);
    }
  }
  await page.close();
  return { firstResults, p50: percentile(times, 50), p95: percentile(times, 95), byQuery };
}

/** Gzipped bytes of the search page opened with a shared link, and of what its first search fetched on top. */
export async function searchWeight(browser: Browser, siteUrl: string) {
  const w = await pageWeight(browser, `${siteUrl}search/`, async (page) => {
    await page.evaluate(() => {
      const form = document.getElementById('search-form') as HTMLFormElement;
      (form.elements.namedItem('q') as HTMLInputElement).value = '社保卡';
      form.requestSubmit();
    });
    await page.waitForFunction(() => document.getElementById('search-app')?.dataset.state === 'done');
  });
  return { pageBytes: w.loadBytes, searchBytes: w.actBytes, searchRequests: w.actUrls.length };
}

/** Files and bytes of a built site. */
export function outputSize(dir: string) {
  const files = listFiles(dir);
  return { files: files.length, pages: files.filter((f) => f.endsWith('.html')).length, bytes: files.reduce((n, f) => n + statSync(join(dir, f)).size, 0) };
}
