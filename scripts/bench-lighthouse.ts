/**
 * Lighthouse (mobile, its default) on one page of each main kind: prints the
 * performance and accessibility scores and the cumulative layout shift.
 * Each page is measured RUNS times (default 3) and the median printed: on a
 * shared machine one run can be far off. Uses Debian's Chromium (CHROME_PATH,
 * default /usr/bin/chromium); never downloads one.
 * Usage: [RUNS=5] npm run bench:lighthouse [-- path/to/built/site]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { CHROMIUM_FLAGS, CHROMIUM_PATH } from '../tests/harness/browser.ts';
import { buildSite } from '../tests/harness/build.ts';
import { serveStatic } from '../tests/harness/static-server.ts';

const RUNS = Number(process.env.RUNS ?? 3);
const PAGES = ['', 'items/2-15/', 'bureaus/human-resources/', `search/?q=${encodeURIComponent('社保卡')}`];

let dir = process.argv[2];
let built: string | undefined;
if (!dir) {
  built = mkdtempSync(join(tmpdir(), 'kstb-lighthouse-'));
  dir = join(built, 'dist');
  const result = buildSite({ outDir: dir });
  if (result.status !== 0) throw new Error(`the build failed:\n${result.output}`);
}

const server = await serveStatic(dir);
const chrome = await chromeLauncher.launch({ chromePath: process.env.CHROME_PATH ?? CHROMIUM_PATH, chromeFlags: ['--headless=new', ...CHROMIUM_FLAGS] });
try {
  console.log(`Lighthouse, mobile, median of ${RUNS}   performance  accessibility  layout shift`);
  for (const path of PAGES) {
    const runs: { performance: number; accessibility: number; cls: number }[] = [];
    for (let i = 0; i < RUNS; i++) {
      const result = await lighthouse(server.url + path, {
        port: chrome.port,
        output: 'json',
        logLevel: 'error',
        onlyCategories: ['performance', 'accessibility'],
      });
      const lhr = result!.lhr;
      const score = (id: string) => Math.round((lhr.categories[id]?.score ?? 0) * 100);
      runs.push({ performance: score('performance'), accessibility: score('accessibility'), cls: lhr.audits['cumulative-layout-shift']?.numericValue ?? NaN });
    }
    const median = (key: keyof (typeof runs)[number]) => runs.map((r) => r[key]).sort((a, b) => a - b)[Math.floor(RUNS / 2)]!;
    const all = runs.map((r) => r.performance).join('/');
    console.log(
      `${decodeURIComponent(`/${path}`).padEnd(30)} ${String(median('performance')).padStart(11)} (${all})  ${String(median('accessibility')).padStart(5)}  ${median('cls').toFixed(3).padStart(12)}`,
    );
  }
} finally {
  chrome.kill();
  await server.close();
  if (built) rmSync(built, { recursive: true, force: true });
}
