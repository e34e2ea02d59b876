import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { CatalogInputs } from '../../src/lib/catalog/catalog.ts';
import { INPUT_PATHS, pickSeedFile, readCatalogInputs } from '../../src/build/load-catalog.ts';
import { parseSourceTable } from '../../src/lib/source/parse-table.ts';
import type { SeedTable } from '../../src/lib/source/version-match.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));

/** Reads a project file as text, for tests. */
export function readProjectFile(path: string): string {
  return readFileSync(root + path, 'utf8');
}

/** The project path of the seed the build reads: the newest table in seeds/, whichever version that is. */
export const SEED_PATH = `${INPUT_PATHS.seeds}/${pickSeedFile(readdirSync(root + INPUT_PATHS.seeds))}`;

/** The frozen copy of the first table (tests/fixtures/tables/v1.txt) and its update cases beside it. */
export const TABLE_FIXTURES = 'tests/fixtures/tables';

/** A fixture table (tests/fixtures/tables/NAME.txt), parsed, under the seed path it is tested as. */
export function fixtureSeed(name: string, as = `seeds/${name}.txt`): SeedTable & { text: string } {
  const bytes = readFileSync(`${root}${TABLE_FIXTURES}/${name}.txt`);
  const text = bytes.toString('utf8');
  return { file: as, sha256: createHash('sha256').update(bytes).digest('hex'), table: parseSourceTable(text, as), text };
}

/** The project's real inputs, with the seed text optionally replaced. */
export function realInputs(seedText?: string): CatalogInputs {
  return readCatalogInputs(root, seedText);
}

/** Returns the text with its 1-based line `n` replaced by `edit(line)`; null deletes the line. */
export function editLine(text: string, n: number, edit: (line: string) => string | null): string {
  const lines = text.split('\n');
  const replaced = edit(lines[n - 1] ?? '');
  if (replaced === null) lines.splice(n - 1, 1);
  else lines[n - 1] = replaced;
  return lines.join('\n');
}

/** The 1-based line number of the first line starting with `prefix`. */
export function lineStartingWith(text: string, prefix: string): number {
  const index = text.split('\n').findIndex((l) => l.startsWith(prefix));
  if (index < 0) throw new Error(`no line starts with ${JSON.stringify(prefix)}`);
  return index + 1;
}
