import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_ROOT } from './build.ts';

/** The one list of Debian packages the tests need: README's apt line, .ci/run and the check before npm test all read it. */
export const PACKAGES_FILE = join(PROJECT_ROOT, '.ci/packages.txt');

/** The package names in a packages file's text: one a line, `#` starts a comment. */
export function parsePackages(text: string): string[] {
  return text
    .split('\n')
    .map((line) => line.replace(/#.*/, '').trim())
    .filter((line) => line !== '');
}

/** The packages the tests need, from .ci/packages.txt. */
export function requiredPackages(): string[] {
  return parsePackages(readFileSync(PACKAGES_FILE, 'utf8'));
}

/** The command that installs `packages` on Debian (as root). */
export function installCommand(packages: string[]): string {
  return `apt-get update && apt-get install --no-install-recommends ${packages.join(' ')}`;
}

/**
 * Why the tests cannot run for want of packages, or undefined when nothing is
 * missing: names each missing package and the command that installs them all.
 */
export function packagesProblem(missing: string[]): string | undefined {
  if (missing.length === 0) return undefined;
  return `The tests need system packages that are not installed: ${missing.join(', ')}. Install them with: ${installCommand(missing)} (the list is .ci/packages.txt).`;
}

/**
 * The packages of `packages` that dpkg does not report installed, or
 * undefined where there is no dpkg to ask (not a Debian system: nothing is checked).
 */
export function missingPackages(packages: string[] = requiredPackages()): string[] | undefined {
  const run = spawnSync('dpkg-query', ['-W', '-f', '${Package} ${Status}\\n', ...packages], { encoding: 'utf8', timeout: 30_000 });
  if (run.error) return undefined;
  const installed = new Set(
    run.stdout
      .split('\n')
      .filter((line) => line.endsWith(' install ok installed'))
      .map((line) => line.split(' ')[0]!.replace(/:.*/, '')),
  );
  return packages.filter((p) => !installed.has(p));
}

/** Stops at once, naming every missing package and the command that installs it, before any build or test. */
export function checkPackages(): void {
  const missing = missingPackages();
  if (missing === undefined) {
    console.warn(`No dpkg here: make sure these are installed before the tests: ${requiredPackages().join(' ')}`);
    return;
  }
  const problem = packagesProblem(missing);
  if (problem) throw new Error(problem);
}
