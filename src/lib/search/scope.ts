/**
 * What the search page searches: one city's bundle at a time (the site's own
 * city by default, or the one chosen with `?city=`; the cities' side is in
 * city-scope.ts), and the query every site answers without ranking: a word
 * (almost) every item of the scope has (申请) or too common to rank by (办理),
 * answered plainly from counts with the list of those items instead of
 * hundreds of equal results. Pure: the search page and the Node tools call it
 * with Pagefind's runtime as the index.
 */
// Types only: the catalog's modules carry Zod, which must stay out of the search page's script.
import type { City } from '../core/cities.ts';
import { plan, type IndexResult, type SearchAnswer, type SearchData, type SearchIndex } from './engine.ts';
import { LIGHT_CHARACTERS } from './rules.ts';
import { segmentWords } from './segment.ts';

/** A city as the search page knows it: its items' count and its bundle. */
export interface ScopeCity extends City {
  /** How many items the city's bundle holds. */
  count: number;
  /** Its Pagefind bundle, relative to the site's base (`pagefind/`, `pagefind-cities/c007/`). */
  bundle: string;
}

/** A word in at least this share of the scope's items is answered from counts, not ranked. */
export const ALMOST_ALL = 0.9;

/** How a one-city site names its scope in a sentence: it has no other city. */
export const ONE_CITY_SCOPE = '本市';

/**
 * The one word of a query that could be in every item: a single Chinese word
 * or character (市, 申请) that is not a filler (的, 我要办). Anything longer is
 * ranked as usual: Pagefind's count for several words is not how many items have them all.
 */
export function broadCandidate(query: string): string | undefined {
  const q = query.trim();
  if (!/^\p{Script=Han}+$/u.test(q)) return undefined;
  const words = segmentWords(q);
  if (words.length !== 1 || words[0] !== q) return undefined;
  return [...q].every((ch) => LIGHT_CHARACTERS.has(ch)) ? undefined : q;
}

/** The answer to a word (almost) every item of the scope has, with the status line that says so. */
export interface BroadAnswer {
  answer: SearchAnswer;
  status: string;
}

/**
 * Answers a query that is one word found in at least {@link ALMOST_ALL} of the
 * scope's `total` items, or one of the catalog's common words (办理) that the
 * engine reads as saying nothing, from counts: the status says how many items have it,
 * and the list is those items in catalog order, loaded page by page, with the
 * word highlighted. Returns undefined for any other query (rank it as usual).
 * One Pagefind search; no record is loaded here.
 */
export async function broadAnswer(index: SearchIndex, data: SearchData, query: string, total: number, scope: string): Promise<BroadAnswer | undefined> {
  const word = broadCandidate(query);
  if (word === undefined || total === 0) return undefined;
  const planned = plan(query, data);
  // A word too common to rank by (办理, 网上), which the engine would answer with nothing, is counted too.
  const common = planned.searches.length === 0 && data.common.includes(word);
  const listing = inCatalogOrder(await index.search(null), await index.search(word));
  if (listing.length < (common ? 1 : Math.ceil(total * ALMOST_ALL))) return undefined;
  const answer: SearchAnswer = {
    plan: planned,
    state: 'matches',
    ranked: [],
    listing,
    readAs: '',
    highlight: [word],
    suggestions: [],
    blank: false,
    uncovered: [],
    facetsRead: false,
  };
  return { answer, status: broadStatus(word, listing.length, total, scope) };
}

/**
 * The hits of a word in catalog order: the records carry no sort key (every first
 * search would download it), and with no query Pagefind lists pages in the order
 * they were indexed, the catalog's; the word's hits are kept in that order.
 * Neither search loads a record.
 */
function inCatalogOrder(all: { results: IndexResult[] } | null, hits: { results: IndexResult[] } | null): IndexResult[] {
  const found = new Set((hits?.results ?? []).map((r) => r.id));
  return (all?.results ?? []).filter((r) => found.has(r.id));
}

/** “本市全部 138 项事项都含有“市”字……” */
export function broadStatus(word: string, hits: number, total: number, scope: string): string {
  const what = [...word].length === 1 ? `“${word}”字` : `“${word}”一词`;
  // Pagefind finds the word in the name, the scenario or the lead bureau (市人社局): all three are shown with each result.
  const share = hits >= total ? `${scope}全部 ${total} 项事项都含有${what}` : `${scope} ${total} 项事项中有 ${hits} 项的名称、说明或牵头部门含有${what}`;
  return `${share}，这个词太常见，分不出您要办的是哪一项。下面按目录顺序列出这 ${hits} 项；把要办的事说得具体些更快，例如“社保卡补办”。`;
}

/** The cities of the search page's cities block (#search-cities, a JSON array), absent ('') on a one-city site. */
export function islandCities(json: string): ScopeCity[] | undefined {
  const cities = json === '' ? undefined : (JSON.parse(json) as ScopeCity[]);
  return cities && cities.length > 1 ? cities : undefined;
}
