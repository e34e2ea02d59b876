import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseBureauRegistry } from '../lib/catalog/bureaus.ts';
import { buildCatalog, type Catalog, type CatalogInputs } from '../lib/catalog/catalog.ts';
import { parseCorrections } from '../lib/source/corrections.ts';
import { checkPhrasing, parseLexicon } from '../lib/source/lexicon.ts';
import { parseFacets } from '../lib/source/facets.ts';
import { parseSourceInfo } from '../lib/source/source-info.ts';
import { parseGuidance } from '../lib/facts/guidance.ts';
import { parseReferences } from '../lib/facts/references.ts';
import { parseTopics } from '../lib/catalog/topics.ts';
import { parseRelatedGroups } from '../lib/source/related.ts';
import { NEW_ITEM_ID_RE } from '../lib/core/item-id.ts';
import { parseIdentities } from '../lib/source/identities.ts';

/** Where the inputs live, relative to the project root. */
export const INPUT_PATHS = {
  seeds: 'seeds',
  bureaus: 'content/bureaus.yaml',
  corrections: 'content/corrections.yaml',
  related: 'content/related.yaml',
  lexicon: 'content/lexicon.yaml',
  phrasing: 'content/phrasing.yaml',
  facets: 'content/facets.yaml',
  topics: 'content/topics.yaml',
  source: 'content/source.yaml',
  references: 'content/references.yaml',
  guidance: 'content/guidance.yaml',
  identities: 'content/identities.yaml',
} as const;

/**
 * Picks the seed file: the last `.txt` in seeds/ by name, so that a new
 * version of the table (001_…, 002_…) supersedes the older ones kept beside it.
 */
export function pickSeedFile(names: readonly string[]): string | undefined {
  return names
    .filter((n) => n.endsWith('.txt'))
    .sort()
    .at(-1);
}

/** Every version of the table in seeds/, oldest first (by name: 000_…, 001_…), as project paths. */
export function seedFiles(root: string): string[] {
  return readdirSync(join(root, INPUT_PATHS.seeds))
    .filter((n) => n.endsWith('.txt'))
    .sort()
    .map((n) => `${INPUT_PATHS.seeds}/${n}`);
}

/** Reads one seed file: its text and the SHA-256 of its bytes. */
export function readSeed(root: string, file: string): { text: string; file: string; sha256: string } {
  const bytes = readFileSync(resolve(root, file));
  return { text: bytes.toString('utf8'), file, sha256: createHash('sha256').update(bytes).digest('hex') };
}

/**
 * A digest of every input file's bytes (all seeds and the curated content),
 * so that callers can tell whether a cached catalog is still current.
 */
export function inputsDigest(root: string): string {
  const hash = createHash('sha256');
  const seeds = readdirSync(join(root, INPUT_PATHS.seeds))
    .sort()
    .map((n) => `${INPUT_PATHS.seeds}/${n}`);
  for (const path of [...seeds, ...Object.values(INPUT_PATHS).filter((p) => p !== INPUT_PATHS.seeds)]) {
    hash
      .update(path)
      .update('\0')
      .update(readFileSync(join(root, path)))
      .update('\0');
  }
  return hash.digest('hex');
}

/**
 * Reads the seed table and the curated content under `root` into the
 * catalog's inputs; `seedText` replaces the seed's text (tests break it on purpose).
 * The only part of the pipeline that touches the file system.
 */
export function readCatalogInputs(root: string, seedText?: string): CatalogInputs {
  const read = (path: string) => readFileSync(join(root, path), 'utf8');
  const seedName = pickSeedFile(readdirSync(join(root, INPUT_PATHS.seeds)));
  if (!seedName) throw new Error(`${INPUT_PATHS.seeds}/: no .txt seed table found`);
  const seed = readSeed(root, `${INPUT_PATHS.seeds}/${seedName}`);
  const references = parseReferences(read(INPUT_PATHS.references), INPUT_PATHS.references);
  return {
    seed: { ...seed, text: seedText ?? seed.text },
    earlierSeeds: seedFiles(root)
      .filter((file) => file !== seed.file)
      .map((file) => readSeed(root, file)),
    identities: parseIdentities(read(INPUT_PATHS.identities), INPUT_PATHS.identities),
    registry: parseBureauRegistry(read(INPUT_PATHS.bureaus), INPUT_PATHS.bureaus, references),
    corrections: parseCorrections(read(INPUT_PATHS.corrections), INPUT_PATHS.corrections),
    related: parseRelatedGroups(read(INPUT_PATHS.related), INPUT_PATHS.related, references),
    lexicon: { file: INPUT_PATHS.lexicon, entries: readPhrasing(read) },
    facets: { file: INPUT_PATHS.facets, data: parseFacets(read(INPUT_PATHS.facets), INPUT_PATHS.facets) },
    topics: parseTopics(read(INPUT_PATHS.topics), INPUT_PATHS.topics),
    info: parseSourceInfo(read(INPUT_PATHS.source), INPUT_PATHS.source),
    references: references.references,
    guidance: parseGuidance(read(INPUT_PATHS.guidance), INPUT_PATHS.guidance, references),
  };
}

/**
 * The inputs of the first recorded version of the table alone, with the curated content: the
 * base of synthetic catalogs (npm run synth), whose rows keep the first version's positions as
 * ids, as the curated files key them. Topics and facets of items later versions added are left out, and
 * `seedText` replaces the table's text (tests use the frozen copy in tests/fixtures/tables/).
 */
export function readFirstVersionInputs(root: string, seedText?: string): CatalogInputs {
  const inputs = readCatalogInputs(root);
  const [first] = inputs.identities.versions;
  if (!first) throw new Error(`${INPUT_PATHS.identities}: no version recorded`);
  const seed = readSeed(root, first.seed);
  return {
    ...inputs,
    seed: { ...seed, text: seedText ?? seed.text },
    earlierSeeds: [],
    identities: { ...inputs.identities, versions: [first] },
    info: { ...inputs.info, received: first.received },
    topics: { ...inputs.topics, items: new Map([...inputs.topics.items].filter(([id]) => !NEW_ITEM_ID_RE.test(id))) },
    facets: { ...inputs.facets, data: { ...inputs.facets.data, items: inputs.facets.data.items.filter((f) => !NEW_ITEM_ID_RE.test(f.id)) } },
  };
}

/** The service words (lexicon) and the rest of the phrasing data, checked together: one word, one meaning. */
function readPhrasing(read: (path: string) => string) {
  const entries = [INPUT_PATHS.lexicon, INPUT_PATHS.phrasing].flatMap((file) => parseLexicon(read(file), file));
  checkPhrasing(entries);
  return entries;
}

/** Reads the inputs under `root` and builds the catalog. */
export function loadCatalog(root: string): Catalog {
  return buildCatalog(readCatalogInputs(root));
}
