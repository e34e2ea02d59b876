import type { SearchData, SearchIndex } from '../lib/search/engine.ts';
import {
  broadAnswer,
  bundlesFor,
  chosenCity,
  cityAnswer,
  cityNamed,
  CITY_PARAM,
  islandCities,
  ONE_CITY_SCOPE,
  scopeName,
  scopePrefix,
  scopeParams,
  type BroadAnswer,
} from '../lib/search/scope.ts';
import { pagefindIndex } from './pagefind-client.ts';

/** The search page's scope: the city it searches, and the queries answered before ranking. */
export interface PageScope {
  /** The city picker, on a site of several cities. */
  picker: HTMLSelectElement | null;
  /** Pagefind for the city searched now. */
  index(): Promise<SearchIndex>;
  /**
   * A city's name switches the scope to that city and lists it; a word (almost) every
   * item of the scope has is answered from counts. Anything else: undefined, rank it.
   */
  answerFirst(data: SearchData, query: string): Promise<(BroadAnswer & { switched: boolean }) | undefined>;
  /** What the status line says first: which city was searched (nothing on a one-city site). */
  prefix(): string;
  /** The URL's parameters with the city, where it is not the site's own. */
  params(params: URLSearchParams): URLSearchParams;
}

/**
 * Reads the scope from the page's data island and the URL (`?city=`): on a
 * one-city site (no cities in the island) it is the site's one index, as before.
 */
export function pageScope(islandJson: string, form: HTMLFormElement): PageScope {
  const cities = islandCities(islandJson);
  if (!cities) {
    let total: Promise<number> | undefined;
    return {
      picker: null,
      index: () => pagefindIndex(),
      async answerFirst(data, query) {
        const index = await pagefindIndex();
        // The whole index, counted once: a one-city page carries no count of its own.
        total ??= index.search(null).then((r) => r?.results.length ?? 0);
        const broad = await broadAnswer(index, data, query, await total, ONE_CITY_SCOPE);
        return broad && { ...broad, switched: false };
      },
      prefix: () => '',
      params: (params) => params,
    };
  }
  const picker = form.elements.namedItem(CITY_PARAM) as HTMLSelectElement | null;
  let city = chosenCity(cities, new URLSearchParams(location.search).get(CITY_PARAM));
  if (picker) {
    picker.value = city.code;
    const input = form.elements.namedItem('q') as HTMLInputElement;
    picker.addEventListener('change', () => {
      city = chosenCity(cities, picker.value);
      // A query that named the city before would switch straight back: it names the chosen one now.
      if (cityNamed(input.value, cities)) input.value = city.name;
    });
  }
  const index = () => pagefindIndex(bundlesFor(city));
  return {
    picker,
    index,
    async answerFirst(data, query) {
      const named = cityNamed(query, cities);
      if (named) {
        city = named;
        if (picker) picker.value = named.code;
        return { ...(await cityAnswer(await index(), data, query, named, false)), switched: true };
      }
      const broad = await broadAnswer(await index(), data, query, city.count, scopeName(city, false));
      return broad && { ...broad, switched: false };
    },
    prefix: () => scopePrefix(city, false),
    params: (params) => scopeParams(params, city, cities),
  };
}
