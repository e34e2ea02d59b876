/**
 * Build time, size and page weight, for the real table and for synthetic
 * catalogs of up to 10,000 items. Prints figures; asserts nothing.
 * Usage: npm run bench [-- 138,2500,10000]
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser } from 'playwright-core';
import { loadCatalog } from '../src/lib/load-catalog.ts';
import { synthesizeTable } from '../src/lib/synthetic-table.ts';
import { launchBrowser } from '../tests/helpers/browser.ts';
import { copyProject, listFiles, PROJECT_ROOT } from '../tests/helpers/build.ts';
import { searchViaUi } from '../tests/helpers/search-ui.ts';
import { serveStatic } from '../tests/helpers/static-server.ts';

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

/** Builds under GNU time: wall time, peak memory, and the Pagefind phase from the build log. */
function timedBuild(dir: string) {
  const outDir = join(dir, 'dist');
  const result = spawnSync('/usr/bin/time', ['-f', 'TIME %e %M', process.execPath, join(dir, 'node_modules/astro/bin/astro.mjs'), 'build', '--outDir', outDir], {
    cwd: dir,
    encoding: 'utf8',
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1' },
    maxBuffer: 1 << 28,
  });
  const output = `${result.stdout}${result.stderr}`;
  if (result.status !== 0) throw new Error(output.slice(-3000));
  const [, seconds = '0', kb = '0'] = /TIME ([\d.]+) (\d+)/.exec(output) ?? [];
  const pagefindMs = Number(/indexed \d+ pages in (\d+) ms/.exec(output)?.[1] ?? 0);
  return { outDir, total: Number(seconds), pagefind: pagefindMs / 1000, peakMiB: Number(kb) / 1024 };
}

/** Gzipped bytes of everything a page loads before any interaction, and of a first search. */
async function weights(browser: Browser, outDir: string) {
  const server = await serveStatic(outDir, '/');
  const measure = async (path: string, act?: (p: import('playwright-core').Page) => Promise<void>) => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const bodies: Promise<number>[] = [];
    let phase: 'load' | 'act' = 'load';
    const counts = { load: [] as Promise<number>[], act: bodies };
    page.on('response', (r) => {
      // The search is what the second phase measures, not the page it navigates to.
      if (phase === 'act' && r.request().resourceType() === 'document') return;
      counts[phase].push(r.body().then((b) => gzipSync(b).length, () => 0));
    });
    await page.goto(server.url + path, { waitUntil: 'networkidle' });
    phase = 'act';
    if (act) await act(page);
    const sum = async (list: Promise<number>[]) => (await Promise.all(list)).reduce((a, b) => a + b, 0);
    const result = { load: await sum(counts.load), loadRequests: counts.load.length, act: await sum(bodies), actRequests: bodies.length };
    await context.close();
    return result;
  };
  const item = await measure('items/2-15/');
  const search = await measure('search/', async (page) => {
    await searchViaUi(page, server.url, '社保卡补办');
  });
  await server.close();
  return { item, search };
}

const browser = await launchBrowser();
console.log('items | pages | output | build total | astro | pagefind | peak memory | item page first load (gz) | first search (gz)');
for (const size of sizes) {
  const dir = projectWith(size);
  try {
    const build = timedBuild(dir);
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
        `${build.peakMiB.toFixed(0)} MiB`,
        `${kib(w.item.load)} in ${w.item.loadRequests} requests`,
        `${kib(w.search.act)} in ${w.search.actRequests} requests`,
      ].join(' | '),
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
await browser.close();
