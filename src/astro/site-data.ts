import { getCollection, type CollectionEntry } from 'astro:content';
import type { CatalogItem } from '../lib/catalog/catalog.ts';
import type { Bureau } from '../lib/catalog/bureaus.ts';
import type { Topic } from '../lib/catalog/topics.ts';
import type { Guidance } from '../lib/facts/guidance.ts';
import type { LexiconEntry } from '../lib/source/lexicon.ts';
import type { BatchId } from '../lib/core/batches.ts';
import { catalogViews, sortItems, type CatalogViews } from '../lib/views/grouping.ts';
import { nameOf } from '../lib/views/item-view.ts';

/** An item as pages use it. */
export type Item = CatalogItem;

// One schema and one type per concept: pages use the catalog's own types, re-exported here.
export type { Bureau, Guidance, LexiconEntry, Topic };

/** A deadline batch as pages use it. */
export type Batch = CollectionEntry<'batches'>['data'];

/** The source table's identity. */
export type Source = CollectionEntry<'sources'>['data'];

/** An item an earlier version of the table listed and the newest does not: its page stays. */
export type Dropped = CollectionEntry<'dropped'>['data'];

/** One version of the table the site has published, with what it changed. */
export type Version = CollectionEntry<'versions'>['data'];

export interface SiteData {
  source: Source;
  guidance: Guidance;
  lexicon: LexiconEntry[];
  topics: Topic[];
  topicBySlug: Map<string, Topic>;
  items: Item[];
  bureaus: Bureau[];
  batches: Batch[];
  itemById: Map<string, Item>;
  bureauBySlug: Map<string, Bureau>;
  /** A bureau's display name by slug (nameOf): the one way pages, cards, records and files name a bureau. */
  bureauName: (slug: string) => string;
  /** A topic's display name by slug (nameOf). */
  topicName: (slug: string) => string;
  batchById: Map<BatchId, Batch>;
  /** By batch, topic and bureau, counts and neighbours: computed once for all pages. */
  views: CatalogViews<Item>;
  /** Items the newest table no longer lists, in their last table's order: only their own pages show them. */
  dropped: Dropped[];
  /** Every version of the table the site has published, newest first. */
  versions: Version[];
}

let cached: Promise<SiteData> | undefined;

async function load(): Promise<SiteData> {
  const [itemEntries, bureauEntries, batchEntries, sourceEntries, lexiconEntries, topicEntries, guidanceEntries, droppedEntries, versionEntries] =
    await Promise.all([
      getCollection('items'),
      getCollection('bureaus'),
      getCollection('batches'),
      getCollection('sources'),
      getCollection('lexicon'),
      getCollection('topics'),
      getCollection('guidance'),
      getCollection('dropped'),
      getCollection('versions'),
    ]);
  const guidance = guidanceEntries[0]?.data.guidance;
  if (!guidance) throw new Error('the guidance collection is empty');
  const source = sourceEntries[0]?.data;
  if (!source) throw new Error('the sources collection is empty');
  const items = sortItems(itemEntries.map(({ id, data }) => ({ ...data, id })));
  const batches = batchEntries.map(({ data }) => data).sort((a, b) => a.batch - b.batch);
  const topics = topicEntries.map(({ id, data }) => ({ ...data, slug: id })).sort((a, b) => a.order - b.order);
  const views = catalogViews(
    items,
    bureauEntries.map((b) => b.id),
    topics.map((t) => t.slug),
  );
  // Busiest bureaus first: that is where most citizens' questions lead.
  const weight = (slug: string) => (views.bureauCounts.get(slug)?.lead ?? 0) * 1000 + (views.bureauCounts.get(slug)?.cooperating ?? 0);
  const bureaus = bureauEntries.map(({ id, data }) => ({ ...data, slug: id })).sort((a, b) => weight(b.slug) - weight(a.slug) || a.slug.localeCompare(b.slug));
  const bureauBySlug = new Map(bureaus.map((b) => [b.slug, b]));
  const topicBySlug = new Map(topics.map((t) => [t.slug, t]));
  return {
    source,
    guidance,
    topics,
    topicBySlug,
    lexicon: lexiconEntries.sort((a, b) => a.id.localeCompare(b.id)).map(({ data }) => data),
    items,
    bureaus,
    batches,
    itemById: new Map(items.map((i) => [i.id, i])),
    bureauBySlug,
    bureauName: nameOf(bureauBySlug),
    topicName: nameOf(topicBySlug),
    batchById: new Map(batches.map((b) => [b.batch, b])),
    views,
    dropped: droppedEntries.map(({ data }) => data),
    versions: versionEntries.sort((a, b) => b.id.localeCompare(a.id)).map(({ data }) => data),
  };
}

/** All catalog data, read once per build from the content collections. */
export function getSiteData(): Promise<SiteData> {
  cached ??= load();
  return cached;
}
