import { fileURLToPath } from 'node:url';
import { defineCollection, reference } from 'astro:content';
import type { Loader } from 'astro/loaders';
import { z } from 'astro/zod';
import { BATCH_IDS, BATCHES } from './lib/batches.ts';
import type { Catalog } from './lib/catalog.ts';
import { NOTE_KINDS } from './lib/corrections.ts';
import { INPUT_PATHS, inputsDigest, loadCatalog } from './lib/load-catalog.ts';
import { CELL_FIELDS } from './lib/parse-table.ts';
import { REMARKS } from './lib/remarks.ts';
import { AUDIENCES } from './lib/topics.ts';
import { guidanceSchema } from './lib/guidance.ts';
import { referenceSchema } from './lib/references.ts';

type Entry = { id: string; data: Record<string, unknown> };

/**
 * The catalog for the current inputs, built once and shared by all the
 * collections: six loaders would otherwise parse and check the table six
 * times per build. The key is the inputs' content, so a change rebuilds it.
 */
let cache: { key: string; catalog: Catalog } | undefined;
function currentCatalog(root: string): Catalog {
  const key = inputsDigest(root);
  if (cache?.key !== key) cache = { key, catalog: loadCatalog(root) };
  return cache.catalog;
}

/**
 * Feeds one collection from the catalog pipeline. Every collection re-reads the
 * inputs, so a change to the seed or to content/ shows at the next build, and in
 * dev as soon as the file is saved.
 */
function catalogLoader(name: string, entries: (catalog: Catalog) => Entry[]): Loader {
  return {
    name: `kstb-${name}`,
    load: async ({ store, parseData, config, watcher }) => {
      const root = fileURLToPath(config.root);
      const sync = async () => {
        const catalog = currentCatalog(root);
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

const rawCells = z
  .object({
    name: z.string(),
    scenario: z.string(),
    lead: z.string(),
    cooperating: z.string(),
    remark: z.string(),
  })
  .strict();

const items = defineCollection({
  loader: catalogLoader('items', (c) => c.items.map(({ id, ...data }) => ({ id, data: { ...data } }))),
  schema: z
    .object({
      /** Deadline batch, 1–3, as the source numbers its sections. */
      batch: z.literal(BATCH_IDS),
      /** Number within the batch, 1..N. */
      number: z.number().int().positive(),
      /** Full item name (corrected). */
      name: z.string().min(1),
      /** Application scenario (应用场景, corrected). */
      scenario: z.string().min(1),
      /** Lead bureaus; at least one. */
      lead: z.array(reference('bureaus')).min(1),
      /** Cooperating bureaus; may be empty. */
      cooperating: z.array(reference('bureaus')),
      /** Remark (备注), or null where the table has none. */
      remark: z.enum(REMARKS).nullable(),
      /** Line of the row in the seed file. */
      line: z.number().int().positive(),
      /** The raw cells exactly as the table has them. */
      source: rawCells,
      /** Corrections and name normalisations applied to this item. */
      notes: z.array(
        z
          .object({
            field: z.enum(CELL_FIELDS),
            original: z.string(),
            corrected: z.string(),
            inferred: z.boolean(),
            reason: z.string().min(1),
            kind: z.enum(NOTE_KINDS),
          })
          .strict(),
      ),
      /** The same service in other batches. */
      sameService: z.array(z.object({ id: reference('items'), note: z.string().min(1) }).strict()),
      /** Words the item is also indexed under (hidden on the page, searchable). */
      searchTerms: z.object({ everyday: z.array(z.string()), pinyin: z.array(z.string().regex(/^[a-z]+$/)) }).strict(),
      /** Life topics; at least one. */
      topics: z.array(reference('topics')).min(1),
      /** Who the item serves. */
      audience: z.array(z.enum(AUDIENCES)).min(1),
    })
    .strict(),
});

const bureaus = defineCollection({
  loader: catalogLoader('bureaus', (c) => c.bureaus.map(({ slug, ...data }) => ({ id: slug, data: { ...data } }))),
  schema: z
    .object({
      /** Short name as the table prints it. */
      name: z.string().min(1),
      /** Full official name. */
      fullName: z.string().min(1),
      /** Other spellings in the table. */
      aliases: z.array(z.string()),
    })
    .strict(),
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
      deadlineDate: z.iso.date(),
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
  schema: z
    .object({
      /** Seed file path, relative to the project root. */
      file: z.string().min(1),
      /** The table's title line. */
      title: z.string().min(1),
      /** The total the title block declares. */
      declaredTotal: z.number().int().positive(),
      /** SHA-256 of the seed file's bytes: which version of the table the site shows. */
      sha256: z.string().regex(/^[0-9a-f]{64}$/),
      /** The document's title, publisher and policy basis. */
      document: z.string().min(1),
      publisher: z.string().min(1),
      basis: z.string().min(1),
      /** When this version of the table was taken into the site: the date of the data. */
      received: z.iso.date(),
    })
    .strict(),
});

const lexicon = defineCollection({
  loader: catalogLoader('lexicon', (c) => c.lexicon.map((entry, i) => ({ id: String(i + 1).padStart(3, '0'), data: { ...entry } }))),
  schema: z
    .object({
      /** Everyday words citizens type. */
      say: z.array(z.string().min(1)).min(1),
      /** Official wordings of the same service or a direct synonym (匹配). */
      means: z.array(z.string().min(1)),
      /** Wordings of related but different services (相关). */
      related: z.array(z.string().min(1)),
    })
    .strict(),
});

const topics = defineCollection({
  loader: catalogLoader('topics', (c) => c.topics.map(({ slug, ...data }, i) => ({ id: slug, data: { ...data, order: i } }))),
  schema: z
    .object({
      /** The life topic in citizens' words. */
      name: z.string().min(1),
      /** One line on what it covers. */
      summary: z.string().min(1),
      /** Position in the curated list. */
      order: z.number().int().nonnegative(),
    })
    .strict(),
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

/** The catalog's collections, all fed from seeds/ and content/ by the same pipeline. */
export const collections = { items, bureaus, batches, sources, lexicon, topics, guidance };
