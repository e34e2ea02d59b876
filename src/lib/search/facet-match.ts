/**
 * Items' facets as the search engine compares them (src/lib/source/facets.ts holds
 * the schema and the build's checks): the item limits that the query's facets
 * (queryFacets in query-facets.ts: an entry's `facet`, 装修 → purpose 装修) contradict, and
 * the query words an item accounts for by its facets. Pure and browser-safe; the
 * items' facets reach the browser as text ({@link encodeItemFacets}), and the engine
 * imports this module with them, only for a query that needs them (engine.ts).
 */

import { genericApplies, limitsOf, splitFacet, type FacetKind, type FacetValues, type GenericFacet } from '../source/facet-kinds.ts';
import type { GenericWords } from '../source/facets.ts';
import { decodePhrasing, type QueryLexiconEntry } from './rules.ts';

/** The items' facets file (FACETS_FILE in engine.ts) as the engine reads it, with the code that compares them. */
export interface ItemFacetData {
  facets: Map<string, FacetValues>;
  /** The rare phrasing (scaffolding words, facet-only words…), read only with the facets. */
  phrasing: QueryLexiconEntry[];
  /** The generic words of facets (content/facets.yaml `generic`). */
  generic: GenericWords[];
  facetConflicts: typeof facetConflicts;
  facetWords: typeof facetWords;
  genericWords: typeof genericWords;
  limitWords: typeof limitWords;
}

/** Reads the items' facets file: the rare phrasing, an empty line, the items' facets, an empty line, the generic words (search-index.ts). */
export function readItemFacets(text: string): ItemFacetData {
  const [rare = '', items = '', generic = ''] = text.split('\n\n');
  const vocabulary = decodeGenericWords(generic);
  // The generic words are read whole in a query (rules.ts `wholeWords`): a facet entry that states no facet.
  const whole: QueryLexiconEntry = { class: 'facet', say: [...new Set(vocabulary.flatMap((e) => e.say))] };
  return {
    phrasing: [...(rare === '' ? [] : decodePhrasing(rare)), whole],
    facets: decodeItemFacets(items),
    generic: vocabulary,
    facetConflicts,
    facetWords,
    genericWords,
    limitWords,
  };
}

/** The items' comparable facets as text for the search worker: one line per item with facets, `id`, then `kind=v1|v2` fields. */
export function encodeItemFacets(items: readonly { id: string; object?: string; action: string[]; who?: string[]; limits: FacetValues }[]): string {
  return items
    .map((f) => [
      f.id,
      ...(f.object ? [`object=${f.object}`] : []),
      `action=${f.action.join('|')}`,
      ...limitsOf(f).map(([kind, list]) => `${kind}=${list.join('|')}`),
    ])
    .filter((fields) => fields.length > 1)
    .map((fields) => fields.join('\t'))
    .join('\n');
}

/** Reads {@link encodeItemFacets}'s text back: item id → its facets. */
export function decodeItemFacets(text: string): Map<string, FacetValues> {
  const map = new Map<string, FacetValues>();
  for (const line of text.split('\n')) {
    const [id = '', ...fields] = line.split('\t');
    if (id === '') continue;
    const facets: FacetValues = {};
    for (const field of fields) {
      const [kind, list] = splitFacet(field);
      facets[kind as FacetKind] = list.split('|');
    }
    map.set(id, facets);
  }
  return map;
}

/** The generic vocabulary as text for the search worker: one line per entry, `of`, the values and the words, tab-separated. */
export function encodeGenericWords(entries: readonly GenericWords[]): string {
  return entries.map((e) => [e.of, e.is.join('|'), e.say.join('|')].join('\t')).join('\n');
}

/** Reads {@link encodeGenericWords}'s text back. */
export function decodeGenericWords(text: string): GenericWords[] {
  return text
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => {
      const [of = '', is = '', say = ''] = line.split('\t');
      return { of: of as GenericFacet, is: is.split('|'), say: say.split('|') };
    });
}

