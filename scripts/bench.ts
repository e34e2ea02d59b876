/**
 * Build time, size and page weight, for the real table and for synthetic
 * catalogs of up to 10,000 items. Prints figures; asserts nothing.
 * Usage: npm run bench [-- 138,2500,10000]
 */
import { spawn, spawnSync } from 'node:child_process';
import { readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { loadCatalog } from '../src/lib/load-catalog.ts';
import { synthesizeTable } from '../src/lib/synthetic-table.ts';
import { launchBrowser } from '../tests/helpers/browser.ts';
import { BUILD_NODE_FLAGS, copyProject, listFiles, PROJECT_ROOT } from '../tests/helpers/build.ts';
import { searchViaUi } from '../tests/helpers/search-ui.ts';
import { serveStatic } from '../tests/helpers/static-server.ts';
import { pageWeight } from '../tests/helpers/weight.ts';

const sizes = (process.argv[2] ?? '138,2500,10000').split(',').map(Number);
const catalog = loadCatalog(PROJECT_ROOT);
const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;

/** A copy of the project whose table has `size` items. */
function projectWith(size: number): string {
  const dir = copyProject();
  if (size !== catalog.items.length) {
    const header = readFileSync(join(PROJECT_ROOT, 'content/topics.yaml'), 'utf8').split('\nitems:')[0]!;
    const { seed, topics } = synthesizeTable(catalog, size, header);
    writeFileSync(join(dir, 'seeds/999_synthetic.txt'), seed);
    writeFileSync(join(dir, 'content/topics.yaml'), topics);
  }
  return dir;
}

/** Peak resident memory of a process, and of its children (Pagefind), polled while it runs. */
function watchMemory(pid: number) {
  const peak = { node: 0, pagefind: 0 };
  const rss = (args: string[]) =>
    spawnSync('ps', ['-o', 'rss=', ...args], { encoding: 'utf8' })
      .stdout.split('\n')
      .map(Number)
      .filter((n) => n > 0);
  const timer = setInterval(() => {
    peak.node = Math.max(peak.node, ...rss(['-p', String(pid)]));
    peak.pagefind = Math.max(peak.pagefind, ...rss(['--ppid', String(pid)]));
  }, 200);
  return { stop: () => (clearInterval(timer), { node: peak.node / 1024, pagefind: peak.pagefind / 1024 }) };
}

/** Builds like `npm run build`: wall time, the Pagefind phase from the build log, peak memory per process. */
async function timedBuild(dir: string) {
  const outDir = join(dir, 'dist');
  const started = performance.now();
  const child = spawn(process.execPath, [...BUILD_NODE_FLAGS, join(dir, 'node_modules/astro/bin/astro.mjs'), 'build', '--outDir', outDir], {
    cwd: dir,
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1' },
  });
  const memory = watchMemory(child.pid!);
  let output = '';
  child.stdout.on('data', (d) => (output += d));
  child.stderr.on('data', (d) => (output += d));
  const status = await new Promise<number | null>((resolve) => child.on('close', resolve));
  const peak = memory.stop();
  if (status !== 0) throw new Error(output.slice(-3000));
  const pagefindMs = Number(/indexed \d+ pages in (\d+) ms/.exec(output)?.[1] ?? 0);
  return { outDir, total: (performance.now() - started) / 1000, pagefind: pagefindMs / 1000, peak };
}

/** Gzipped bytes of an item page's first visit, and of a first search on the search page. */
async function weights(browser: Browser, outDir: string) {
  const server = await serveStatic(outDir, '/');
  const item = await pageWeight(browser, `${server.url}items/2-15/`);
  const search = await pageWeight(browser, `${server.url}search/`, async (page) => {
    await searchViaUi(page, server.url, '社保卡补办');
  });
  await server.close();
  return { item, search };
}

const browser = await launchBrowser();
console.log('items | pages | output | build total | astro | pagefind | peak memory per process | item page first load (gz) | first search (gz)');
for (const size of sizes) {
  const dir = projectWith(size);
  try {
    const build = await timedBuild(dir);
    const files = listFiles(build.outDir);
    const pages = files.filter((f) => f.endsWith('.html')).length;
    const bytes = files.reduce((n, f) => n + statSync(join(build.outDir, f)).size, 0);
    const w = await weights(browser, build.outDir);
    console.log(
      [
        size,
        pages,
        `${(bytes / 1048576).toFixed(1)} MiB`,
        `${build.total.toFixed(1)} s (${((1000 * build.total) / size).toFixed(1)} ms/item)`,
        `${(build.total - build.pagefind).toFixed(1)} s`,
        `${build.pagefind.toFixed(1)} s`,
        `${build.peak.node.toFixed(0)} MiB (Astro) / ${build.peak.pagefind.toFixed(0)} MiB (Pagefind)`,
        `${kib(w.item.loadBytes)} in ${w.item.loadUrls.length} requests`,
        `${kib(w.search.actBytes)} in ${w.search.actUrls.length} requests`,
      ].join(' | '),
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
await browser.close();
