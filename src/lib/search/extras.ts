/**
 * The engine's code that only some queries need, gathered into one module that
 * the engine imports dynamically (engine.ts): the reader of Latin letters
 * (latin.ts), of the words no phrase covered (rest.ts: typos, unknown words), of traditional characters (hant.ts), the items'
 * facets compared (facet-match.ts) and the suggestions for a query that found
 * nothing (suggest.ts). The search page's worker downloads it as one chunk, on the
 * first query that needs any of it; a query the page's own data reads whole (社保卡)
 * never does. One module rather than five dynamic imports: Rolldown splits a
 * module that two dynamically imported modules share out of the worker's own
 * chunk into a chunk of its own, which every search would then load
 * (rolldown/rolldown#10731), and these modules all read the phrasing (rules.ts).
 */
export { readItemFacets } from './facet-match.ts';
export { hantReader } from './hant.ts';
export { readLatin } from './latin.ts';
export { suggestionsFor } from './suggest.ts';
export { restReader } from './rest.ts';
