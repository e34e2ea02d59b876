import { fileURLToPath } from 'node:url';
import { defineCollection } from 'astro:content';
import type { Loader } from 'astro/loaders';
import { z } from 'astro/zod';
import { BATCH_IDS, BATCHES } from './lib/core/batches.ts';
import { itemSchema, type Catalog } from './lib/catalog/catalog.ts';
import { INPUT_PATHS, inputsDigest, loadCatalog } from './build/load-catalog.ts';
import { bureauSchema } from './lib/catalog/bureaus.ts';
import { lexiconEntrySchema } from './lib/source/lexicon.ts';
import { sourceInfoSchema } from './lib/source/source-info.ts';
import { topicSchema } from './lib/catalog/topics.ts';
import { guidanceSchema } from './lib/facts/guidance.ts';
import { referenceSchema } from './lib/facts/references.ts';
import { formatWarning } from './lib/core/source-error.ts';
import { droppedItemSchema, tableVersionSchema } from './lib/source/version-match.ts';

type Entry = { id: string; data: Record<string, unknown> };

/** The names of the catalog's loaders, so that the cache knows when every collection has read the catalog. */
const LOADERS = new Set<string>();

/**
 * The catalog for the current inputs, built once and shared by all the
 * collections: seven loaders would otherwise parse and check the table seven
 * times per build. The key is the inputs' content, so a change rebuilds it.
 * Once every loader has read it, the cache lets it go: pages render from the
 * collections, and a national catalog held to the end of the build would only
 * add to the build's peak memory.
 */
let cache: { key: string; catalog?: Catalog; waiting: Set<string> } | undefined;
function currentCatalog(root: string, loader: string): Catalog {
  const key = inputsDigest(root);
  const current = cache?.key === key ? cache : undefined;
  const fresh = current?.catalog ? undefined : loadCatalog(root);
  // Once per build of the catalog: what the maintainer must still do, naming the file to edit.
  for (const warning of fresh?.warnings ?? []) console.warn(formatWarning(warning));
  const catalog = current?.catalog ?? fresh!;
  const entry = current?.catalog ? current : (cache = { key, catalog, waiting: new Set(LOADERS) });
  entry.waiting.delete(loader);
  if (entry.waiting.size === 0) delete entry.catalog;
  return catalog;
}

/**
 * Feeds one collection from the catalog pipeline. Every collection re-reads the
 * inputs, so a change to the seed or to content/ shows at the next build, and in
 * dev as soon as the file is saved.
 */
function catalogLoader(name: string, entries: (catalog: Catalog) => Entry[]): Loader {
  LOADERS.add(name);
  return {
    name: `kstb-${name}`,
    load: async ({ store, parseData, config, watcher }) => {
      const root = fileURLToPath(config.root);
      const sync = async () => {
        const catalog = currentCatalog(root, name);
        store.clear();
        for (const { id, data } of entries(catalog)) store.set({ id, data: await parseData({ id, data }) });
      };
      await sync();
      watcher?.add(Object.values(INPUT_PATHS).map((p) => `${root}${p}`));
      watcher?.on('change', (path) => {
        if (Object.values(INPUT_PATHS).some((p) => path.startsWith(`${root}${p}`))) void sync();
      });
    },
  };
}

const items = defineCollection({
  loader: catalogLoader('items', (c) => c.items.map(({ id, ...data }) => ({ id, data: { ...data } }))),
  // Search terms are the index's alone (src/build/search-index.ts); pages never read them.
  schema: itemSchema.omit({ id: true }),
});

const bureaus = defineCollection({
  loader: catalogLoader('bureaus', (c) => c.bureaus.map(({ slug, ...data }) => ({ id: slug, data: { ...data } }))),
  schema: bureauSchema.omit({ slug: true }),
});

const batches = defineCollection({
  loader: catalogLoader('batches', (c) =>
    c.sections.map(({ batch, heading, declaredCount }) => {
      const { id, ...info } = BATCHES[batch];
      return { id: String(id), data: { batch: id, ...info, heading, declaredCount } };
    }),
  ),
  schema: z
    .object({
      batch: z.literal(BATCH_IDS),
      ordinal: z.string(),
      label: z.string(),
      deadline: z.string(),
      /** The section heading as the table prints it. */
      heading: z.string().min(1),
      /** The item count the heading declares. */
      declaredCount: z.number().int().positive(),
    })
    .strict(),
});

const sources = defineCollection({
  loader: catalogLoader('sources', (c) => [
    { id: 'table', data: { file: c.file, title: c.title, declaredTotal: c.declaredTotal, sha256: c.sha256, ...c.info } },
  ]),
  schema: sourceInfoSchema.extend({
    /** Seed file path, relative to the project root. */
    file: z.string().min(1),
    /** The table's title line. */
    title: z.string().min(1),
    /** The total the title block declares. */
    declaredTotal: z.number().int().positive(),
    /** SHA-256 of the seed file's bytes: which version of the table the site shows. */
    sha256: z.string().regex(/^[0-9a-f]{64}$/),
  }),
});

const lexicon = defineCollection({
  loader: catalogLoader('lexicon', (c) => c.lexicon.map((entry, i) => ({ id: String(i + 1).padStart(3, '0'), data: { ...entry } }))),
  schema: lexiconEntrySchema,
});

const topics = defineCollection({
  loader: catalogLoader('topics', (c) => c.topics.map(({ slug, ...data }, i) => ({ id: slug, data: { ...data, order: i } }))),
  schema: topicSchema.omit({ slug: true }).extend({
    /** Position in the curated list. */
    order: z.number().int().nonnegative(),
  }),
});

const guidance = defineCollection({
  loader: catalogLoader('guidance', (c) => [{ id: 'site', data: { guidance: c.guidance, references: c.references } }]),
  schema: z
    .object({
      /** How to apply, channels, remark explanations and about-page facts, each with its source. */
      guidance: guidanceSchema,
      /** Every public source the statements cite. */
      references: z.array(referenceSchema),
    })
    .strict(),
});

const dropped = defineCollection({
  loader: catalogLoader('dropped', (c) => c.dropped.map((d) => ({ id: d.row.id, data: { ...d } }))),
  schema: droppedItemSchema,
});

const versions = defineCollection({
  // Oldest first, by index: the change log lists them newest first. The rows are the build's, not the page's.
  loader: catalogLoader('versions', (c) => c.versions.map(({ rows, ...v }, i) => ({ id: String(i).padStart(3, '0'), data: { ...v, listed: rows.length } }))),
  schema: tableVersionSchema.omit({ rows: true }).extend({
    /** How many items the version lists. */
    listed: z.number().int().nonnegative(),
  }),
});

/** The catalog's collections, all fed from seeds/ and content/ by the same pipeline. */
export const collections = { items, bureaus, batches, sources, lexicon, topics, guidance, dropped, versions };
