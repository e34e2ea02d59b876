/**
 * Build time per phase, peak memory per process, size, page weight and time to
 * first search results, for the real table and for synthetic catalogs of up to
 * 10,000 items; optionally side by side with a Starlight peer site. Prints
 * figures; asserts nothing.
 * Usage: npm run bench [-- 138,2000,10000] [--peer DIR] [--rounds N]
 *   sizes        item counts to measure (default 138,2000,10000; none by default with --peer)
 *   --peer DIR   also build the peer site in DIR (a Starlight site of the same items, set up outside this repository) and
 *                our site at the same item count, alternating, and print the ratio
 *   --rounds N   build pairs for the peer comparison (default 3)
 */
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { Browser } from 'playwright-core';
import { launchBrowser } from '../tests/harness/browser.ts';
import { BUILD_NODE_FLAGS, listFiles } from '../tests/harness/build.ts';
import { searchViaUi } from '../tests/harness/search-ui.ts';
import { serveStatic } from '../tests/harness/static-server.ts';
import { pageWeight } from '../tests/harness/weight.ts';
import { synthesizeProject } from './synth.ts';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { peer: { type: 'string', multiple: true }, rounds: { type: 'string', default: '3' } },
});
// With --peer and no sizes, only the comparison runs.
const sizes = (positionals[0] ?? (values.peer ? '' : '138,2000,10000')).split(',').filter(Boolean).map(Number);
const peers = (values.peer ?? []).map((p) => resolve(p));
const rounds = Number(values.rounds);
const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;
const secs = (s: number) => `${s.toFixed(1)} s`;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** Resident memory (MiB) and CPU time used so far (s) of a live process, from /proc. */
function usage(pid: number): { rss: number; cpu: number } | undefined {
  try {
    // Fields after the command name: state is 3rd, utime 14th, stime 15th, rss 24th (pages).
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return { cpu: (Number(fields[11]) + Number(fields[12])) / 100, rss: (Number(fields[21]) * 4096) / 1048576 };
  } catch {
    return undefined; // the process has just ended
  }
}

/** The ids of a process's children. */
function childrenOf(pid: number): number[] {
  try {
    return readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').split(' ').filter(Boolean).map(Number);
  } catch {
    return [];
  }
}

/**
 * Peak resident memory and CPU time of a process and of its children
 * (Pagefind), polled while it runs. CPU time, unlike wall time, hardly
 * changes when other jobs share the machine.
 */
function watchProcesses(pid: number) {
  const node = { rss: 0, cpu: 0 };
  const child = { rss: 0, cpu: 0 };
  const cpuByChild = new Map<number, number>();
  const timer = setInterval(() => {
    const own = usage(pid);
    if (own) Object.assign(node, { rss: Math.max(node.rss, own.rss), cpu: own.cpu });
    for (const id of childrenOf(pid)) {
      const u = usage(id);
      if (!u) continue;
      child.rss = Math.max(child.rss, u.rss);
      cpuByChild.set(id, u.cpu);
    }
    child.cpu = [...cpuByChild.values()].reduce((a, b) => a + b, 0);
  }, 100);
  return { stop: () => (clearInterval(timer), { node, child }) };
}

/** Seconds of an Astro duration such as "262ms" or "20.54s". */
function seconds(text: string | undefined): number {
  if (!text) return NaN;
  return text.endsWith('ms') ? Number(text.slice(0, -2)) / 1000 : Number(text.replace(/s$/, ''));
}

interface Build {
  outDir: string;
  total: number;
  /** Content sync and build set-up, as Astro reports it. */
  setup: number;
  /** Rendering the pages. */
  render: number;
  /** Our Pagefind integration (NaN for the peer, whose log does not say). */
  pagefind: number;
  /** Peak RSS (MiB) and CPU time (s) of the Astro process and of its children (Pagefind). */
  node: { rss: number; cpu: number };
  child: { rss: number; cpu: number };
}

/**
 * Builds a project from cold (no dist, no Astro cache) with `node` running
 * astro.mjs directly, as `npm run build` does: wall time, phases from the
 * build log, peak memory of the Astro process and of its children.
 */
async function timedBuild(dir: string, node: string, flags: string[]): Promise<Build> {
  const outDir = join(dir, 'dist');
  for (const cache of ['dist', '.astro', 'node_modules/.astro']) rmSync(join(dir, cache), { recursive: true, force: true });
  const started = performance.now();
  const child = spawn(node, [...flags, join(dir, 'node_modules/astro/bin/astro.mjs'), 'build'], {
    cwd: dir,
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1' },
  });
  const watch = watchProcesses(child.pid!);
  let output = '';
  child.stdout.on('data', (d) => (output += d));
  child.stderr.on('data', (d) => (output += d));
  const status = await new Promise<number | null>((done) => child.on('close', done));
  const { node: astro, child: pagefind } = watch.stop();
  if (status !== 0) throw new Error(`build of ${dir} failed:\n${output.slice(-3000)}`);
  return {
    outDir,
    total: (performance.now() - started) / 1000,
    setup: seconds(/Collecting build info\.\.\.\s*\n.*Completed in (\S+?)\.?\n/.exec(output)?.[1]),
    render: seconds(/generating static routes[\s\S]*?\n\S+ +✓ Completed in (\S+?)\.?\n/.exec(output)?.[1]),
    pagefind: Number(/indexed \d+ pages in (\d+) ms/.exec(output)?.[1] ?? NaN) / 1000,
    node: astro,
    child: pagefind,
  };
}

