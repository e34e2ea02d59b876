import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseBureauRegistry } from '../bureaus.ts';
import type { CatalogInputs } from '../catalog.ts';
import { parseCorrections } from '../corrections.ts';
import { parseLexicon } from '../lexicon.ts';
import { parseSourceInfo } from '../source-info.ts';
import { parseTopics } from '../topics.ts';
import { parseRelatedGroups } from '../related.ts';

const root = fileURLToPath(new URL('../../../', import.meta.url));

/** Reads a project file as text, for tests. */
export function readProjectFile(path: string): string {
  return readFileSync(root + path, 'utf8');
}

/** The real seed file's project path. */
export const SEED_PATH = 'seeds/000_0d21fb7026870303.txt';

/** The project's real inputs, with the seed text optionally replaced. */
export function realInputs(seedText = readProjectFile(SEED_PATH)): CatalogInputs {
  return {
    seed: { text: seedText, file: SEED_PATH, sha256: '0'.repeat(64) },
    registry: parseBureauRegistry(readProjectFile('content/bureaus.yaml'), 'content/bureaus.yaml'),
    corrections: parseCorrections(readProjectFile('content/corrections.yaml'), 'content/corrections.yaml'),
    related: parseRelatedGroups(readProjectFile('content/related.yaml'), 'content/related.yaml'),
    lexicon: { file: 'content/lexicon.yaml', entries: parseLexicon(readProjectFile('content/lexicon.yaml'), 'content/lexicon.yaml') },
    topics: parseTopics(readProjectFile('content/topics.yaml'), 'content/topics.yaml'),
    info: parseSourceInfo(readProjectFile('content/source.yaml'), 'content/source.yaml'),
  };
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
