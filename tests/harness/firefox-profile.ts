import { cpSync, existsSync, mkdirSync, mkdtempSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import puppeteer from 'puppeteer-core';
import { TEST_OUTPUT } from './build.ts';

/**
 * A Firefox profile that has started once, which each Firefox the tests launch starts from a copy of.
 *
 * Why: Firefox spends most of a launch filling a new profile (its startup cache alone is 32 MB). On this 2-core
 * machine a launch with puppeteer's empty profile took 7.3–8.5 CPU seconds, one from a copy of a profile that had
 * started once 4.3–4.9 (`tests/bench/firefox-launch.ts`), and the suite launches Firefox dozens of times.
 * The copy carries no preferences (prefs.js and user.js are removed from the template): each launch writes its own,
 * so no launch inherits another's colour scheme, pointer or scripting. The template lives in `.test-output/`, which
 * the global setup empties at the start of every run, so a new Firefox never starts from an older one's cache.
 */
export const FIREFOX_TEMPLATE = join(TEST_OUTPUT, 'firefox-profile');

/** Where the copies live while their Firefox runs (removed when it exits; emptied with `.test-output/`). */
export const FIREFOX_COPIES = join(TEST_OUTPUT, 'firefox-profiles');

/** Files of a started profile that must not travel: preferences (each launch writes its own) and locks. */
const NOT_COPIED = ['prefs.js', 'user.js', 'lock', '.parentlock', 'parent.lock'];

let made: Promise<void> | undefined;

/**
 * Makes FIREFOX_TEMPLATE if it is missing, once per process: starts the Firefox at `executablePath` on an empty
 * profile and closes it. Two test processes may do this at once; each builds in a directory of its own and the
 * first rename wins.
 */
export function firefoxTemplate(executablePath: string): Promise<void> {
  made ??= (async () => {
    if (existsSync(FIREFOX_TEMPLATE)) return;
    mkdirSync(FIREFOX_COPIES, { recursive: true });
    const dir = mkdtempSync(join(FIREFOX_COPIES, 'template-'));
    const browser = await puppeteer.launch({ browser: 'firefox', executablePath, headless: true, userDataDir: dir, defaultViewport: null });
    const exited = new Promise((resolve) => browser.process()?.once('exit', resolve) ?? resolve(undefined));
    await (await browser.newPage()).goto('about:blank');
    await browser.close();
    await exited;
    for (const name of NOT_COPIED) rmSync(join(dir, name), { force: true });
    try {
      renameSync(dir, FIREFOX_TEMPLATE);
    } catch (error) {
      // Another process made it first.
      rmSync(dir, { recursive: true, force: true });
      if (!existsSync(FIREFOX_TEMPLATE)) throw error;
    }
  })().catch((error: unknown) => {
    // Forgotten, so that the next launch tries again instead of failing on this one's error.
    made = undefined;
    throw error;
  });
  return made;
}

/**
 * A fresh copy of FIREFOX_TEMPLATE (made first if missing) for one Firefox to start with; the caller
 * removes it when that Firefox has exited (`removeProfile`).
 */
export async function firefoxProfile(executablePath: string): Promise<string> {
  await firefoxTemplate(executablePath);
  // The copies' folder may be gone while the template stays (a cleaned or copied .test-output/).
  mkdirSync(FIREFOX_COPIES, { recursive: true });
  const dir = mkdtempSync(join(FIREFOX_COPIES, 'p-'));
  cpSync(FIREFOX_TEMPLATE, dir, { recursive: true });
  return dir;
}

/** Removes a copy `firefoxProfile` made. */
export function removeProfile(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}
