/**
 * What a browser test pays for, in CPU seconds (the suite is CPU-bound on a 2-core machine: two test files at a time
 * keep both cores busy), measured side by side in one run, rounds alternating:
 *
 * - a Firefox launch (to a blank tab, then closed) on puppeteer's empty profile against one started from a copy of
 *   a profile that has started once (`tests/harness/firefox-profile.ts`, what the driver does);
 * - one page of every kind (`EVERY_KIND_OF_PAGE`) with axe's colour rules, each page in a fresh tab of its own
 *   context against all pages in one tab, in Chromium and Firefox.
 *
 * CPU is the browser's whole process tree read from /proc (Linux) just before it closes, plus this process's own;
 * a launch is counted up to its blank tab. Usage: `npm run build && npm run bench:browser [-- --dist DIR --rounds N]`.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import puppeteer, { type Browser } from 'puppeteer-core';
import { PROJECT_ROOT } from '../tests/harness/build.ts';
import { closeBrowser, FIREFOX_PATH, goto, launch, newPage, openPage, type Engine } from '../tests/harness/driver.ts';
import { firefoxProfile, removeProfile } from '../tests/harness/firefox-profile.ts';
import { AXE_SOURCE, axeViolations, COLOUR_RULES, EVERY_KIND_OF_PAGE } from '../tests/harness/pages.ts';
import { serveStatic } from '../tests/harness/static-server.ts';
import { percentile } from './bench-site.ts';

const { values } = parseArgs({ options: { dist: { type: 'string', default: join(PROJECT_ROOT, 'dist') }, rounds: { type: 'string', default: '3' } } });
const rounds = Number(values.rounds);

/** Clock ticks per second of /proc's CPU times (USER_HZ, 100 on Linux). */
const TICKS = 100;

/** CPU seconds of process `root` and every process below it, from /proc. */
function treeCpu(root: number): number {
  const stats = new Map<number, { ppid: number; cpu: number }>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      // The fields after the command name, which is in parentheses and may hold spaces.
      const text = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const f = text.slice(text.lastIndexOf(')') + 2).split(' ');
      // utime, stime, and cutime, cstime: children that have ended and been waited for (a closed tab's content process).
      stats.set(Number(entry), { ppid: Number(f[1]), cpu: (Number(f[11]) + Number(f[12]) + Number(f[13]) + Number(f[14])) / TICKS });
    } catch {
      // The process ended while being read.
    }
  }
  let sum = 0;
  const todo = [root];
  while (todo.length > 0) {
    const pid = todo.pop()!;
    sum += stats.get(pid)?.cpu ?? 0;
    for (const [child, s] of stats) if (s.ppid === pid) todo.push(child);
  }
  return sum;
}

/** This process's CPU seconds. */
const ownCpu = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
};

/** CPU seconds of `fn` in this process and the browser's tree (read before and after). */
async function cpuOf(browser: Browser, fn: () => Promise<void>): Promise<number> {
  const pid = browser.process()!.pid!;
  const before = treeCpu(pid) + ownCpu();
  await fn();
  return treeCpu(pid) + ownCpu() - before;
}

const results = new Map<string, number[]>();
const record = (key: string, value: number) => results.set(key, [...(results.get(key) ?? []), value]);

/** CPU seconds of one Firefox launch to a blank tab (the browser's tree read just before it closes). */
async function firefoxLaunch(userDataDir?: string): Promise<number> {
  const start = ownCpu();
  const browser = await puppeteer.launch({ browser: 'firefox', executablePath: FIREFOX_PATH, headless: true, defaultViewport: null, userDataDir });
  try {
    await (await browser.newPage()).goto('about:blank');
    return treeCpu(browser.process()!.pid!) + ownCpu() - start;
  } finally {
    await browser.close();
  }
}

const server = await serveStatic(values.dist, '/');
try {
  for (let round = 1; round <= rounds; round++) {
    // Launches: an empty profile, then a copy of the template, alternating.
    record('Firefox launch, empty profile (CPU s)', await firefoxLaunch());
    const profile = await firefoxProfile(FIREFOX_PATH);
    try {
      record('Firefox launch, copy of a started profile (CPU s)', await firefoxLaunch(profile));
    } finally {
      removeProfile(profile);
    }

    // Every kind of page with axe's colour rules: a fresh tab per page, then one tab for all.
    for (const engine of ['chromium', 'firefox'] as Engine[]) {
      const browser = await launch(engine);
      try {
        await (await openPage(browser, server.url)).close();
        record(
          `${engine}: ${EVERY_KIND_OF_PAGE.length} pages + axe colour rules, a fresh tab each (CPU s)`,
          await cpuOf(browser, async () => {
            for (const path of EVERY_KIND_OF_PAGE) {
              const page = await openPage(browser, server.url + path, { width: 390, height: 844 });
              await page.evaluate(AXE_SOURCE);
              await page.evaluate(axeViolations, { rules: COLOUR_RULES });
              await page.close();
            }
          }),
        );
        record(
          `${engine}: ${EVERY_KIND_OF_PAGE.length} pages + axe colour rules, one tab (CPU s)`,
          await cpuOf(browser, async () => {
            const page = await newPage(browser, { width: 390, height: 844 });
            for (const path of EVERY_KIND_OF_PAGE) {
              await goto(page, server.url + path);
              await page.evaluate(AXE_SOURCE);
              await page.evaluate(axeViolations, { rules: COLOUR_RULES });
            }
            await page.close();
          }),
        );
      } finally {
        await closeBrowser(browser);
      }
    }
    console.error(`round ${round} of ${rounds} done`);
  }
} finally {
  await server.close();
}

console.log(`Browser costs, median of ${rounds} alternating rounds [every round]:`);
for (const [key, xs] of results) console.log(`${percentile(xs, 50).toFixed(1).padStart(6)}  ${key}  [${xs.map((x) => x.toFixed(1)).join(', ')}]`);