/** Our build, with the flags of `npm run build`. */
const ourBuild = (dir: string) => timedBuild(dir, process.execPath, BUILD_NODE_FLAGS);

/** The peer's build, with the Node its own package pins (what its `npm run build` uses). */
const peerBuild = (dir: string) => timedBuild(dir, join(dir, 'node_modules/.bin/node'), []);

/** Gzipped bytes of an item page's first visit, and of a first search on the search page. */
async function weights(browser: Browser, siteUrl: string) {
  const item = await pageWeight(browser, `${siteUrl}items/2-15/`);
  const search = await pageWeight(browser, `${siteUrl}search/`, async (page) => {
    await searchViaUi(page, siteUrl, '社保卡补办');
  });
  return { item, search };
}

/**
 * Milliseconds from opening a shared search link (/search/?q=…) in a fresh
 * browser context (empty cache) to the first results on screen; median of 3.
 */
async function firstResults(browser: Browser, siteUrl: string): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < 3; i++) {
    const context = await browser.newContext();
    const page = await context.newPage();
    const started = performance.now();
    const result = await searchViaUi(page, siteUrl, '社保卡补办');
    times.push(performance.now() - started);
    if (result.ids.length === 0) throw new Error(`no results on ${siteUrl}search/: ${result.status}`);
    await context.close();
  }
  return median(times);
}

const browser = sizes.length > 0 ? await launchBrowser() : undefined;
const HEADER =
  'items | pages | output | build total | astro (setup / render) | pagefind | CPU time: Astro / Pagefind | peak RSS: Astro / Pagefind | item page first load (gz) | first search (gz) | first results';
if (browser) console.log(HEADER);
for (const size of sizes) {
  const dir = synthesizeProject(size);
  try {
    const build = await ourBuild(dir);
    const files = listFiles(build.outDir);
    const pages = files.filter((f) => f.endsWith('.html')).length;
    const bytes = files.reduce((n, f) => n + statSync(join(build.outDir, f)).size, 0);
    const server = await serveStatic(build.outDir, '/');
    const w = await weights(browser!, server.url);
    const ttr = await firstResults(browser!, server.url);
    await server.close();
    console.log(
      [
        size,
        pages,
        `${(bytes / 1048576).toFixed(1)} MiB`,
        `${secs(build.total)} (${((1000 * build.total) / size).toFixed(1)} ms/item)`,
        `${secs(build.total - build.pagefind)} (${secs(build.setup)} / ${secs(build.render)})`,
        secs(build.pagefind),
        `${secs(build.node.cpu)} / ${secs(build.child.cpu)}`,
        `${build.node.rss.toFixed(0)} / ${build.child.rss.toFixed(0)} MiB`,
        `${kib(w.item.loadBytes)} in ${w.item.loadUrls.length} requests`,
        `${kib(w.search.actBytes)} in ${w.search.actUrls.length} requests`,
        `${ttr.toFixed(0)} ms`,
      ].join(' | '),
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
await browser?.close();

for (const peer of peers) {
  const items = readdirSync(join(peer, 'src/content/docs/items')).length;
  const dir = synthesizeProject(items);
  console.log(`\nStarlight peer ${peer} (${items} items): cold builds, alternating, ${rounds} rounds`);
  console.log('round | ours: wall (astro / pagefind), CPU, peak RSS Astro / Pagefind | peer: wall, CPU, peak RSS Astro / Pagefind | ours ÷ peer: wall, CPU');
  const ratios: number[] = [];
  const cpuRatios: number[] = [];
  try {
    for (let round = 1; round <= rounds; round++) {
      // Who goes first alternates, so that neither side always meets a cold disk cache or a busier machine.
      let ours: Build, theirs: Build;
      if (round % 2 === 1) {
        ours = await ourBuild(dir);
        theirs = await peerBuild(peer);
      } else {
        theirs = await peerBuild(peer);
        ours = await ourBuild(dir);
      }
      const cpu = (b: Build) => b.node.cpu + b.child.cpu;
      const ratio = ours.total / theirs.total;
      ratios.push(ratio);
      cpuRatios.push(cpu(ours) / cpu(theirs));
      console.log(
        [
          round,
          `${secs(ours.total)} (${secs(ours.total - ours.pagefind)} / ${secs(ours.pagefind)}), ${secs(cpu(ours))}, ${ours.node.rss.toFixed(0)} / ${ours.child.rss.toFixed(0)} MiB`,
          `${secs(theirs.total)}, ${secs(cpu(theirs))}, ${theirs.node.rss.toFixed(0)} / ${theirs.child.rss.toFixed(0)} MiB`,
          `${ratio.toFixed(2)}×, ${cpuRatios.at(-1)!.toFixed(2)}×`,
        ].join(' | '),
      );
    }
    const range = (xs: number[]) => `${median(xs).toFixed(2)}× (range ${Math.min(...xs).toFixed(2)}–${Math.max(...xs).toFixed(2)})`;
    console.log(`median ratio ours ÷ peer: wall ${range(ratios)}, CPU ${range(cpuRatios)}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
