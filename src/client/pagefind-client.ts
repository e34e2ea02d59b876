import { PAGEFIND_OPTIONS, type SearchIndex } from '../lib/search/engine.ts';

interface PagefindModule extends SearchIndex {
  options(o: Record<string, unknown>): Promise<void>;
}

let loading: Promise<SearchIndex> | undefined;

/**
 * Pagefind's runtime, loaded on first use only, from the site's own base path:
 * pages that never search never download it. The engine (src/lib/search/engine.ts)
 * does the rest, as it does in Node.
 */
export function pagefindIndex(): Promise<SearchIndex> {
  loading ??= (async () => {
    const base = import.meta.env.BASE_URL.replace(/\/?$/, '/');
    const module = (await import(/* @vite-ignore */ `${base}pagefind/pagefind.js`)) as PagefindModule;
    await module.options({ ...PAGEFIND_OPTIONS, baseUrl: base });
    return module;
  })();
  return loading;
}
