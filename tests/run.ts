/**
 * Runs the tests, two files at a time, the longest first: `node tests/run.ts`
 * (all), or `node tests/run.ts unit|site|browser` for one kind. Node's own
 * `--test` runs files in name order, so a long browser file named late (search/,
 * share/) started when the others were nearly done and the run waited for it
 * alone; starting the files by their time in the test map (tests/README.md,
 * longest first, then files it gives no time: browser, site, unit) keeps both
 * lanes busy to the end. The global setup (packages, Firefox, the three builds)
 * runs first when a site or browser test is among the files.
 */
import { join } from 'node:path';
import { run } from 'node:test';
import { spec } from 'node:test/reporters';
import { PROJECT_ROOT } from './harness/build.ts';
import { kindOf, mapRows, testFiles, type TestKind } from './harness/test-map.ts';

const KINDS: readonly TestKind[] = ['unit', 'site', 'browser'];
const asked = process.argv.slice(2) as TestKind[];
const unknown = asked.filter((k) => !KINDS.includes(k));
if (unknown.length > 0) throw new Error(`tests/run.ts: unknown kind ${unknown.join(', ')}; give unit, site or browser`);
const kinds = asked.length > 0 ? asked : KINDS;

/** Seconds the map gives each file. */
const seconds = new Map(mapRows().map((r) => [r.file, r.seconds]));
/** Of two files without a time, the one whose kind is usually slower first. */
const prior: Record<TestKind, number> = { browser: 0, site: 1, unit: 2 };
const files = testFiles()
  .filter((f) => kinds.includes(kindOf(f)))
  .sort((a, b) => (seconds.get(b) ?? -1) - (seconds.get(a) ?? -1) || prior[kindOf(a)] - prior[kindOf(b)] || a.localeCompare(b));

const stream = run({
  files: files.map((f) => join(PROJECT_ROOT, f)),
  concurrency: 2,
  // Every test may take up to 10 minutes; a test past it fails and its file goes on (tests/README.md, limits).
  timeout: 600_000,
  globalSetupPath: files.some((f) => kindOf(f) !== 'unit') ? join(PROJECT_ROOT, 'tests/global-setup.ts') : undefined,
});
stream.on('test:fail', () => {
  process.exitCode = 1;
});
stream.compose(spec).pipe(process.stdout);
