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
  meta: Record<string, string | undefined>;
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
    await module.options({ baseUrl: base, excerptLength: 36 });
    return module;
  })();
  return loading;
}

/** A ranked hit whose data can be loaded on demand. */
export type SearchHit = Hit<PagefindResult>;

/** The hits of a search, and whether they come from the single-word fallback. */
export interface SearchOutcome {
  hits: SearchHit[];
  relaxed: boolean;
}

const toHits = (r: { results: PagefindResult[] } | null) => (r?.results ?? []).map((result) => ({ id: result.id, score: result.score, result }));

/**
 * Runs every variant of a planned query (or, with no query, lists the items
 * the filters allow in source order) and merges the hits into one ranking.
 */
export async function runSearch(plan: QueryPlan, filters: Record<string, string>): Promise<SearchOutcome> {
  const pf = await pagefind();
  const options = { filters };
  if (plan.variants.length === 0) {
    const all = await pf.search(null, { ...options, sort: { order: 'asc' } });
    return { hits: (all?.results ?? []).map((r, i, list) => ({ id: r.id, score: list.length - i, result: r })), relaxed: false };
  }
  const exact = mergeHits((await Promise.all(plan.variants.map((v) => pf.search(v, options)))).map(toHits), plan.weights);
  if (exact.length > 0 || plan.relaxed.length < 2) return { hits: exact, relaxed: false };
  const perWord = await Promise.all(plan.relaxed.map((w) => pf.search(w, options)));
  return { hits: mergeHits(perWord.map(toHits), [], 'sum'), relaxed: true };
}
