import { PAGEFIND_OPTIONS, type SearchIndex } from '../lib/search/engine.ts';
import { LATIN_FILE } from '../lib/search/pinyin.ts';

interface PagefindModule extends SearchIndex {
  options(o: Record<string, unknown>): Promise<void>;
}

let loading: Promise<SearchIndex> | undefined;

const pagefindBase = () => `${import.meta.env.BASE_URL.replace(/\/?$/, '/')}pagefind/`;

/** The Latin data's text (pinyin map and Latin phrasing), fetched from beside the index: the engine asks for it on the first query with Latin letters. */
export async function latinText(): Promise<string> {
  const response = await fetch(`${pagefindBase()}${LATIN_FILE}`);
  if (!response.ok) throw new Error(`the Latin search data did not load: ${response.status}`);
  return response.text();
}

/**
 * Pagefind's runtime, loaded on first use only, from the site's own base path:
 * pages that never search never download it. The engine (src/lib/search/engine.ts)
 * does the rest, as it does in Node.
 */
export function pagefindIndex(): Promise<SearchIndex> {
  loading ??= (async () => {
    const module = (await import(/* @vite-ignore */ `${pagefindBase()}pagefind.js`)) as PagefindModule;
    await module.options({ ...PAGEFIND_OPTIONS, baseUrl: import.meta.env.BASE_URL.replace(/\/?$/, '/') });
    return module;
  })();
  return loading;
}
