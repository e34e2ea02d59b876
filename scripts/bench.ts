/**
 * Cost of the site against the catalog's size N: for each N a synthetic
 * catalog (npm run synth) built from cold exactly as `npm run build` does,
 * with wall and CPU time per phase, peak memory of every process, output files
 * and size, the bytes of a first search, and query times in Chromium with 4×
 * CPU throttling. Prints a table, keeps the figures in a JSON file and draws
 * them against N as an SVG chart. Optionally builds a Starlight peer site
 * alternately with ours at the same N and prints the ratio. Asserts nothing.
 * Usage: npm run bench -- [SIZES] [--peer DIR] [--rounds N] [--results FILE] [--chart FILE] [--redraw]
 *   SIZES          comma-separated item counts (default 138,2000,10000,50000; none with --peer alone)
 *   --peer DIR     a Starlight peer made by `npm run bench:peer -- DIR` (kept outside the repository)
 *   --rounds N     build pairs for the peer comparison (default 3)
 *   --results FILE where the figures are kept (default docs/bench-results.json); sizes measured
 *                  now replace their earlier figures, so slow sizes can be run on their own
 *   --chart FILE   the SVG chart drawn from all kept figures (default docs/bench-chart.svg)
 *   --redraw       only redraw the chart from the kept figures
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { launchBrowser } from '../tests/harness/browser.ts';
import { BUILD_NODE_FLAGS, PROJECT_ROOT } from '../tests/harness/build.ts';
import { serveStatic } from '../tests/harness/static-server.ts';
import { benchChart, type BenchRow } from './bench-chart.ts';
import { timedBuild, type Build } from './bench-build.ts';
import { outputSize, percentile, queryTimes, searchWeight } from './bench-site.ts';
import { synthesizeProject } from './synth.ts';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    peer: { type: 'string' },
    rounds: { type: 'string', default: '3' },
    results: { type: 'string', default: join(PROJECT_ROOT, 'docs/bench-results.json') },
    chart: { type: 'string', default: join(PROJECT_ROOT, 'docs/bench-chart.svg') },
    redraw: { type: 'boolean', default: false },
  },
});
const sizes = (positionals[0] ?? (values.peer || values.redraw ? '' : '138,2000,10000,50000')).split(',').filter(Boolean).map(Number);
const rounds = Number(values.rounds);
const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;
const secs = (s: number) => `${s.toFixed(1)} s`;
const mib = (m: number) => `${m.toFixed(0)} MiB`;

/** Our build, with the flags of `npm run build`. */
const ourBuild = (dir: string) => timedBuild(dir, process.execPath, BUILD_NODE_FLAGS);
/** The peer's build, with the Node its own package pins (what its `npm run build` uses). */
const peerBuild = (dir: string) => timedBuild(dir, join(dir, 'node_modules/.bin/node'), []);

/** One line of the phase table. */
function describe(b: Build): string {
  return [
    secs(b.total),
    `${secs(b.setup)} / ${secs(b.render)} / ${secs(b.index)} (waited ${secs(b.waited)})`,
    `${secs(b.cpu.astro)} / ${secs(b.cpu.indexer)} / ${secs(b.cpu.pagefind)}`,
    `${mib(b.rss.astro)} / ${mib(b.rss.indexer)} / ${mib(b.rss.pagefind)}`,
  ].join(' | ');
}

const previous: BenchRow[] = existsSync(values.results) ? JSON.parse(readFileSync(values.results, 'utf8')) : [];
const rows = new Map(previous.map((r) => [r.items, r]));
const browser = sizes.length > 0 ? await launchBrowser() : undefined;
if (browser) {
  console.log(
    'items | build wall | Astro setup / render / index (waited) | CPU Astro / indexer / Pagefind | peak RSS Astro / indexer / Pagefind | pages, files, size | search page + first search (gz), requests | first results, query p50 / p95 (4× throttled)',
  );
}
for (const size of sizes) {
  const dir = synthesizeProject(size);
  try {
    const build = await ourBuild(dir);
    const out = outputSize(build.outDir);
    const server = await serveStatic(build.outDir, '/');
    const weight = await searchWeight(browser!, server.url);
    const city = size === 138 ? '石家庄' : '虚构001号市';
    const q = await queryTimes(browser!, server.url, city);
    await server.close();
    const row: BenchRow = {
      items: size,
      measured: new Date().toISOString(),
      build: { total: build.total, setup: build.setup, render: build.render, index: build.index, waited: build.waited },
      cpu: build.cpu,
      rss: build.rss,
      output: out,
      search: { ...weight, firstResults: q.firstResults, p50: q.p50, p95: q.p95 },
    };
    rows.set(size, row);
    console.log(
      [
        size,
        describe(build),
        `${out.pages}, ${out.files}, ${(out.bytes / 1048576).toFixed(1)} MiB`,
        `${kib(weight.pageBytes)} + ${kib(weight.searchBytes)}, ${weight.searchRequests}`,
        `${q.firstResults.toFixed(0)} ms, ${q.p50.toFixed(0)} / ${q.p95.toFixed(0)} ms`,
      ].join(' | '),
    );
    for (const [query, ms] of q.byQuery) console.log(`    ${query}: ${ms.map((m) => `${m.toFixed(0)} ms`).join(', ')}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
await browser?.close();

if (values.peer) {
  const peer = resolve(values.peer);
  const items = readdirSync(join(peer, 'src/content/docs/items')).length;
  const dir = synthesizeProject(items);
  console.log(`\nStarlight peer ${peer} (${items} items): cold builds, alternating, ${rounds} rounds`);
  console.log('round | ours: wall, CPU all processes, peak RSS Astro | peer: wall, CPU, peak RSS | ours ÷ peer: wall, CPU');
  const ratios: number[] = [];
  const cpuRatios: number[] = [];
  const cpu = (b: Build) => b.cpu.astro + b.cpu.indexer + b.cpu.pagefind;
  try {
    for (let round = 1; round <= rounds; round++) {
      // Who goes first alternates, so that neither side always meets a cold disk cache or a busier machine.
      const first = round % 2 === 1 ? await ourBuild(dir) : await peerBuild(peer);
      const second = round % 2 === 1 ? await peerBuild(peer) : await ourBuild(dir);
      const [ours, theirs] = round % 2 === 1 ? [first, second] : [second, first];
      ratios.push(ours.total / theirs.total);
      cpuRatios.push(cpu(ours) / cpu(theirs));
      console.log(
        [
          round,
          `${secs(ours.total)}, ${secs(cpu(ours))}, ${mib(ours.rss.astro)}`,
          `${secs(theirs.total)}, ${secs(cpu(theirs))}, ${mib(Math.max(theirs.rss.astro, theirs.rss.pagefind))}`,
          `${ratios.at(-1)!.toFixed(2)}×, ${cpuRatios.at(-1)!.toFixed(2)}×`,
        ].join(' | '),
      );
    }
    const range = (xs: number[]) => `${percentile(xs, 50).toFixed(2)}× (range ${Math.min(...xs).toFixed(2)}–${Math.max(...xs).toFixed(2)})`;
    console.log(`median ratio ours ÷ peer: wall ${range(ratios)}, CPU ${range(cpuRatios)}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (sizes.length > 0 || values.redraw) {
  const all = [...rows.values()].sort((a, b) => a.items - b.items);
  mkdirSync(dirname(values.results), { recursive: true });
  writeFileSync(values.results, `${JSON.stringify(all, null, 2)}\n`);
  writeFileSync(values.chart, benchChart(all));
  console.log(`\nfigures kept in ${values.results}; chart drawn to ${values.chart}`);
}
