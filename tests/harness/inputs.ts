import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { CatalogInputs } from '../../src/lib/catalog/catalog.ts';
import { readCatalogInputs } from '../../src/build/load-catalog.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));

/** Reads a project file as text, for tests. */
export function readProjectFile(path: string): string {
  return readFileSync(root + path, 'utf8');
}

/** The real seed file's project path. */
export const SEED_PATH = 'seeds/000_0d21fb7026870303.txt';

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
