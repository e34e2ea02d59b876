import { spawnSync } from 'node:child_process';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import type { SiteName } from './build.ts';
import { siteFixture, type SiteFixture } from './fixture.ts';

/** Debian's Firefox ESR; puppeteer-core never downloads a browser. */
export const FIREFOX_PATH = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';

/** The oldest Firefox the tests run on: ESR 140 (Debian's package before an `apt-get update`); ESR 153 too. */
export const FIREFOX_MIN_VERSION = 140;

/** What installs a Firefox the tests can drive, on Debian (as root). */
export const FIREFOX_INSTALL = 'apt-get update && apt-get install firefox-esr';

/**
 * Why a Firefox whose `--version` printed `versionOutput` cannot run the tests,
 * or undefined when it can. Undefined output means no browser was found.
 */
export function firefoxProblem(versionOutput: string | undefined, path = FIREFOX_PATH): string | undefined {
  const fix = `The browser tests need Firefox ESR ${FIREFOX_MIN_VERSION} or later. Install it with: ${FIREFOX_INSTALL} (or set FIREFOX_PATH).`;
  if (versionOutput === undefined) return `No Firefox at ${path}. ${fix}`;
  const major = Number(/Firefox (\d+)\./.exec(versionOutput)?.[1]);
  if (!(major >= FIREFOX_MIN_VERSION)) return `${path} is “${versionOutput.trim()}”. ${fix}`;
  return undefined;
}

/** Stops at once, naming the version needed and the command that installs it, when the installed Firefox cannot run the tests. */
export function checkFirefox(): void {
  const run = spawnSync(FIREFOX_PATH, ['--version'], { encoding: 'utf8', timeout: 30_000 });
  const problem = firefoxProblem(run.error || run.status !== 0 ? undefined : run.stdout);
  if (problem) throw new Error(problem);
}

/**
 * Launches headless Firefox ESR, driven over WebDriver BiDi. No default
 * viewport: puppeteer would set it with page.setViewport (see setViewport).
 */
export function launchFirefox(): Promise<Browser> {
  checkFirefox();
  return puppeteer.launch({ browser: 'firefox', executablePath: FIREFOX_PATH, headless: true, defaultViewport: null });
}

/** The parts of puppeteer's BiDi frame that reach the WebDriver BiDi session. */
interface BidiFrame {
  browsingContext: { id: string; userContext: { browser: { session: { send(method: string, params: object): Promise<unknown> } } } };
}

/**
 * Sets a tab's viewport with the plain WebDriver BiDi command
 * `browsingContext.setViewport`, sent over puppeteer's own connection.
 * puppeteer's page.setViewport also sends `emulation.setScreenOrientationOverride`,
 * which Firefox ESR 140 does not know; every version takes this path, so the
 * path ESR 140 needs is the one exercised on newer ones too.
 */
export async function setViewport(page: Page, viewport: { width: number; height: number }): Promise<void> {
  const context = (page.mainFrame() as unknown as BidiFrame).browsingContext;
  await context.userContext.browser.session.send('browsingContext.setViewport', { context: context.id, viewport });
}

/** Registers the hooks that start Firefox and serve `site` for the calling test file. */
export function firefoxFixture(site: SiteName): SiteFixture<Browser> {
  return siteFixture(site, launchFirefox);
}
