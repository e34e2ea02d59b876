/**
 * Measures search quality through the real built site in Chromium.
 * Usage: npm run bench:search [-- QUERY_FILE] (default: tests/fixtures/search-queries.sample.tsv)
 * Builds the site into .bench-output/, then prints recall@5 over the query file
 * and the top-1 rate of all item names, at / and under /kstb/.
 */
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { loadCatalog } from '../src/lib/load-catalog.ts';
import { launchBrowser } from '../tests/helpers/browser.ts';
import { buildSite, PROJECT_ROOT } from '../tests/helpers/build.ts';
import { parseQueryFile, searchViaUi } from '../tests/helpers/search-ui.ts';
import { serveStatic } from '../tests/helpers/static-server.ts';

const queryFile = process.argv[2] ?? 'tests/fixtures/search-queries.sample.tsv';
const queries = parseQueryFile(readFileSync(queryFile, 'utf8'));
const names = loadCatalog(PROJECT_ROOT).items.map((i) => ({ query: i.name, expected: [i.id] }));
const outRoot = join(PROJECT_ROOT, '.bench-output');
rmSync(outRoot, { recursive: true, force: true });

const browser = await launchBrowser();
for (const base of (process.env.BENCH_BASES ?? "/,/kstb/").split(",")) {
  const dir = join(outRoot, base === '/' ? 'root' : 'kstb');
  const build = buildSite({ outDir: dir, base });
  if (build.status !== 0) throw new Error(build.output);
  const server = await serveStatic(dir, base);
  const page = await browser.newPage();
  const rate = async (set: { query: string; expected: string[] }[], k: number) => {
    const misses: string[] = [];
    for (const { query, expected } of set) {
      const { ids } = await searchViaUi(page, server.url, query);
      const rank = ids.findIndex((id) => expected.includes(id));
      if (rank < 0 || rank >= k) misses.push(`${query} → ${ids.slice(0, k).join(' ') || '(none)'} (want ${expected.join('/')})`);
    }
    return { hit: set.length - misses.length, total: set.length, misses };
  };
  // Bytes a first search costs on a fresh page: the search code and the Pagefind files it loads.
  const fresh = await browser.newContext();
  const probe = await fresh.newPage();
  const fetched: number[] = [];
  probe.on('response', (r) => {
    if (r.url().includes('/pagefind/') || r.url().includes('/_astro/')) void r.body().then((b) => fetched.push(b.length), () => {});
  });
  const started = performance.now();
  await searchViaUi(probe, server.url, '社保卡补办');
  const elapsed = performance.now() - started;
  await fresh.close();
  const recall = await rate(queries, 5);
  const top1 = await rate(names, 1);
  console.log(`base ${base}`);
  console.log(`  first search (社保卡补办): ${fetched.length} requests, ${(fetched.reduce((a, b) => a + b, 0) / 1024).toFixed(1)} KiB (uncompressed), ${elapsed.toFixed(0)} ms to results`);
  console.log(`  recall@5 (${queryFile}): ${recall.hit}/${recall.total} = ${((100 * recall.hit) / recall.total).toFixed(1)}%`);
  for (const m of recall.misses) console.log(`    miss: ${m}`);
  console.log(`  full names ranked first: ${top1.hit}/${top1.total} = ${((100 * top1.hit) / top1.total).toFixed(1)}%`);
  for (const m of top1.misses) console.log(`    miss: ${m}`);
  await page.close();
  await server.close();
}
await browser.close();
