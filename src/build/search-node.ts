/**
 * The built search in Node, without a browser: Pagefind's own runtime
 * (dist/pagefind/pagefind.js) reading the built index from disk, and the
 * phrasing data the search page ships (its #search-data island). The Node tools
 * (npm run search, npm run bench:search) call the same engine as the page.
 */
import { readFile } from 'node:fs/promises';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { FACETS_FILE, HANT_FILE, LATIN_FILE, PAGEFIND_OPTIONS, readIsland, type SearchData, type SearchIndex } from '../lib/search/engine.ts';
import { inflatingFetch } from '../lib/search/pagefind-fetch.ts';
import { startInLanguage } from '../lib/search/pagefind-language.ts';
import { INDEX_DIR } from '../lib/search/bundles.ts';

/** Pagefind fetches its index files; in Node, file: URLs are read from disk, and its data files inflated as the worker does. */
function serveFilesToFetch(): void {
  const original = globalThis.fetch;
  if ((original as { fromDisk?: boolean }).fromDisk) return;
  const fromDisk = async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    const url = input instanceof Request ? input.url : String(input);
    if (!url.startsWith('file:')) return original(input, init);
    return new Response(await readFile(fileURLToPath(url)));
  };
  globalThis.fetch = Object.assign(inflatingFetch(fromDisk as typeof fetch), { fromDisk: true }) as typeof fetch;
}

/** The search data island of a built search page, as the browser reads it, with the Latin data read from disk when first needed. */
export function builtSearchData(dist: string): SearchData {
  const html = readFileSync(join(dist, 'search/index.html'), 'utf8');
  const island = /<script[^>]*id="search-data"[^>]*>([\s\S]*?)<\/script>/.exec(html)?.[1];
  if (island === undefined) throw new Error(`${dist}/search/index.html has no #search-data island`);
  const text = (file: string) => () => readFile(join(dist, INDEX_DIR, file), 'utf8');
  return readIsland(island, text(LATIN_FILE), text(FACETS_FILE), text(HANT_FILE));
}

/**
 * Loads the built site's search: Pagefind's runtime with the site's index, and
 * the page's search data. Result URLs are site-relative (/items/2-15/).
 *
 * @param dist the build output directory (dist/ by default).
 */
export async function loadBuiltSearch(dist: string): Promise<{ index: SearchIndex; data: SearchData }> {
  const runtime = join(dist, INDEX_DIR, 'pagefind.js');
  if (!existsSync(runtime)) throw new Error(`${runtime} is missing: run npm run build first`);
  serveFilesToFetch();
  const module = (await import(pathToFileURL(runtime).href)) as SearchIndex & {
    options(o: Record<string, unknown>): Promise<void>;
    init(): Promise<void>;
  };
  await module.options({ ...PAGEFIND_OPTIONS, basePath: pathToFileURL(join(dist, INDEX_DIR) + '/').href, baseUrl: '/' });
  const lang = /<html[^>]*\slang="([^"]+)"/.exec(readFileSync(join(dist, 'search/index.html'), 'utf8'))?.[1] ?? 'unknown';
  await startInLanguage(module, lang);
  return { index: module, data: builtSearchData(dist) };
}
