import { FACETS_FILE, PAGEFIND_OPTIONS, type SearchIndex } from '../lib/search/engine.ts';
import { inflatingFetch } from '../lib/search/pagefind-fetch.ts';
import { startInLanguage } from '../lib/search/pagefind-language.ts';
import { LATIN_FILE } from '../lib/search/pinyin.ts';
import { HANT_FILE } from '../lib/search/hant.ts';

interface PagefindModule extends SearchIndex {
  options(o: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  mergeIndex(path: string, o: Record<string, unknown>): Promise<void>;
}

/** The bundles a page searches when it names none: the site's one index (a one-city site's only bundle). */
export const DEFAULT_BUNDLES: readonly string[] = ['pagefind/'];

const loading = new Map<string, Promise<SearchIndex>>();
/** The worker's fetch once it inflates Pagefind's files, installed before the first runtime loads. */
let inflating: typeof fetch | undefined;

/**
 * The Latin data's text (pinyin map and Latin phrasing), fetched from beside the
 * site's first bundle (`pagefind/`, whichever city is searched): the engine asks for
 * it on the first query with Latin letters.
 */
export function latinText(): Promise<string> {
  return searchFile(LATIN_FILE);
}

/** The items' facets (facets.ts), fetched from beside the first bundle: the engine asks for them on the first query that states a facet. */
export function facetsText(): Promise<string> {
  return searchFile(FACETS_FILE);
}

/** The traditional-character map (hant.ts), fetched from beside the first bundle on the first query that may be traditional. */
export function hantText(): Promise<string> {
  return searchFile(HANT_FILE);
}

async function searchFile(file: string): Promise<string> {
  const response = await fetch(`${import.meta.env.BASE_URL.replace(/\/?$/, '/')}pagefind/${file}`);
  if (!response.ok) throw new Error(`the search data ${file} did not load: ${response.status}`);
  return response.text();
}

/**
 * Pagefind's runtime for a list of bundles, in the search worker, loaded once
 * per list: a national catalog's page searches one city's list at a time
 * (src/lib/search/scope.ts, bundlesFor), and going back to a city reuses it.
 */
export function pagefindIndex(bundles: readonly string[], lang: string): Promise<SearchIndex> {
  const list = bundles.length > 0 ? bundles : DEFAULT_BUNDLES;
  const key = list.join(' ');
  let index = loading.get(key);
  if (!index) loading.set(key, (index = loadPagefind(list, lang)));
  return index;
}

/**
 * Loads Pagefind from the site's own base path. `bundles` are paths relative to
 * the site's base, each ending in a slash: the first is imported and given the
 * options, with its own `basePath` and the site's base as `baseUrl` (result URLs
 * are site-relative); each further one is merged into it with Pagefind's
 * mergeIndex. A bundle's pagefind.js is one module per URL, so a list's first
 * bundle must not start another list. Pagefind runs without a worker of its own
 * (noWorker): it already runs in ours. Its WebAssembly and metadata load here,
 * before the first search.
 */
async function loadPagefind(bundles: readonly string[], lang: string): Promise<SearchIndex> {
  const base = import.meta.env.BASE_URL.replace(/\/?$/, '/');
  const [first, ...others] = bundles as [string, ...string[]];
  // The site's pagefind.js has no inflater of its own (src/lib/search/pagefind-fetch.ts); it fetches with the worker's fetch.
  if (!inflating) globalThis.fetch = inflating = inflatingFetch(globalThis.fetch.bind(globalThis));
  const module = (await import(/* @vite-ignore */ `${base}${first}pagefind.js`)) as PagefindModule;
  await module.options({ ...PAGEFIND_OPTIONS, basePath: `${base}${first}`, baseUrl: base });
  await startInLanguage(module, lang);
  const { noWorker: _, ...shared } = PAGEFIND_OPTIONS;
  for (const path of others) await module.mergeIndex(`${base}${path}`, { ...shared, baseUrl: base });
  return module;
}
