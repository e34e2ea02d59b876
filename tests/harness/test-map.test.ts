import assert from 'node:assert/strict';
import { globSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { PROJECT_ROOT } from './build.ts';
import { kindOf, mapRows, parseSeconds, testFiles } from './test-map.ts';

/** Every test file in the project, relative to its root. */
const ON_DISK = testFiles();
const MAP = readFileSync(join(PROJECT_ROOT, 'tests/README.md'), 'utf8');

/** The file column of the map's table of every test file, in order. */
const mappedFiles = (markdown: string) => mapRows(markdown).map((r) => r.file);

describe('the test map (tests/README.md)', () => {
  it('lists every test file on disk, unit tests included, once, and no file that is not there', () => {
    const mapped = mappedFiles(MAP);
    const seen = new Set<string>();
    const twice = mapped.filter((f) => seen.has(f) || !seen.add(f));
    assert.deepEqual(twice, [], 'listed twice');
    assert.deepEqual(
      ON_DISK.filter((f) => !seen.has(f)),
      [],
      'test files missing from the map',
    );
    assert.deepEqual(
      mapped.filter((f) => !ON_DISK.includes(f)),
      [],
      'rows of the map without a file',
    );
  });

  it('names each test by what it needs: unit tests beside their code, *.site.test.ts or *.browser.test.ts in the test folders', () => {
    const misnamed = ON_DISK.filter((f) => {
      const kind = kindOf(f);
      const besideCode = f.startsWith('src/') || f.startsWith('tests/harness/');
      return besideCode ? kind !== 'unit' : kind === 'unit';
    });
    assert.deepEqual(misnamed, []);
  });

  it('names only test files that exist wherever it mentions one (paths under tests/ or from the root, globs allowed)', () => {
    // A path (with a folder), not a naming pattern such as `tests/<group>/*.site.test.ts`.
    const mentioned = [...MAP.matchAll(/`([^`\s<]*\/[^`\s<]*\.test\.ts)`/g)].map((m) => m[1]!);
    const missing = mentioned.filter(
      (ref) => globSync(ref, { cwd: PROJECT_ROOT }).length === 0 && globSync(ref, { cwd: join(PROJECT_ROOT, 'tests') }).length === 0,
    );
    assert.deepEqual([...new Set(missing)], []);
  });

  it('reads the times it gives, which order the files npm test starts (tests/run.ts)', () => {
    assert.deepEqual(['8 min 4 s (load 50)', 'Chromium half 18 min 43 s', '57 s', '< 1 s', '2 min', ''].map(parseSeconds), [484, 1123, 57, 1, 120, undefined]);
    assert.ok(mapRows(MAP).some((r) => r.seconds !== undefined));
  });
});
