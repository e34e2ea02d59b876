/**
 * Measures search quality with the same engine as the search page, in Node, in seconds.
 * Usage: npm run bench:search [-- [--dist DIR] [--browser] [--quiet] QUERY_FILE…]
 * Default files: every tests/fixtures/search-queries.*.tsv and ../shared/search-queries.sample.tsv when present.
 * Needs a build (npm run build) unless --browser, which builds the site into .bench-output/ and runs the
 * same files through the real /search/?q= page in Chromium, at / and under /kstb/ (BENCH_BASES=/ for one).
 * Prints, for each file whose lines list expected item ids, recall@5, the first-place rate and the mean
 * reciprocal rank; for files whose lines expect “-” (out-of-catalog and nonsense queries), the share
 * answered honestly (no item, or a status that says plainly nothing or only part matched); and the
 * first-place rate of all 138 full names. Beside recall it prints the label figures: how many expected items
 * are in the top 5 labelled 匹配; for a close-different set (file name with “close-different”, lines
 * QUERY<TAB>ID<TAB>why), how many queries show that different item as 匹配 and how many cards carry more than
 * one verdict; for a same-service set (“same-service”, QUERY<TAB>ID), how many show the item in the top 5 as 匹配.
 */
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join, relative } from 'node:path';
import { loadCatalog } from '../src/build/load-catalog.ts';
import { loadBuiltSearch } from '../src/build/search-node.ts';
import { answerStatus, itemId, reasons, recordName, searchCatalog } from '../src/lib/search/engine.ts';
import { buildSite, PROJECT_ROOT } from '../tests/harness/build.ts';
import { isHonest, parseQueryFile, type UiSearchResult } from '../tests/harness/search-ui.ts';

const args = process.argv.slice(2);
const flag = (name: string) => (args.includes(name) ? (args.splice(args.indexOf(name), 1), true) : false);
const option = (name: string) => (args.includes(name) ? args.splice(args.indexOf(name), 2)[1] : undefined);
const browserMode = flag('--browser');
const quiet = flag('--quiet');
const dist = join(PROJECT_ROOT, option('--dist') ?? 'dist');
const fixtures = join(PROJECT_ROOT, 'tests/fixtures');
const shared = join(PROJECT_ROOT, '../shared/search-queries.sample.tsv');
const files =
  args.length > 0
    ? args
    : [
        ...readdirSync(fixtures)
          .filter((f) => /^search-queries\..*\.tsv$/.test(f))
          .sort()
          .map((f) => join(fixtures, f)),
        ...(existsSync(shared) ? [shared] : []),
      ];
const names = loadCatalog(PROJECT_ROOT).items.map((i) => ({ query: i.name, expected: [i.id] }));
const pct = (a: number, b: number) => `${a}/${b} = ${((100 * a) / b).toFixed(1)}%`;

