/**
 * The facets a query states (给员工交医保 → who 单位, scheme 职工), read with the
 * phrasing data: an entry's `facet` (装修 → purpose 装修). The engine reads them for
 * every query, to know whether the items' facets are needed; comparing them with an
 * item's is facet-match.ts, loaded only then. Pure and browser-safe.
 */
import { splitFacet, type FacetKind, type FacetValues } from '../source/facet-kinds.ts';

/**
 * The facets a query states: each phrasing word with a `facet` found in it,
 * longest first, without overlap (给员工交医保 → who 单位, scheme 职工).
 */
export function queryFacets(query: string, entries: readonly { say: readonly string[]; facet?: string }[]): FacetValues {
  const words = entries
    .flatMap((e) => (e.facet ? e.say.map((say) => ({ say, facet: splitFacet(e.facet ?? '') })) : []))
    .sort((a, b) => b.say.length - a.say.length);
  const taken: boolean[] = [];
  const found: FacetValues = {};
  for (const { say, facet } of words) {
    for (let at = query.indexOf(say); at >= 0; at = query.indexOf(say, at + 1)) {
      const span = [...Array(say.length).keys()].map((k) => at + k);
      if (span.some((k) => taken[k])) continue;
      span.forEach((k) => (taken[k] = true));
      const [kind, value] = facet;
      const list = (found[kind as FacetKind] ??= []);
      if (!list.includes(value)) list.push(value);
    }
  }
  return found;
}

/** Whether a query states any facet. */
export const statesFacets = (facets: FacetValues) => Object.keys(facets).length > 0;
