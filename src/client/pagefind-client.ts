import { FACETS_FILE, HANT_FILE, LATIN_FILE, PAGEFIND_OPTIONS, type SearchIndex } from '../lib/search/engine.ts';
import { inflatingFetch } from '../lib/search/pagefind-fetch.ts';
import { startInLanguage } from '../lib/search/pagefind-language.ts';
import { INDEX_DIR } from '../lib/search/bundles.ts';

interface PagefindModule extends SearchIndex {
  options(o: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
}

const loading = new Map<string, Promise<SearchIndex>>();
/** The worker's fetch once it inflates Pagefind's files, installed before the first runtime loads. */
let inflating: typeof fetch | undefined;

/**
 * The Latin data's text (pinyin map and Latin phrasing), fetched from beside the
 * site's first bundle (INDEX_DIR, whichever city is searched): the engine asks for
 * it on the first query with Latin letters.
 */
export function latinText(): Promise<string> {
  return searchFile(LATIN_FILE);
}

/** The items' facets (facet-match.ts), fetched from beside the first bundle: the engine asks for them on the first query that states a facet. */
export function facetsText(): Promise<string> {
  return searchFile(FACETS_FILE);
}

/** The traditional-character map (hant.ts), fetched from beside the first bundle on the first query that may be traditional. */
export function hantText(): Promise<string> {
  return searchFile(HANT_FILE);
}

async function searchFile(file: string): Promise<string> {
  const response = await fetch(`${import.meta.env.BASE_URL.replace(/\/?$/, '/')}${INDEX_DIR}/${file}`);
  if (!response.ok) throw new Error(`the search data ${file} did not load: ${response.status}`);
  return response.text();
}

/**
 * Pagefind's runtime for a bundle (`pagefind/` or `pagefind-cities/c007/`, src/lib/search/bundles.ts),
 * in the search worker, loaded once per bundle: a national catalog's page searches one city's bundle
 * at a time (ScopeCity.bundle), and going back to a city reuses it.
 */
export function pagefindIndex(bundle: string, lang: string): Promise<SearchIndex> {
  let index = loading.get(bundle);
  if (!index) loading.set(bundle, (index = loadPagefind(bundle, lang)));
  return index;
}

/**
 * Loads Pagefind from the site's own base path. `bundle` is a path relative to
 * the site's base, ending in a slash: its pagefind.js is imported and given the
 * options, with its own `basePath` and the site's base as `baseUrl` (result URLs
 * are site-relative). Pagefind starts no worker of its own here: it runs in
 * ours, which has no `window`. Its WebAssembly and metadata load here, before the first search.
 */
async function loadPagefind(bundle: string, lang: string): Promise<SearchIndex> {
  const base = import.meta.env.BASE_URL.replace(/\/?$/, '/');
  // The site's pagefind.js has no inflater of its own (src/lib/search/pagefind-fetch.ts); it fetches with the worker's fetch.
  if (!inflating) globalThis.fetch = inflating = inflatingFetch(globalThis.fetch.bind(globalThis));
  const module = (await import(/* @vite-ignore */ `${base}${bundle}pagefind.js`)) as PagefindModule;
  await module.options({ ...PAGEFIND_OPTIONS, basePath: `${base}${bundle}`, baseUrl: base });
  await startInLanguage(module, lang);
  return module;
}