/** Runs every file and the full names through one way of searching (the Node engine or the page). */
async function measure(search: (query: string) => Promise<UiSearchResult>) {
  for (const file of files) {
    const set = parseQueryFile(readFileSync(file, 'utf8'));
    const label = relative(PROJECT_ROOT, file);
    if (/close-different/.test(file)) {
      // The id on each line is a different service: shown as 匹配 anywhere, the label misleads.
      const claimed: string[] = [];
      let doubled = 0;
      for (const { query, expected } of set) {
        const result = await search(query);
        doubled += (result.verdicts ?? []).filter((n) => n !== 1).length;
        const at = result.ids.findIndex((id, i) => expected.includes(id) && result.tiers?.[i] === 'full');
        if (at >= 0) claimed.push(`${query} → ${result.ids[at]} as 匹配 (rank ${at + 1})`);
      }
      console.log(`  ${label}: false 匹配 ${claimed.length}/${set.length}; cards without exactly one verdict ${doubled}`);
      for (const m of claimed) console.log(`    false: ${m}`);
      continue;
    }
    if (/same-service/.test(file)) {
      const missed: string[] = [];
      for (const { query, expected } of set) {
        const result = await search(query);
        const at = result.ids.findIndex((id) => expected.includes(id));
        if (at < 0 || at >= 5 || result.tiers?.[at] !== 'full')
          missed.push(`${query} → ${at < 0 ? '(absent)' : `rank ${at + 1} ${result.tiers?.[at]}`} (want ${expected.join('/')} as 匹配)`);
      }
      console.log(`  ${label}: 匹配 in top 5 ${pct(set.length - missed.length, set.length)}`);
      for (const m of missed) console.log(`    miss: ${m}`);
      continue;
    }
    const outOfCatalog = set.every((q) => q.expected.length === 0);
    const misses: string[] = [];
    let first = 0;
    let reciprocal = 0;
    let labelled = 0;
    for (const { query, expected } of set) {
      const result = await search(query);
      if (outOfCatalog) {
        if (!isHonest(result)) misses.push(`${query} → ${result.ids.slice(0, 5).join(' ')} “${result.status}”`);
        continue;
      }
      const rank = result.ids.findIndex((id) => expected.includes(id));
      if (rank === 0) first++;
      if (rank >= 0) reciprocal += 1 / (rank + 1);
      if (rank >= 0 && rank < 5 && result.tiers?.[rank] === 'full') labelled++;
      if (rank < 0 || rank >= 5) misses.push(`${query} → ${result.ids.slice(0, 5).join(' ') || '(none)'} (want ${expected.join('/')})`);
      else if (rank > 0 && !quiet) misses.push(`(rank ${rank + 1}) ${query} → ${result.ids.slice(0, rank + 1).join(' ')}`);
    }
    const hard = misses.filter((m) => !m.startsWith('(rank'));
    if (outOfCatalog) console.log(`  ${label}: honest ${pct(set.length - hard.length, set.length)}`);
    else
      console.log(
        `  ${label}: top-5 ${pct(set.length - hard.length, set.length)}; first ${pct(first, set.length)}; MRR ${(reciprocal / set.length).toFixed(3)}; in top 5 as 匹配 ${pct(labelled, set.length)}`,
      );
    for (const m of quiet ? hard : misses) console.log(`    ${m.startsWith('(rank') ? '' : 'miss: '}${m}`);
  }
  const top1: string[] = [];
  for (const { query, expected } of names) {
    const { ids } = await search(query);
    if (ids[0] !== expected[0]) top1.push(`${query} → ${ids.slice(0, 3).join(' ')}`);
  }
  console.log(`  full names ranked first: ${pct(names.length - top1.length, names.length)}`);
  for (const m of top1) console.log(`    miss: ${m}`);
}

if (!browserMode) {
  const started = performance.now();
  const { index, data } = await loadBuiltSearch(dist);
  console.log(`Node engine on ${relative(PROJECT_ROOT, dist) || '.'}`);
  await measure(async (query) => {
    const answer = await searchCatalog(index, data, query);
    const ids = answer.ranked.map((r) => itemId(r.item.url));
    const tiers = answer.ranked.map((r) => r.tier);
    const verdicts = answer.ranked.map(
      (r) =>
        reasons({ name: recordName(r.item), tier: r.tier, hits: r.hits, gaps: r.gaps, conflicts: r.conflicts }).filter((l) => l.className === 'tier').length,
    );
    return { status: answerStatus(answer), state: answer.state, ids, texts: [], tiers, verdicts };
  });
  console.log(`(${((performance.now() - started) / 1000).toFixed(1)} s)`);
} else {
  const { closeBrowser, launch, newPage } = await import('../tests/harness/driver.ts');
  const { searchViaUi } = await import('../tests/harness/search-ui.ts');
  const { serveStatic } = await import('../tests/harness/static-server.ts');
  const { pageWeight } = await import('../tests/harness/weight.ts');
  const outRoot = join(PROJECT_ROOT, '.bench-output');
  rmSync(outRoot, { recursive: true, force: true });
  const browser = await launch('chromium');
  for (const base of (process.env.BENCH_BASES ?? '/,/kstb/').split(',')) {
    const dir = join(outRoot, base === '/' ? 'root' : 'kstb');
    const build = buildSite({ outDir: dir, base });
    if (build.status !== 0) throw new Error(build.output);
    const server = await serveStatic(dir, base);
    const page = await newPage(browser);
    console.log(`Chromium, base ${base}`);
    const weight = await pageWeight(browser, `${server.url}search/?q=${encodeURIComponent('社保卡补办')}`, async (p) => {
      await p.waitForFunction(() => document.getElementById('search-app')?.dataset.state === 'done');
    });
    console.log(
      `  search page with first results (社保卡补办): ${((weight.loadBytes + weight.actBytes) / 1024).toFixed(1)} KiB gzipped, ${weight.loadUrls.length + weight.actUrls.length} requests`,
    );
    await measure((query) => searchViaUi(page, server.url, query));
    await page.close();
    await server.close();
  }
  await closeBrowser(browser);
}
