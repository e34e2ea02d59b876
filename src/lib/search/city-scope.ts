/**
 * The search scope of a national catalog, a site of several cities: which city
 * a page searches, how it names it, and the answer to a query that is a city's
 * name. Apart from scope.ts, whose broad answers every site needs, so that a
 * one-city site's search worker never loads this (it is imported on demand).
 */
import type { City } from '../core/cities.ts';
import { bundlePath } from './bundles.ts';
import { plan, type IndexResult, type SearchAnswer, type SearchData, type SearchIndex } from './engine.ts';
import type { BroadAnswer, ScopeCity } from './scope.ts';

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

/** The status line when a query was a city's name and the scope switched to it. */
export function cityStatus(city: ScopeCity): string {
  return `已改为查找${cityLabel(city)}的事项：共 ${city.count} 项，下面按目录顺序列出。要找具体的事，请输入事项名称，例如“社保卡补办”。`;
}

/** The line before a ranked answer's status on a site of several cities: which city was searched. */
export function scopePrefix(city: ScopeCity): string {
  return `在${cityLabel(city)}的 ${city.count} 项事项中查找：`;
}

/** The answer to a query that is a city's name: the city's items in catalog order (searched in that city's bundle), loaded page by page. */
export async function cityAnswer(index: SearchIndex, data: SearchData, query: string, city: ScopeCity): Promise<BroadAnswer> {
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
    facetsRead: false,
  };
  return { answer, status: cityStatus(city) };
}
