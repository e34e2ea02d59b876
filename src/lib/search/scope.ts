/**
 * What the search page searches: one city's bundle at a time (the site's own
 * city by default, or the one chosen with `?city=`), how it says so, and the
 * two queries it answers without ranking: a city's name (the scope switches
 * to that city and lists its items) and a word (almost) every item of the
 * scope has (市, 申请) or too common to rank by (办理), answered plainly from counts with the list of those
 * items instead of hundreds of equal results. Pure: the search page and the
 * Node tools call it with Pagefind's runtime as the index.
 */
// Types only: the catalog's modules carry Zod, which must stay out of the search page's script.
import type { City } from '../catalog/cities.ts';
import { bundlePath } from './bundles.ts';
import { CITY_PARAM } from './params.ts';
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

export { CITY_PARAM } from './params.ts';

/** A word in at least this share of the scope's items is answered from counts, not ranked. */
export const ALMOST_ALL = 0.9;

/**
 * The cities the search page offers (the catalog's, `catalogCities`, the site's
 * own first), each with its count and bundle. Computed at build from the items the page reads.
 */
export function scopeCities(cities: readonly City[], items: readonly { city: string }[]): ScopeCity[] {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(item.city, (counts.get(item.city) ?? 0) + 1);
  return cities.map((city) => ({ ...city, count: counts.get(city.code) ?? 0, bundle: bundlePath(city.code, cities) }));
}

/** The city a search page opened with `?city=code` searches: that city, or the site's own when the code is absent or unknown. */
export function chosenCity(cities: readonly ScopeCity[], code: string | null | undefined): ScopeCity {
  return cities.find((c) => c.code === code) ?? cities[0]!;
}

/** The city a query names (虚构007号市, or without 市: 虚构007号, 石家庄), if it is nothing but a city's name. */
export function cityNamed(query: string, cities: readonly ScopeCity[]): ScopeCity | undefined {
  const q = query.replace(/\s+/g, '');
  if ([...q].length < 2) return undefined;
  return cities.find((c) => c.name === q || c.name.replace(/市$/, '') === q);
}

/** A city's name as the page says it: a made-up city always says so. */
export function cityLabel(city: City): string {
  return city.fictional ? `${city.name}（虚构城市）` : city.name;
}

/** The Pagefind bundles to search for a city: the list the search page's loader takes (the first with options, the rest merged). */
export function bundlesFor(city: ScopeCity): string[] {
  return [city.bundle];
}

/** The page's URL parameters for a query in a city: the city is named only when it is not the site's own, so a one-city site's links stay as they were. */
export function scopeParams(params: URLSearchParams, city: ScopeCity, cities: readonly ScopeCity[]): URLSearchParams {
  const out = new URLSearchParams(params);
  out.delete(CITY_PARAM);
  if (city.code !== cities[0]?.code) out.set(CITY_PARAM, city.code);
  return out;
}

/** How a one-city site names its scope in a sentence: it has no other city. */
export const ONE_CITY_SCOPE = '本市';

/** How the page names the scope in a sentence: 本市 on a one-city site, else the city's name. */
export function scopeName(city: City, single: boolean): string {
  return single ? ONE_CITY_SCOPE : cityLabel(city);
}

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
  return `${share}，只凭它找不出您要办的事。下面按目录顺序列出这 ${hits} 项；也可以把要办的事说得具体些，例如“社保卡补办”。`;
}

/** The status line when a query was a city's name and the scope switched to it. */
export function cityStatus(city: ScopeCity, single: boolean): string {
  return `已改为查找${scopeName(city, single)}的事项：共 ${city.count} 项，下面按目录顺序列出。要找具体的事，请输入事项名称，例如“社保卡补办”。`;
}

/** The line before a ranked answer's status on a site of several cities: which city was searched. */
export function scopePrefix(city: ScopeCity, single: boolean): string {
  return single ? '' : `在${cityLabel(city)}的 ${city.count} 项事项中查找：`;
}

/** The answer to a query that is a city's name: the city's items in catalog order (searched in that city's bundle), loaded page by page. */
export async function cityAnswer(index: SearchIndex, data: SearchData, query: string, city: ScopeCity, single: boolean): Promise<BroadAnswer> {
  // With no query Pagefind lists a bundle's pages in the order they were indexed: the catalog's.
  const listing: IndexResult[] = (await index.search(null))?.results ?? [];
  const answer: SearchAnswer = {
    plan: plan(query, data),
    state: listing.length > 0 ? 'matches' : 'none',
    ranked: [],
    listing,
    readAs: '',
    highlight: [],
    suggestions: [],
    blank: false,
    uncovered: [],
  };
  return { answer, status: cityStatus(city, single) };
}

/** The cities of the search page's cities block (#search-cities, a JSON array), absent ('') on a one-city site. */
export function islandCities(json: string): ScopeCity[] | undefined {
  const cities = json === '' ? undefined : (JSON.parse(json) as ScopeCity[]);
  return cities && cities.length > 1 ? cities : undefined;
}
