/**
 * Lighthouse (mobile, its default) on one page of each main kind: prints the
 * performance and accessibility scores and the cumulative layout shift.
 * Uses Debian's Chromium (CHROME_PATH, default /usr/bin/chromium); never downloads one.
 * Usage: npm run bench:lighthouse [-- path/to/built/site]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { CHROMIUM_FLAGS, CHROMIUM_PATH } from '../tests/helpers/browser.ts';
import { buildSite } from '../tests/helpers/build.ts';
import { serveStatic } from '../tests/helpers/static-server.ts';

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
  console.log('Lighthouse, mobile         performance  accessibility  layout shift');
  for (const path of PAGES) {
    const result = await lighthouse(server.url + path, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: ['performance', 'accessibility'] });
    const lhr = result!.lhr;
    const score = (id: string) => String(Math.round((lhr.categories[id]?.score ?? 0) * 100)).padStart(11);
    const cls = lhr.audits['cumulative-layout-shift']?.numericValue ?? NaN;
    console.log(`${decodeURIComponent(`/${path}`).padEnd(26)} ${score('performance')}  ${score('accessibility').padStart(13)}  ${cls.toFixed(3).padStart(12)}`);
  }
} finally {
  chrome.kill();
  await server.close();
  if (built) rmSync(built, { recursive: true, force: true });
}
