import { spawnSync } from 'node:child_process';

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
