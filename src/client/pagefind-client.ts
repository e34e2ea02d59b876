import { PAGEFIND_OPTIONS, type SearchIndex } from '../lib/search/engine.ts';
import { startInLanguage } from '../lib/search/pagefind-language.ts';

interface PagefindModule extends SearchIndex {
  options(o: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  mergeIndex(path: string, o: Record<string, unknown>): Promise<void>;
}

/**
 * Pagefind's runtime, in the search worker, from the site's own base path.
 * `bundles` lists the Pagefind bundles to search, relative to the site's base
 * (today ['pagefind/']; one per region for a very large catalog): the first is
 * loaded, each further one merged into it with Pagefind's mergeIndex. Pagefind
 * runs without a worker of its own (noWorker): it already runs in ours. Its
 * WebAssembly and metadata load here, before the first search.
 */
export async function loadPagefind(bundles: readonly string[], lang: string): Promise<SearchIndex> {
  const base = import.meta.env.BASE_URL.replace(/\/?$/, '/');
  const [first = 'pagefind/', ...others] = bundles;
  const module = (await import(/* @vite-ignore */ `${base}${first}pagefind.js`)) as PagefindModule;
  await module.options({ ...PAGEFIND_OPTIONS, basePath: `${base}${first}`, baseUrl: base });
  await startInLanguage(module, lang);
  const { noWorker: _, ...shared } = PAGEFIND_OPTIONS;
  for (const path of others) await module.mergeIndex(`${base}${path}`, { ...shared, baseUrl: base });
  return module;
}
