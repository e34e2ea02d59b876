import { createHash } from 'node:crypto';
import { copyFileSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { CatalogInputs } from '../../src/lib/catalog/catalog.ts';
import { INPUT_PATHS, pickSeedFile, readCatalogInputs, readFirstVersionInputs } from '../../src/build/load-catalog.ts';
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

/** The project's real inputs: every version in seeds/ and content/, with the newest seed's text optionally replaced. */
export function realInputs(seedText?: string): CatalogInputs {
  return readCatalogInputs(root, seedText);
}

/** The frozen first table's text (tests/fixtures/tables/v1.txt): today's table, whatever seeds/ holds later. */
export const FROZEN_SEED = readFileSync(`${root}${TABLE_FIXTURES}/v1.txt`, 'utf8');

/**
 * The real curated content over the frozen first table, as its only version, with its text
 * optionally replaced: for unit tests that edit rows or name positions, so that they test the
 * code whatever table seeds/ holds later. The seed keeps the first version's recorded path and
 * received date; topics and facets of items later versions added are left out (the frozen table has none).
 */
export function frozenInputs(seedText?: string): CatalogInputs {
  // Read and checked once per test process (about half a second): the fuzzed and edited tables vary only the seed's text.
  frozenContent ??= readFirstVersionInputs(root, FROZEN_SEED);
  return { ...frozenContent, seed: { ...frozenContent.seed, text: seedText ?? FROZEN_SEED } };
}

/** The curated content over the frozen first table, as frozenInputs() reads it the first time. */
let frozenContent: CatalogInputs | undefined;

/**
 * Turns a copy of the project (copyProject) into one whose only table is the frozen first one,
 * for build tests that edit rows by line: seeds/ holds tests/fixtures/tables/v1.txt under the
 * first version's recorded path, content/identities.yaml records that version alone, and
 * content/source.yaml its received date; topics and facets of items later versions added are left out.
 */
export function freezeProject(dir: string): void {
  const first = frozenInputs();
  for (const name of readdirSync(`${dir}/${INPUT_PATHS.seeds}`)) rmSync(`${dir}/${INPUT_PATHS.seeds}/${name}`);
  copyFileSync(`${root}${TABLE_FIXTURES}/v1.txt`, `${dir}/${first.seed.file}`);
  const rewrite = (path: string, edit: (text: string) => string) => writeFileSync(`${dir}/${path}`, edit(readFileSync(`${dir}/${path}`, 'utf8')));
  rewrite(
    INPUT_PATHS.identities,
    (text) =>
      text
        .split(/\n {2}- seed: /)
        .slice(0, 2)
        .join('\n  - seed: ')
        .trimEnd() + '\n',
  );
  rewrite(INPUT_PATHS.source, (text) => text.replace(/^( {2}received:) .*$/m, `$1 ${first.info.received}`));
  rewrite(INPUT_PATHS.topics, (text) => text.replace(/^ {2}n\d+:.*\n/gm, ''));
  rewrite(INPUT_PATHS.facets, (text) => text.replace(/^ {2}- \{ id: n\d+,.*\n/gm, ''));
}

/**
 * Records the bytes of a frozen project's seed again after a test edited them: the build
 * stops on a seed that differs from its record, as a maintainer's edit to seeds/ must.
 */
export function rerecordSeed(dir: string): void {
  const { file } = frozenInputs().seed;
  const sha256 = createHash('sha256')
    .update(readFileSync(`${dir}/${file}`))
    .digest('hex');
  const path = `${dir}/${INPUT_PATHS.identities}`;
  writeFileSync(path, readFileSync(path, 'utf8').replace(/^( {4}sha256:) [0-9a-f]{64}$/m, `$1 ${sha256}`));
}

/** The frozen first table's seed path, as errors about it name it. */
export const FROZEN_SEED_PATH = frozenInputs().seed.file;

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
