/**
 * Compares ways to shard the search index of a national catalog, measured on
 * Pagefind itself in Chromium with 4× CPU throttling: for each layout, the
 * gzipped bytes a first search downloads (engine, index and the first ten
 * results' data) and the time of each query of a fixed set, including queries
 * that match every item of a city (市, 办理, a city's name).
 * Layouts: one index of everything (today); one index per region of
 * REGION cities; one index per city, searched together with the national list
 * through Pagefind's mergeIndex; and every region merged (a nationwide search).
 * Usage: npm run bench:index -- DIR [--region 40]   (DIR from npm run synth -- N DIR)
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import * as pagefind from 'pagefind';
import type { Browser } from 'puppeteer-core';
import { loadCatalog } from '../src/build/load-catalog.ts';
import { OWN_CITY_CODE } from '../src/lib/core/cities.ts';
import { addSearchIndex, catalogSearchRecords } from '../src/build/search-index.ts';
import { sortItems } from '../src/lib/views/grouping.ts';
import type { SearchRecord } from '../src/lib/search/record.ts';
import { closeBrowser, launch, newPage } from '../tests/harness/driver.ts';
import { watch } from './bench-build.ts';
import { serveStatic } from '../tests/harness/static-server.ts';

const { values, positionals } = parseArgs({ allowPositionals: true, options: { region: { type: 'string', default: '40' } } });
const root = resolve(positionals[0] ?? '.');
const regionSize = Number(values.region);
const QUERIES = ['社保卡', '结婚登记', 'shebaoka', '学历公证', '市', '办理', '虚构001号市'];
const THROTTLE = 4;

/** The number of an item's city (the catalog's city field: c007 → 7, npm run synth), 0 for the table's own. */
const cityOf = (city: string) => (city === OWN_CITY_CODE ? 0 : Number(city.replace(/^c/, '')));

const catalog = loadCatalog(root);
const items = sortItems(catalog.items);
const records = catalogSearchRecords(catalog);
const byCity = new Map<number, SearchRecord[]>();
items.forEach((item, i) => {
  const city = cityOf(item.city);
  byCity.set(city, [...(byCity.get(city) ?? []), records[i]!]);
});
const cities = Math.max(...byCity.keys());
console.log(`${records.length} records, ${cities} synthetic cities and the real table; regions of ${regionSize} cities`);

const site = mkdtempSync(join(tmpdir(), 'kstb-index-'));
/**
 * Builds one layout and reports its time and Pagefind's peak memory. Pagefind's
 * service is one process for all layouts, and its memory is not handed back at
 * once, so the layouts go from the smallest index to the largest.
 */
const timed = async (label: string, work: () => Promise<void>) => {
  const started = performance.now();
  const stop = watch(process.pid);
  await work();
  const { rss, cpu } = stop();
  console.log(
    `  built ${label} in ${((performance.now() - started) / 1000).toFixed(1)} s; Pagefind peak RSS ${rss.pagefind.toFixed(0)} MiB, CPU ${cpu.pagefind.toFixed(1)} s so far`,
  );
};
try {
  await timed('city indexes', async () => {
    for (const [city, list] of byCity) await addSearchIndex(list, join(site, `city/${city}/pagefind`));
  });
  await timed('region indexes', async () => {
    for (let r = 0; r * regionSize < cities; r++) {
      const own = [...byCity].filter(([c]) => c >= 1 + r * regionSize && c <= (r + 1) * regionSize).flatMap(([, list]) => list);
      if (own.length > 0) await addSearchIndex(own, join(site, `region/${r}/pagefind`));
    }
  });
  await timed('one index', () => addSearchIndex(records, join(site, 'whole/pagefind')));
} finally {
  await pagefind.close();
}
const regions = Math.ceil(cities / regionSize);
writeFileSync(join(site, 'index.html'), '<!DOCTYPE html><html lang="zh-CN"><title>bench</title><p>bench</p></html>');
writeFileSync(join(site, '404.html'), '<!DOCTYPE html><html lang="zh-CN"><title>404</title></html>');

/** A layout: the bundle searched first and the bundles merged into it. */
const LAYOUTS: { name: string; primary: string; merged: string[] }[] = [
  { name: 'one index (today)', primary: '/whole/pagefind/', merged: [] },
  { name: `one region (${regionSize} cities)`, primary: '/region/0/pagefind/', merged: [] },
  { name: 'own city + national list (mergeIndex)', primary: '/city/1/pagefind/', merged: ['/city/0/pagefind/'] },
  {
    name: `national list + all ${regions} regions merged`,
    primary: '/city/0/pagefind/',
    merged: Array.from({ length: regions }, (_, r) => `/region/${r}/pagefind/`),
  },
];

/** Runs the query set on one layout in a fresh, throttled browser context. */
async function measure(browser: Browser, origin: string, layout: (typeof LAYOUTS)[number]) {
  const page = await newPage(browser);
  const cdp = await page.createCDPSession();
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: THROTTLE });
  const bytes: Promise<number>[] = [];
  let requests = 0;
  page.on('response', (r) => {
    if (r.request().resourceType() === 'document') return;
    requests++;
    bytes.push(
      r.buffer().then(
        (b) => gzipSync(b).length,
        () => 0,
      ),
    );
  });
  await page.goto(`${origin}/`);
  const sum = async () => (await Promise.all(bytes)).reduce((a, b) => a + b, 0);
  const out: { query: string; ms: number; count: number; bytes: number; requests: number }[] = [];
  for (const query of QUERIES) {
    const before = { bytes: await sum(), requests };
    const result = await page.evaluate(
      async ({ primary, merged, query }) => {
        const w = window as unknown as { pf?: any };
        const started = performance.now();
        if (!w.pf) {
          w.pf = await import(`${primary}pagefind.js`);
          await w.pf.options({ excerptLength: 0 });
          for (const bundle of merged) await w.pf.mergeIndex(bundle);
          await w.pf.init();
        }
        const search = await w.pf.search(query);
        // What a results page needs: the first ten results' data.
        await Promise.all(search.results.slice(0, 10).map((r: any) => r.data()));
        return { ms: performance.now() - started, count: search.results.length };
      },
      { primary: layout.primary, merged: layout.merged, query },
    );
    await page.waitForNetworkIdle({ idleTime: 500 });
    out.push({ query, ...result, bytes: (await sum()) - before.bytes, requests: requests - before.requests });
  }
  await page.close();
  return out;
}

const server = await serveStatic(site, '/');
const browser = await launch('chromium');
try {
  console.log(`\nlayout | query: ms (4× throttled), results, gz KiB downloaded, requests — the first query includes start-up`);
  for (const layout of LAYOUTS) {
    const rows = await measure(browser, server.origin, layout);
    const first = rows.reduce((n, r, i) => (i === 0 ? r.bytes : n), 0);
    console.log(`${layout.name}: first search ${(first / 1024).toFixed(1)} KiB in ${rows[0]!.requests} requests`);
    for (const r of rows) console.log(`    ${r.query}: ${r.ms.toFixed(0)} ms, ${r.count} results, +${(r.bytes / 1024).toFixed(1)} KiB, ${r.requests} requests`);
  }
} finally {
  await closeBrowser(browser);
  await server.close();
  rmSync(site, { recursive: true, force: true });
}
