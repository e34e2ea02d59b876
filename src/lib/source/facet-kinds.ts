/**
 * The kinds of facet an item states (content/facets.yaml, read in facets.ts) and
 * a phrasing entry's `facet` names (purpose=装修): shared by the build's checks and
 * the search that compares them (search/facet-match.ts). No Zod, no YAML: the
 * search page's worker imports this module.
 */

/** The kinds of facet the engine compares: who applies, and the limits of an item's name and scenario. */
export const FACET_KINDS = ['who', 'scheme', 'purpose', 'transport', 'vehicle', 'region', 'children', 'origin', 'ownership', 'care', 'person'] as const;

/** One kind of facet. */
export type FacetKind = (typeof FACET_KINDS)[number];

/** Facet values by kind: an item's limits (and, for an item, its `action`), or what a query says. */
export type FacetValues = Partial<Record<FacetKind | 'action', string[]>>;

/** An item's comparable facets (who and its limits), kind by kind. */
export function limitsOf(facets: { who?: string[]; limits: FacetValues }): [FacetKind, string[]][] {
  return [...(facets.who ? [['who', facets.who] as [FacetKind, string[]]] : []), ...(Object.entries(facets.limits) as [FacetKind, string[]][])];
}

/** A phrasing entry's facet (purpose=装修) as kind and value. */
export function splitFacet(facet: string): [string, string] {
  const at = facet.indexOf('=');
  return at < 0 ? [facet, ''] : [facet.slice(0, at), facet.slice(at + 1)];
}
