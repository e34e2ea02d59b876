/**
 * The search worker: runs the whole search engine off the page's main thread.
 * It loads Pagefind and the phrasing data, answers each query with
 * searchCatalog (plan, Pagefind searches, candidates' records, ranking) and
 * sends back plain result entries, page by page, ready to render. The page
 * (search-page.ts) only reads the form, renders and announces.
 */
import {
  answerStatus,
  readIsland,
  reasons,
  recordFacts,
  recordName,
  recordScenario,
  searchCatalog,
  type IndexRecord,
  type SearchAnswer,
  type SearchData,
} from '../lib/search/engine.ts';
import { INDEX_DIR } from '../lib/search/bundles.ts';
import { highlightTerms } from '../lib/search/query.ts';
import { broadAnswer, islandCities, ONE_CITY_SCOPE, type BroadAnswer, type ScopeCity } from '../lib/search/scope.ts';
import { facetsText, hantText, latinText, pagefindIndex } from './pagefind-client.ts';
import type { PageReply, ResultEntry, SearchSetup, WorkerReply, WorkerRequest } from './search-protocol.ts';

const PAGE_SIZE = 10;

/** What every search needs: the phrasing data, the cities of a national catalog (none on a one-city site), the setup. */
let ready: Promise<{ data: SearchData; cities: ScopeCity[] | undefined; setup: SearchSetup }> | undefined;
/** A one-city site's item count, from its index once (its page carries no count). */
let total: Promise<number> | undefined;
/** The latest answer, kept for its further pages; `search` is the seq of its request. */
let latest: { search: number; answer: SearchAnswer; shown: number } | undefined;
/** The seq of the newest search asked for: an older one finishing later is not kept. */
let newest = 0;

function entry(answer: SearchAnswer, d: IndexRecord, result?: SearchAnswer['ranked'][number]): ResultEntry {
  const name = recordName(d);
  const tier = result?.tier === 'full' ? undefined : result?.tier;
  return {
    name,
    url: d.url,
    meta: recordFacts(d),
    excerpt: highlightTerms(recordScenario(d), answer.highlight),
    ...(tier ? { tier } : {}),
    reasons: reasons({ name, tier: result?.tier, hits: result?.hits, gaps: result?.gaps, conflicts: result?.conflicts }),
  };
}

/** The next page of the latest answer: ranked results, or a filter-only listing's records, loaded now. */
async function nextPage(): Promise<PageReply> {
  if (!latest) return { entries: [], more: false };
  const { answer, shown } = latest;
  latest.shown += PAGE_SIZE;
  const listed = await Promise.all(answer.listing.slice(shown, shown + PAGE_SIZE).map((h) => h.data()));
  const entries = [...answer.ranked.slice(shown, shown + PAGE_SIZE).map((r) => entry(answer, r.item, r)), ...listed.map((d) => entry(answer, d))];
  return { entries, more: shown + PAGE_SIZE < answer.ranked.length + answer.listing.length };
}

/**
 * The scope of one search (src/lib/search/scope.ts): the index of the city
 * searched, and the queries answered before ranking. A city's name switches to
 * that city and lists it; a word (almost) every item of the scope has is
 * answered from counts. Filters narrow a ranked search, so with a filter the
 * query is always ranked.
 */
async function inScope(query: string, filters: Record<string, string>, code: string, data: SearchData, cities: ScopeCity[] | undefined, setup: SearchSetup) {
  const ranked = Object.keys(filters).length > 0;
  if (!cities) {
    const index = await pagefindIndex(`${INDEX_DIR}/`, setup.lang);
    total ??= index.search(null).then((r) => r?.results.length ?? 0);
    const first: BroadAnswer | undefined = ranked ? undefined : await broadAnswer(index, data, query, await total, ONE_CITY_SCOPE);
    return { index, first, prefix: '', switched: undefined };
  }
  // A national catalog's side of the scope, loaded only there: a one-city site never needs it.
  const { chosenCity, cityAnswer, cityLabel, cityNamed, scopePrefix } = await import('../lib/search/city-scope.ts');
  const named = ranked ? undefined : cityNamed(query, cities);
  const city = named ?? chosenCity(cities, code);
  const index = await pagefindIndex(city.bundle, setup.lang);
  const first = named ? await cityAnswer(index, data, query, named) : ranked ? undefined : await broadAnswer(index, data, query, city.count, cityLabel(city));
  return { index, first, prefix: scopePrefix(city), switched: named?.code };
}

async function handle(request: WorkerRequest): Promise<WorkerReply> {
  const { seq } = request;
  switch (request.kind) {
    case 'start': {
      const { setup } = request;
      const cities = islandCities(setup.cities);
      // The site's own city loads at once, so that the first search finds Pagefind ready.
      ready ??= pagefindIndex(cities ? cities[0]!.bundle : `${INDEX_DIR}/`, setup.lang).then(() => ({
        data: readIsland(setup.island, latinText, facetsText, hantText),
        cities,
        setup,
      }));
      await ready;
      return { seq, kind: 'ready' };
    }
    case 'search': {
      if (!ready) throw new Error('search before start');
      newest = seq;
      const { data, cities, setup } = await ready;
      const scoped = await inScope(request.query, request.filters, request.city, data, cities, setup);
      const answer = scoped.first?.answer ?? (await searchCatalog(scoped.index, data, request.query, request.filters));
      if (seq !== newest) return { seq, kind: 'page', entries: [], more: false };
      latest = { search: seq, answer, shown: 0 };
      const status = scoped.first?.status ?? scoped.prefix + answerStatus(answer);
      const base = {
        seq,
        kind: 'answer',
        status,
        blank: answer.blank,
        state: answer.state,
        query: answer.plan.query !== '',
        ...(scoped.switched ? { city: scoped.switched } : {}),
      } as const;
      if (answer.blank || answer.state === 'none') return { ...base, suggestions: answer.suggestions, page: { entries: [], more: false } };
      return { ...base, suggestions: [], page: await nextPage() };
    }
    case 'more':
      // A page of an answer replaced since: nothing (the page has moved on too).
      if (latest?.search !== request.search) return { seq, kind: 'page', entries: [], more: false };
      return { seq, kind: 'page', ...(await nextPage()) };
  }
}

self.addEventListener('message', (event: MessageEvent<WorkerRequest>) => {
  handle(event.data).then(
    (reply) => self.postMessage(reply),
    (error: unknown) => self.postMessage({ seq: event.data.seq, kind: 'error', message: String(error) } satisfies WorkerReply),
  );
});
