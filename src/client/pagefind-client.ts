import { PAGEFIND_OPTIONS, type SearchIndex } from '../lib/search/engine.ts';

interface PagefindModule extends SearchIndex {
  options(o: Record<string, unknown>): Promise<void>;
  mergeIndex(basePath: string, o?: Record<string, unknown>): Promise<void>;
}

/** The bundles a page searches when it names none: the site's one index (a one-city site's only bundle). */
export const DEFAULT_BUNDLES: readonly string[] = ['pagefind/'];

const loading = new Map<string, Promise<SearchIndex>>();

/**
 * Pagefind's runtime for a list of bundles, loaded on first use only, from the
 * site's own base path: pages that never search never download it. The engine
 * (src/lib/search/engine.ts) does the rest, as it does in Node. Each list is
 * loaded once; a search page of several cities asks for one city's list at a time
 * (src/lib/search/scope.ts, bundlesFor).
 */
export function pagefindIndex(bundles: readonly string[] = DEFAULT_BUNDLES): Promise<SearchIndex> {
  const key = bundles.join('\n');
  let index = loading.get(key);
  if (!index) loading.set(key, (index = loadBundles(bundles)));
  return index;
}

/**
 * The loader's contract (to be ported as is into the search worker): `bundles`
 * are paths relative to the site's base, each ending in a slash. The first is
 * imported and given the options, with its own `basePath` and the site's base as
 * `baseUrl` (result URLs are site-relative); every other is merged into it with
 * `mergeIndex`. A bundle's pagefind.js is one module per URL, so a list's first
 * bundle must not start another list.
 */
async function loadBundles(bundles: readonly string[]): Promise<SearchIndex> {
  const [first, ...rest] = bundles;
  if (first === undefined) throw new Error('no search bundle to load');
  const base = import.meta.env.BASE_URL.replace(/\/?$/, '/');
  const module = (await import(/* @vite-ignore */ `${base}${first}pagefind.js`)) as PagefindModule;
  await module.options({ ...PAGEFIND_OPTIONS, basePath: `${base}${first}`, baseUrl: base });
  for (const bundle of rest) await module.mergeIndex(`${base}${bundle}`);
  return module;
}