/**
 * The query words an item accounts for by its own facets (content/facets.yaml `generic`): each word of an entry
 * whose value the item has, with the item's value it names (实体 → 社会保障卡, 增加 → 变更登记, 两口子 → 个人).
 */
export function genericWords(item: FacetValues | undefined, vocabulary: readonly GenericWords[]): Map<string, string> {
  const words = new Map<string, string>();
  if (!item) return words;
  for (const entry of vocabulary) {
    const value = entry.is.find((v) => genericApplies(entry.of, v, item));
    if (value === undefined) continue;
    // The item's own wording of what the word names: its whole object, not the ending the entry gives.
    const named = entry.of === 'object' ? (item.object?.[0] ?? value) : value;
    for (const say of entry.say) if (!words.has(say)) words.set(say, named);
  }
  return words;
}

/**
 * The query's words that state a limit the item has ({@link facetWords}: 小轿车 for 小型非营运), with that limit. Who
 * applies (个人, 给员工), where the item's name and scenario name nobody (个体工商户, 不动产), is no part the item lacks either.
 */
export function limitWords(item: FacetValues | undefined, stated: readonly { say: string; kind: string; value: string }[]): Map<string, string> {
  const own = ({ kind, value }: { kind: string; value: string }) =>
    item?.[kind as FacetKind]?.includes(value) || (item !== undefined && kind === 'who' && !item.who);
  return new Map(stated.filter(own).map(({ say, value }) => [say, value]));
}

/**
 * The query's words that state a facet: each concept whose word is, or is part of, a phrasing word with a
 * `facet` the query contains (轿车 in 小轿车 → vehicle 小型非营运).
 */
export function facetWords(
  concepts: readonly { say: string }[],
  query: string,
  entries: readonly { say: readonly string[]; facet?: string }[],
): { say: string; kind: string; value: string }[] {
  return concepts.flatMap(({ say }) => {
    const entry = entries.find((e) => e.facet && e.say.some((s) => query.includes(s) && (s.includes(say) || say.includes(s))));
    if (!entry?.facet) return [];
    const [kind, value] = splitFacet(entry.facet);
    return [{ say, kind, value }];
  });
}

/**
 * The query's facets an item's limits contradict: for each kind both have, a query value the item
 * does not allow; and the item's action when none of the query's actions is it (交 for 参保信息变更,
 * 开户 for 参保证明查询打印). An action is the item's when one of its wordings and one of the item's
 * actions contain each other (登记 and 设立登记, 补办 and 挂失补办).
 */
export function facetConflicts(
  query: FacetValues,
  item: FacetValues | undefined,
  actions: readonly { say: string; means: readonly string[] }[] = [],
  /** The query words the item accounts for by its facets ({@link genericWords}): an action among them is the item's. */
  generic: ReadonlyMap<string, string> = new Map(),
  /** Every word of the query: one the item's action accounts for (增加 for 变更登记) says the item's action too. */
  words: readonly string[] = [],
): { kind: string; query: string; item: string[] }[] {
  if (!item) return [];
  const done = item.action ?? [];
  const does = (wording: string) => done.some((a) => a.includes(wording) || wording.includes(a));
  const named = words.some((w) => done.includes(generic.get(w) ?? ''));
  const action =
    actions.length > 0 && done.length > 0 && !named && !actions.some((c) => generic.has(c.say) || [c.say, ...c.means].some(does))
      ? [{ kind: 'action', query: actions[0]!.say, item: done }]
      : [];
  return [
    ...action,
    ...(Object.entries(query) as [FacetKind, string[]][]).flatMap(([kind, asked]) => {
      const allowed = item[kind];
      if (!allowed) return [];
      const other = asked.find((v) => !allowed.includes(v));
      return other === undefined ? [] : [{ kind, query: other, item: allowed }];
    }),
  ];
}
