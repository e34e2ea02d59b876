/**
 * How the search index is split into Pagefind bundles: one per city, so that
 * a search downloads and ranks one city's items, and the indexer's memory is
 * bounded by the largest city rather than by the catalog. A one-city catalog
 * (the real table) has one bundle at `pagefind/`, exactly as before.
 */
import type { City } from '../core/cities.ts';

/**
 * The folder of the site's search index, in dist/ and under the site's base: the
 * bundle of the catalog's first city (the only one for the real table), and the
 * Latin data beside it (search/pinyin.ts). Every path to the index is built from this.
 */
export const INDEX_DIR = 'pagefind';

/** The folder, beside INDEX_DIR, that holds the other cities' bundles. */
export const CITY_BUNDLES_DIR = 'pagefind-cities';

/** The items of one city and where its bundle goes, relative to the site's base. */
export interface CityBundle<T> {
  city: City;
  /** The bundle's folder relative to the site's base, ending in a slash: `pagefind/` or `pagefind-cities/c007/`. */
  path: string;
  items: T[];
}

/**
 * The bundle folder of a city: the first city of the catalog (the table's own)
 * keeps `pagefind/`, so that a one-city site is laid out as it always was; each
 * other city has `pagefind-cities/<code>/`.
 */
export function bundlePath(code: string, cities: readonly City[]): string {
  if (!cities.some((c) => c.code === code)) throw new Error(`no city has the code "${code}"`);
  return cities[0]!.code === code ? `${INDEX_DIR}/` : `${CITY_BUNDLES_DIR}/${code}/`;
}

/**
 * Splits items into one bundle per city, in the catalog's city order, each
 * keeping the items' order. Every item must belong to a listed city; a city
 * without items gets no bundle.
 */
export function partitionByCity<T>(cities: readonly City[], items: readonly T[], cityOf: (item: T) => string): CityBundle<T>[] {
  const byCity = new Map(cities.map((city) => [city.code, [] as T[]]));
  for (const item of items) {
    const list = byCity.get(cityOf(item));
    if (!list) throw new Error(`an item belongs to city "${cityOf(item)}", which the catalog does not list`);
    list.push(item);
  }
  return cities
    .filter((city) => byCity.get(city.code)!.length > 0)
    .map((city) => ({ city, path: bundlePath(city.code, cities), items: byCity.get(city.code)! }));
}
