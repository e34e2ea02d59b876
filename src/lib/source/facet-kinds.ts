/**
 * The kinds of facet an item states (content/facets.yaml, read in facets.ts) and
 * a phrasing entry's `facet` names (purpose=装修): shared by the build's checks and
 * the search that compares them (search/facet-match.ts). No Zod, no YAML: the
 * search page's worker imports this module.
 */

/** The kinds of facet the engine compares: who applies, and the limits of an item's name and scenario. */
export const FACET_KINDS = [
  'who',
  'scheme',
  'purpose',
  'transport',
  'vehicle',
  'region',
  'children',
  'origin',
  'ownership',
  'care',
  'person',
  'medium',
] as const;

/** One kind of facet. */
export type FacetKind = (typeof FACET_KINDS)[number];

/** Facet values by kind: an item's limits (and, for an item, its `action`), or what a query says. */
export type FacetValues = Partial<Record<FacetKind | 'action' | 'object', string[]>>;

/** An item's comparable facets (who and its limits), kind by kind. */
export function limitsOf(facets: { who?: string[]; limits: FacetValues }): [FacetKind, string[]][] {
  return [...(facets.who ? [['who', facets.who] as [FacetKind, string[]]] : []), ...(Object.entries(facets.limits) as [FacetKind, string[]][])];
}

/** A phrasing entry's facet (purpose=装修) as kind and value. */
export function splitFacet(facet: string): [string, string] {
  const at = facet.indexOf('=');
  return at < 0 ? [facet, ''] : [facet.slice(0, at), facet.slice(at + 1)];
}

/**
 * The facets a generic word can name (content/facets.yaml `generic`): the item's object, its action, who applies, or
 * the people its name limits it to (大中专学生毕业: the school a graduate leaves).
 */
export const GENERIC_FACETS = ['object', 'action', 'who', 'person'] as const;

/** One facet a generic word can name. */
export type GenericFacet = (typeof GENERIC_FACETS)[number];

/**
 * Whether an item's facet has the value a generic entry names: its object ends with it (卡 for 社会保障卡),
 * or its action, who applies or the people it is limited to is it. `facets` is an item's entry (its people under
 * `limits`) or the search's decoded facets (every kind at the top).
 */
export function genericApplies(
  of: GenericFacet,
  value: string,
  facets: {
    object?: string | readonly string[];
    action?: readonly string[];
    who?: readonly string[];
    person?: readonly string[];
    limits?: { person?: readonly string[] };
  },
): boolean {
  if (of === 'object') return [facets.object ?? []].flat().some((o) => o.endsWith(value));
  if (of === 'person') return (facets.person ?? facets.limits?.person ?? []).includes(value);
  return (facets[of] ?? []).includes(value);
}
