import { spawnSync } from 'node:child_process';
import type { Page } from 'puppeteer-core';

/** The oldest Firefox the tests run on: ESR 140 (Debian's package before an `apt-get update`); ESR 153 too. */
export const FIREFOX_MIN_VERSION = 140;

/** What installs a Firefox the tests can drive, on Debian (as root). */
export const FIREFOX_INSTALL = 'apt-get update && apt-get install firefox-esr';

/**
 * Why the Firefox at `path`, whose `--version` printed `versionOutput`, cannot
 * run the tests, or undefined when it can. Undefined output means no browser was found.
 */
export function firefoxProblem(versionOutput: string | undefined, path: string): string | undefined {
  const fix = `The browser tests need Firefox ESR ${FIREFOX_MIN_VERSION} or later. Install it with: ${FIREFOX_INSTALL} (or set FIREFOX_PATH).`;
  if (versionOutput === undefined) return `No Firefox at ${path}. ${fix}`;
  const major = Number(/Firefox (\d+)\./.exec(versionOutput)?.[1]);
  if (!(major >= FIREFOX_MIN_VERSION)) return `${path} is “${versionOutput.trim()}”. ${fix}`;
  return undefined;
}

/** Stops at once, naming the version needed and the command that installs it, when the Firefox at `path` cannot run the tests. */
export function checkFirefox(path: string): void {
  const run = spawnSync(path, ['--version'], { encoding: 'utf8', timeout: 30_000 });
  const problem = firefoxProblem(run.error || run.status !== 0 ? undefined : run.stdout, path);
  if (problem) throw new Error(problem);
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
 * path ESR 140 needs is the one exercised on newer ones too. Use it instead of
 * page.setViewport in every Firefox test.
 */
export async function setViewport(page: Page, viewport: { width: number; height: number }): Promise<void> {
  const context = (page.mainFrame() as unknown as BidiFrame).browsingContext;
  await context.userContext.browser.session.send('browsingContext.setViewport', { context: context.id, viewport });
}
