import { rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as pagefind from 'pagefind';
import type { Catalog } from '../lib/catalog/catalog.ts';
import { sortItems } from '../lib/views/grouping.ts';
import { itemSearchRecord, type SearchRecord } from '../lib/search/record.ts';
import { INDEX_DIR, partitionByCity } from '../lib/search/bundles.ts';
import { encodeLatinData } from '../lib/search/pinyin.ts';
import { compactEntry, encodePhrasing } from '../lib/search/rules.ts';
import { encodeGenericWords, encodeItemFacets } from '../lib/search/facet-match.ts';
import { FACETS_FILE, HANT_FILE, LATIN_FILE } from '../lib/search/engine.ts';
import { encodeHantMap } from '../lib/search/hant.ts';
import { catalogHantMap } from './hant-map.ts';
import { catalogPinyinMap } from '../lib/search/terms.ts';
import { LATIN_CLASSES } from '../lib/source/wording.ts';
import { nameOf } from '../lib/views/item-view.ts';
import { loadCatalog } from './load-catalog.ts';

/**
 * Pagefind's files the site never loads: its prebuilt UIs (the site has its own
 * search UI on Pagefind's JS API) and its own worker (Pagefind runs inside the
 * site's search worker, src/client/search-worker.ts, where it starts none).
 */
const UNUSED_UI_FILES = [
  'pagefind-worker.js',
  'pagefind-ui.js',
  'pagefind-ui.css',
  'pagefind-component-ui.js',
  'pagefind-component-ui.css',
  'pagefind-modular-ui.js',
  'pagefind-modular-ui.css',
  'pagefind-highlight.js',
];

/**
 * How many records may be on their way to Pagefind at once. Pagefind's service
 * handles its messages one after another in the order they arrive, so keeping
 * a few in flight hides the round trip without changing the index: the records
 * are still added in catalog order and the output stays the same on every build.
 */
const IN_FLIGHT = 16;

/**
 * The Latin data of a catalog (pinyin.ts): the phrasing entries of Latin words, which the
 * search page leaves out of its data island (search.astro), and the pinyin map of the whole
 * catalog. One file, beside the site's first bundle (`pagefind/`), whichever city is searched.
 */
export function catalogLatinData(catalog: Catalog): string {
  const phrasing = encodePhrasing(catalog.lexicon.filter((e) => LATIN_CLASSES.includes(e.class)).map(compactEntry));
  return encodeLatinData({ phrasing, pinyin: catalogPinyinMap(catalog.items, catalog.lexicon) });
}

/** The catalog's words a query may spell in traditional characters: item names and scenarios, and every phrasing word. */
function* catalogWords(catalog: Catalog): Iterable<string> {
  for (const item of catalog.items) yield `${item.name}${item.scenario}`;
  for (const entry of catalog.lexicon) yield [...entry.say, ...entry.means, ...entry.related].join('');
}

/** Every item's search record, in source order. */
export function catalogSearchRecords(catalog: Catalog): SearchRecord[] {
  const record = recordMaker(catalog);
  return sortItems(catalog.items).map(record);
}

/** Makes an item's search record with the catalog's bureau and topic names. */
function recordMaker(catalog: Catalog): (item: Catalog['items'][number]) => SearchRecord {
  const bureauName = nameOf(new Map(catalog.bureaus.map((b) => [b.slug, b])));
  const topicName = nameOf(new Map(catalog.topics.map((t) => [t.slug, t])));
  return (item) => itemSearchRecord(item, bureauName, topicName);
}

/**
 * Writes one Pagefind bundle per city under `outputDir` (`pagefind/` for the
 * catalog's first city, `pagefind-cities/<code>/` for the others; see
 * src/lib/search/bundles.ts), one after another in one Pagefind service,
 * deleting each index once written: the service holds one city at a time, so
 * its memory is bounded by the largest city, not by the catalog. Each city's
 * records are made just before they are indexed. The Latin data (pinyin.ts) goes
 * beside the first bundle. Returns the record count.
 */
export async function writeCityIndexes(catalog: Catalog, outputDir: string): Promise<number> {
  const record = recordMaker(catalog);
  let count = 0;
  try {
    for (const bundle of partitionByCity(catalog.cities, sortItems(catalog.items), (item) => item.city)) {
      await addSearchIndex(bundle.items.map(record), join(outputDir, bundle.path));
      count += bundle.items.length;
    }
    await writeFile(join(outputDir, INDEX_DIR, LATIN_FILE), catalogLatinData(catalog));
    const rare = encodePhrasing(catalog.lexicon.filter((e) => e.rare && !LATIN_CLASSES.includes(e.class)).map(compactEntry));
    await writeFile(
      join(outputDir, INDEX_DIR, FACETS_FILE),
      `${rare}\n\n${encodeItemFacets(catalog.facets.items)}\n\n${encodeGenericWords(catalog.facets.generic)}`,
    );
    await writeFile(join(outputDir, INDEX_DIR, HANT_FILE), encodeHantMap(catalogHantMap(catalogWords(catalog))));
  } finally {
    await pagefind.close();
  }
  return count;
}

/**
 * Writes one index with Pagefind's running service, leaving it running for
 * the next (`npm run bench:index` writes one per city); `pagefind.close()` stops it.
 */
export async function addSearchIndex(records: readonly SearchRecord[], outputPath: string): Promise<void> {
  if (records.length === 0) throw new Error('the catalog has no items: the search would find nothing');
  const { index, errors } = await pagefind.createIndex({ forceLanguage: 'zh-cn' });
  if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
  const failures: string[] = [];
  const inFlight: Promise<void>[] = [];
  for (const { url, html } of records) {
    inFlight.push(
      index.addHTMLFile({ url, content: html }).then(
        (added) => {
          if (added.errors.length > 0) failures.push(`Pagefind could not index ${url}: ${added.errors.join('; ')}`);
        },
        (error: unknown) => void failures.push(`Pagefind could not index ${url}: ${String(error)}`),
      ),
    );
    if (inFlight.length >= IN_FLIGHT) await inFlight.shift();
  }
  await Promise.all(inFlight);
  if (failures.length > 0) throw new Error(failures.join('\n'));
  const written = await index.writeFiles({ outputPath });
  if (written.errors.length > 0) throw new Error(`Pagefind could not write its files: ${written.errors.join('; ')}`);
  await Promise.all(UNUSED_UI_FILES.map((f) => rm(`${outputPath}/${f}`, { force: true })));
  await index.deleteIndex();
}

// Run by the Pagefind integration as a process of its own while Astro renders the pages:
// node src/build/search-index.ts ROOT OUTPUT_DIR, writing OUTPUT_DIR/pagefind/ (and
// OUTPUT_DIR/pagefind-cities/ for a catalog of several cities). Prints the record count.
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [root, outputDir] = process.argv.slice(2);
  if (!root || !outputDir) throw new Error('usage: node src/build/search-index.ts ROOT OUTPUT_DIR');
  process.stdout.write(`${await writeCityIndexes(loadCatalog(root), outputDir)}\n`);
}
