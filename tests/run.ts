/**
 * Runs the tests, FILES_AT_ONCE files at a time (TEST_CONCURRENCY to change it), the longest first: `node tests/run.ts`
 * (all), or `node tests/run.ts unit|site|browser` for one kind. Node's own
 * `--test` runs files in name order, so a long browser file named late (search/,
 * share/) started when the others were nearly done and the run waited for it
 * alone; starting the files by their time in the test map (tests/README.md,
 * longest first, then files it gives no time: browser, site, unit) keeps both
 * lanes busy to the end. The global setup (packages, Firefox, the three builds)
 * runs first when a site or browser test is among the files.
 */
import { loadavg } from 'node:os';
import { join, relative } from 'node:path';
import { run, type RunOptions } from 'node:test';
import { spec } from 'node:test/reporters';
import { PROJECT_ROOT } from './harness/build.ts';
import { kindOf, mapRows, testFiles, type TestKind } from './harness/test-map.ts';

const KINDS: readonly TestKind[] = ['unit', 'site', 'browser'];
const asked = process.argv.slice(2) as TestKind[];
const unknown = asked.filter((k) => !KINDS.includes(k));
if (unknown.length > 0) throw new Error(`tests/run.ts: unknown kind ${unknown.join(', ')}; give unit, site or browser`);
const kinds = asked.length > 0 ? asked : KINDS;

/**
 * Files run at once. Three at a time was measured against two on the same commit, one run after the other on this
 * 2-core machine: 16 min 46 s against 16 min 25 s, with more CPU spent (21 min 0 s against 20 min 4 s), so two.
 */
const FILES_AT_ONCE = 2;
const concurrency = Number(process.env.TEST_CONCURRENCY ?? FILES_AT_ONCE);
if (!Number.isInteger(concurrency) || concurrency < 1)
  throw new Error(`tests/run.ts: TEST_CONCURRENCY must be a whole number ≥ 1, not ${process.env.TEST_CONCURRENCY}`);

/** Seconds the map gives each file. */
const seconds = new Map(mapRows().map((r) => [r.file, r.seconds]));
/** Of two files without a time, the one whose kind is usually slower first. */
const prior: Record<TestKind, number> = { browser: 0, site: 1, unit: 2 };
const files = testFiles()
  .filter((f) => kinds.includes(kindOf(f)))
  .sort((a, b) => (seconds.get(b) ?? -1) - (seconds.get(a) ?? -1) || prior[kindOf(a)] - prior[kindOf(b)] || a.localeCompare(b));

/** Node 24's run() takes globalSetupPath (as --test-global-setup); @types/node 24 does not list it yet. */
const options: RunOptions & { globalSetupPath?: string } = {
  files: files.map((f) => join(PROJECT_ROOT, f)),
  concurrency,
  // Every test may take up to 10 minutes; a test past it fails and its file goes on (tests/README.md, limits).
  timeout: 600_000,
  globalSetupPath: files.some((f) => kindOf(f) !== 'unit') ? join(PROJECT_ROOT, 'tests/global-setup.ts') : undefined,
};
const stream = run(options);
stream.on('test:fail', () => {
  process.exitCode = 1;
});

// Each file's wall time, from its first test starting to its last ending, printed at the end so the map's times can be kept current.
const started = Date.now();
const spans = new Map<string, { from: number; to: number }>();
stream.on('test:dequeue', ({ file }) => {
  if (file && !spans.has(file)) spans.set(file, { from: Date.now(), to: Date.now() });
});
stream.on('test:complete', ({ file }) => {
  const span = file ? spans.get(file) : undefined;
  if (span) span.to = Date.now();
});
const report = stream.compose(spec);
report.pipe(process.stdout);
report.on('end', () => {
  const rows = [...spans].map(([file, { from, to }]) => [relative(PROJECT_ROOT, file), Math.round((to - from) / 1000)] as const).sort((a, b) => b[1] - a[1]);
  console.log(
    `\nWall time per file (s), ${Math.round((Date.now() - started) / 1000)} s in all, load average ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}:`,
  );
  for (const [file, sec] of rows) console.log(`${String(sec).padStart(5)}  ${file}`);
});
