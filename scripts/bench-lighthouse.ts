/**
 * Lighthouse (mobile, its default) on one page of each main kind: prints the
 * performance and accessibility scores, the cumulative layout shift and the
 * total blocking time, then where each run's main-thread time went.
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
import { CHROMIUM_FLAGS, CHROMIUM_PATH } from '../tests/harness/driver.ts';
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
  console.log(`Lighthouse, mobile, median of ${RUNS}   performance  accessibility  layout shift  total blocking time`);
  const details: string[] = [];
  for (const path of PAGES) {
    const runs: { performance: number; accessibility: number; cls: number; tbt: number }[] = [];
    /** Where the main thread's time went, per run: Lighthouse's breakdown by kind of work and by script. */
    const work: string[] = [];
    for (let i = 0; i < RUNS; i++) {
      const result = await lighthouse(server.url + path, {
        port: chrome.port,
        output: 'json',
        logLevel: 'error',
        onlyCategories: ['performance', 'accessibility'],
      });
      const lhr = result!.lhr;
      const score = (id: string) => Math.round((lhr.categories[id]?.score ?? 0) * 100);
      runs.push({
        performance: score('performance'),
        accessibility: score('accessibility'),
        cls: lhr.audits['cumulative-layout-shift']?.numericValue ?? NaN,
        tbt: lhr.audits['total-blocking-time']?.numericValue ?? NaN,
      });
      type Row = { groupLabel?: string; duration?: number; url?: string; scripting?: number; scriptParseCompile?: number };
      const rows = (id: string) => ((lhr.audits[id]?.details as { items?: Row[] } | undefined)?.items ?? []) as Row[];
      const kinds = rows('mainthread-work-breakdown').map((r) => `${r.groupLabel} ${Math.round(r.duration ?? 0)}`);
      const scripts = rows('bootup-time').map(
        (r) => `${new URL(r.url ?? '', server.url).pathname.replace(/^.*\//, '')} ${Math.round(r.scripting ?? 0)}+${Math.round(r.scriptParseCompile ?? 0)}`,
      );
      work.push(
        `    run ${i + 1}: TBT ${Math.round(runs.at(-1)!.tbt)} ms; main thread (ms): ${kinds.join(', ')}; scripts (run+compile ms): ${scripts.join(', ')}`,
      );
    }
    details.push(`${decodeURIComponent(`/${path}`)}`, ...work);
    const median = (key: keyof (typeof runs)[number]) => runs.map((r) => r[key]).sort((a, b) => a - b)[Math.floor(RUNS / 2)]!;
    const all = runs.map((r) => r.performance).join('/');
    console.log(
      `${decodeURIComponent(`/${path}`).padEnd(30)} ${String(median('performance')).padStart(11)} (${all})  ${String(median('accessibility')).padStart(5)}  ${median('cls').toFixed(3).padStart(12)}  ${median('tbt').toFixed(0).padStart(10)} ms`,
    );
  }
  console.log(`\nWhere the main thread's time went (Lighthouse's simulated slow phone):\n${details.join('\n')}`);
} finally {
  chrome.kill();
  await server.close();
  if (built) rmSync(built, { recursive: true, force: true });
}
