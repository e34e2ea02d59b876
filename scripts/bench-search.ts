/**
 * Measures search quality through the real built site in Chromium.
 * Usage: npm run bench:search [-- QUERY_FILE…]
 * (default: every tests/fixtures/search-queries.*.tsv)
 * Builds the site into .bench-output/, then prints, at / and under /kstb/ (BENCH_BASES=/ for one):
 * - recall@5 of each query file whose lines list expected item ids;
 * - for files whose lines expect “-” (out-of-catalog and nonsense queries), the share handled
 *   honestly: no item shown, or a status that says plainly nothing (or only part) matched;
 * - the top-1 rate of all 138 full names;
 * - the gzipped bytes of the search page with its first results.
 */
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { loadCatalog } from '../src/build/load-catalog.ts';
import { launchBrowser } from '../tests/harness/browser.ts';
import { buildSite, PROJECT_ROOT } from '../tests/harness/build.ts';
import { isHonest, parseQueryFile, searchViaUi } from '../tests/harness/search-ui.ts';
import { serveStatic } from '../tests/harness/static-server.ts';
import { pageWeight } from '../tests/harness/weight.ts';

const fixtures = join(PROJECT_ROOT, 'tests/fixtures');
const files =
  process.argv.length > 2
    ? process.argv.slice(2)
    : readdirSync(fixtures)
        .filter((f) => /^search-queries\..*\.tsv$/.test(f))
        .sort()
        .map((f) => join(fixtures, f));
const names = loadCatalog(PROJECT_ROOT).items.map((i) => ({ query: i.name, expected: [i.id] }));
const outRoot = join(PROJECT_ROOT, '.bench-output');
rmSync(outRoot, { recursive: true, force: true });
const pct = (a: number, b: number) => `${a}/${b} = ${((100 * a) / b).toFixed(1)}%`;

const browser = await launchBrowser();
for (const base of (process.env.BENCH_BASES ?? '/,/kstb/').split(',')) {
  const dir = join(outRoot, base === '/' ? 'root' : 'kstb');
  const build = buildSite({ outDir: dir, base });
  if (build.status !== 0) throw new Error(build.output);
  const server = await serveStatic(dir, base);
  const page = await browser.newPage();
  console.log(`base ${base}`);
  const weight = await pageWeight(browser, `${server.url}search/?q=${encodeURIComponent('社保卡补办')}`, async (p) => {
    await p.waitForFunction(() => document.getElementById('search-app')?.dataset.state === 'done');
  });
  console.log(
    `  search page with first results (社保卡补办): ${((weight.loadBytes + weight.actBytes) / 1024).toFixed(1)} KiB gzipped, ${weight.loadUrls.length + weight.actUrls.length} requests`,
  );
  for (const file of files) {
    const set = parseQueryFile(readFileSync(file, 'utf8'));
    const outOfCatalog = set.every((q) => q.expected.length === 0);
    const misses: string[] = [];
    const states = new Map<string, number>();
    for (const { query, expected } of set) {
      const result = await searchViaUi(page, server.url, query);
      states.set(result.state, (states.get(result.state) ?? 0) + 1);
      if (outOfCatalog) {
        if (!isHonest(result)) misses.push(`${query} → ${result.ids.slice(0, 5).join(' ')} “${result.status}”`);
      } else {
        const rank = result.ids.findIndex((id) => expected.includes(id));
        if (rank < 0 || rank >= 5) misses.push(`${query} → ${result.ids.slice(0, 5).join(' ') || '(none)'} (want ${expected.join('/')})`);
      }
    }
    const label = outOfCatalog ? 'handled honestly' : 'recall@5';
    console.log(
      `  ${label} (${file.replace(`${PROJECT_ROOT}`, '')}): ${pct(set.length - misses.length, set.length)}; states: ${[...states].map(([s, n]) => `${s} ${n}`).join(', ')}`,
    );
    for (const m of misses) console.log(`    miss: ${m}`);
  }
  const top1: string[] = [];
  for (const { query, expected } of names) {
    const { ids } = await searchViaUi(page, server.url, query);
    if (ids[0] !== expected[0]) top1.push(`${query} → ${ids.slice(0, 3).join(' ')}`);
  }
  console.log(`  full names ranked first: ${pct(names.length - top1.length, names.length)}`);
  for (const m of top1) console.log(`    miss: ${m}`);
  await page.close();
  await server.close();
}
await browser.close();
