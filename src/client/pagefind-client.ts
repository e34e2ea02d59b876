import { mergeHits, type Hit, type QueryPlan } from '../lib/search-query.ts';

/** The parts of Pagefind's browser API the site uses. */
interface PagefindResult {
  id: string;
  score: number;
  data(): Promise<PagefindData>;
}

export interface PagefindData {
  url: string;
  excerpt: string;
  /** The record's indexed text: its name and scenario, each closed with “. ” by Pagefind. */
  content: string;
  meta: Record<string, string | undefined>;
}

/**
 * The scenario of a search record (src/lib/search-record.ts), from Pagefind's
 * content: the scenario is indexed as text rather than kept as metadata,
 * because Pagefind splits Chinese text into words but metadata only at spaces.
 */
export function recordScenario(data: PagefindData): string {
  const name = data.meta.title ?? '';
  const rest = data.content.startsWith(name) ? data.content.slice(name.length) : data.content;
  return rest.replace(/^[.\s]+/, '').replace(/\.$/, '');
}

interface PagefindModule {
  options(o: Record<string, unknown>): Promise<void>;
  search(term: string | null, o?: Record<string, unknown>): Promise<{ results: PagefindResult[] } | null>;
}

let loading: Promise<PagefindModule> | undefined;

/**
 * Loads Pagefind on first use only, from the site's own base path: pages that
 * never search never download it.
 */
function pagefind(): Promise<PagefindModule> {
  loading ??= (async () => {
    const base = import.meta.env.BASE_URL.replace(/\/?$/, '/');
    const module = (await import(/* @vite-ignore */ `${base}pagefind/pagefind.js`)) as PagefindModule;
    // Ranking: our own (src/lib/search-rank.ts) decides relevance and order; Pagefind's
    // score only orders candidates and breaks ties. Short pages are not favoured much
    // (pageLength), since an item's length says nothing about its relevance, and repeating
    // a word counts less than having it at all (termFrequency).
    // No worker: searching 138 short records is quick on the main thread, and the worker is 12 KiB more to fetch.
    await module.options({ baseUrl: base, excerptLength: 36, noWorker: true, ranking: { pageLength: 0.25, termFrequency: 0.5 } });
    return module;
  })();
  return loading;
}

/** A ranked hit whose data can be loaded on demand. */
export type SearchHit = Hit<PagefindResult>;

/** Hits of the whole-query search kept as candidates. */
const WHOLE_QUERY_HITS = 5;

const toHits = (r: { results: PagefindResult[] } | null) => (r?.results ?? []).map((result) => ({ id: result.id, score: result.score, result }));

/**
 * Runs every planned search and merges the hits into one candidate list, best
 * first; with no query, lists the items the filters allow in source order.
 */
export async function runSearch(plan: QueryPlan, filters: Record<string, string>): Promise<SearchHit[]> {
  const pf = await pagefind();
  const options = { filters };
  if (plan.searches.length === 0) {
    const all = await pf.search(null, { ...options, sort: { order: 'asc' } });
    return (all?.results ?? []).map((r, i, list) => ({ id: r.id, score: list.length - i, result: r }));
  }
  const perSearch = (await Promise.all(plan.searches.map((s) => pf.search(s, options)))).map(toHits);
  // The whole query is searched so that a full name finds its item, which Pagefind then ranks near
  // the top; its other hits share only some word (办理 in 护照办理) and would only cost fragments.
  perSearch[0] = perSearch[0]?.slice(0, WHOLE_QUERY_HITS) ?? [];
  return mergeHits(perSearch);
}
