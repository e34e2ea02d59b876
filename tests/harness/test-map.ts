import { globSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_ROOT } from './build.ts';

/** What a test needs to run, by its name: `*.site.test.ts`, `*.browser.test.ts`, else a unit test. */
export type TestKind = 'unit' | 'site' | 'browser';

/** The kind of a test file, from its name. */
export function kindOf(file: string): TestKind {
  return (/\.(site|browser)\.test\.ts$/.exec(file)?.[1] as TestKind | undefined) ?? 'unit';
}

/** Every test file in the project, relative to its root, sorted. */
export function testFiles(): string[] {
  return globSync(['src/**/*.test.ts', 'tests/**/*.test.ts'], { cwd: PROJECT_ROOT }).sort();
}

/** One row of the map's table of every test file: the file and its measured time in seconds (undefined when the map gives none). */
export interface MapRow {
  file: string;
  seconds: number | undefined;
}

/** Seconds in the first time a cell gives (“1 min 5 s”, “40 s”, “< 1 s”), or undefined. */
export function parseSeconds(cell: string): number | undefined {
  const m = /(\d+) min(?:\s*(\d+(?:\.\d+)?) s)?|(\d+(?:\.\d+)?) s/.exec(cell);
  if (!m) return undefined;
  return m[1] !== undefined ? Number(m[1]) * 60 + Number(m[2] ?? 0) : Number(m[3]);
}

/** The rows of the table of every test file in tests/README.md (the section “Every test file”), in order. */
export function mapRows(markdown = readFileSync(join(PROJECT_ROOT, 'tests/README.md'), 'utf8')): MapRow[] {
  const section = markdown.split(/^## /m).find((s) => s.startsWith('Every test file'));
  if (!section) throw new Error('tests/README.md has no section “Every test file”');
  return section
    .split('\n')
    .filter((line) => line.startsWith('| `'))
    .map((line) => {
      const cells = line.split('|').map((c) => c.trim());
      return { file: /^`([^`]+)`/.exec(cells[1]!)![1]!, seconds: parseSeconds(cells.at(-2) ?? '') };
    });
}
