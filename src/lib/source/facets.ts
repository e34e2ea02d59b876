/**
 * What each item is, as checked data (content/facets.yaml): its object, its
 * action, who applies and the limits in its own name and scenario. The query's
 * facets are read with the phrasing data (an entry's `facet`, 装修 → purpose 装修);
 * a query facet that differs from the item's (装修 vs 购房, 单位 vs 个人) rules
 * out 匹配. This module holds the schema and the build's checks; what the
 * engine compares is in src/lib/search/facet-match.ts.
 */
import { z } from 'astro/zod';
import { SourceError, type SourceWarning } from '../core/source-error.ts';
import { parseYamlSections, type LocatedEntry } from '../core/yaml-source.ts';
import { FACET_KINDS, GENERIC_FACETS, genericApplies, limitsOf, splitFacet, type FacetKind } from './facet-kinds.ts';
import { NEW_ITEM_ID_RE, PERMANENT_ID_RE } from '../core/item-id.ts';

const values = z.array(z.string().trim().min(1)).min(1);

/** Zod schema of one item's facets in content/facets.yaml. */
export const itemFacetsSchema = z
  .object({
    /** The item's permanent id (1-6, n1; content/identities.yaml). */
    id: z.string().regex(PERMANENT_ID_RE),
    /** What the item is about: a document, card, licence, insurance scheme… (社会保障卡). */
    object: z.string().trim().min(1),
    /** What is done (申领, 补领, 转移接续, 查询…), in the item's own words. */
    action: values,
    /** Who applies: 个人, 单位, or both; absent when the item's words do not say. */
    who: values.optional(),
    /** The limits in the item's own name and scenario, by kind (purpose: [购房]). */
    limits: z.partialRecord(z.enum(FACET_KINDS), values).default({}),
  })
  .strict();

/** One item's facets. */
export type ItemFacets = z.infer<typeof itemFacetsSchema>;

/**
 * Zod schema of one entry of content/facets.yaml's `generic` vocabulary: query words that name an item's own
 * facet by its category (实体 for a card, 增加 for a change, 两口子 for a person applying), so that such a word
 * is accounted for by the item rather than counted as a part it lacks. A word here never finds an item.
 */
export const genericWordsSchema = z
  .object({
    /** Which facet of the item the words name. */
    of: z.enum(GENERIC_FACETS),
    /** The item values it applies to: how an object ends (卡, 证书), an action (变更登记), or who applies (个人). */
    is: values,
    /** The query words that name such a facet. */
    say: values,
  })
  .strict();

/** One entry of the generic vocabulary. */
export type GenericWords = z.infer<typeof genericWordsSchema>;

/** The facets file: the values each kind may take (the items' and those only queries name), and every item's facets. */
export interface FacetData {
  kinds: Map<FacetKind, { line: number; values: string[] }>;
  items: (ItemFacets & { line: number })[];
  /** The generic vocabulary ({@link genericWordsSchema}). */
  generic: (GenericWords & { line: number })[];
}

/**
 * Parses content/facets.yaml: `kinds` (each kind's values, including values only a
 * query names, such as 装修) and `items` (one entry per item).
 *
 * @throws {SourceError} naming the file, line and value of an invalid entry, an undeclared kind or value, or an id listed twice.
 */
export function parseFacets(text: string, file: string): FacetData {
  const sections = parseYamlSections(text, file);
  const kindSection = sections.get('kinds');
  const itemSection = sections.get('items');
  if (!(kindSection instanceof Map)) throw new SourceError(file, 1, '"kinds" must map each facet kind to its values', 'kinds');
  if (!Array.isArray(itemSection)) throw new SourceError(file, 1, '"items" must list every item’s facets', 'items');
  const kinds = new Map<FacetKind, { line: number; values: string[] }>();
  for (const [kind, { line, value }] of kindSection) {
    if (!(FACET_KINDS as readonly string[]).includes(kind)) throw new SourceError(file, line, `unknown facet kind (known: ${FACET_KINDS.join(', ')})`, kind);
    const parsed = values.safeParse(value);
    if (!parsed.success) throw SourceError.fromZod(file, line, `invalid values of ${kind}`, parsed.error, value);
    kinds.set(kind as FacetKind, { line, values: parsed.data });
  }
  const seen = new Set<string>();
  const items = (itemSection as LocatedEntry[]).map(({ line, value }) => {
    const parsed = itemFacetsSchema.safeParse(value);
    if (!parsed.success) throw SourceError.fromZod(file, line, 'invalid item facets', parsed.error, value);
    const facets = parsed.data;
    if (seen.has(facets.id)) throw new SourceError(file, line, `item ${facets.id} has facets twice`, facets.id);
    seen.add(facets.id);
    for (const [kind, list] of limitsOf(facets)) {
      const known = kinds.get(kind)?.values ?? [];
      const unknown = list.find((v) => !known.includes(v));
      if (unknown !== undefined) throw new SourceError(file, line, `"${unknown}" is not a value of ${kind} under kinds`, unknown);
    }
    return { ...facets, line };
  });
  const genericSection = sections.get('generic') ?? [];
  if (!Array.isArray(genericSection)) throw new SourceError(file, 1, '"generic" must list the generic words of facets', 'generic');
  const generic = (genericSection as LocatedEntry[]).map(({ line, value }) => {
    const parsed = genericWordsSchema.safeParse(value);
    if (!parsed.success) throw SourceError.fromZod(file, line, 'invalid generic words', parsed.error, value);
    if (parsed.data.of === 'who') {
      const unknown = parsed.data.is.find((v) => !kinds.get('who')?.values.includes(v));
      if (unknown !== undefined) throw new SourceError(file, line, `"${unknown}" is not a value of who under kinds`, unknown);
    }
    return { ...parsed.data, line };
  });
  return { kinds, items, generic };
}

/**
 * Checks the facets against the catalog and the phrasing: every item has facets, every
 * facet entry is an item some version of the table listed, and every phrasing entry's
 * `facet` names a declared value. An item a later version added (n1 …) may lack facets
 * for a while, as it may lack topics: it builds with no facets (nothing in a query then
 * contradicts it), with a warning naming the entry to write.
 *
 * @param knownIds every id any version listed (current and dropped); defaults to the current ones.
 * @returns a warning for each new item without facets.
 * @throws {SourceError} naming the file, line and value.
 */
export function checkFacets(
  data: FacetData,
  file: string,
  items: readonly { id: string }[],
  entries: readonly { facet?: string; file?: string; line: number; class?: string; say?: readonly string[]; means?: readonly string[] }[],
  knownIds: ReadonlySet<string> = new Set(items.map((i) => i.id)),
): SourceWarning[] {
  const stray = data.items.find((f) => !knownIds.has(f.id));
  if (stray) throw new SourceError(file, stray.line, `item ${stray.id} is in no version of the table`, stray.id);
  const listed = new Set(data.items.map((f) => f.id));
  const warnings: SourceWarning[] = [];
  for (const { id } of items) {
    if (listed.has(id)) continue;
    if (!NEW_ITEM_ID_RE.test(id)) throw new SourceError(file, 1, `item ${id} has no facets: every item needs its object, action, who and limits`, id);
    warnings.push({
      file,
      line: 1,
      message: `new item ${id} has no facets yet, so no query facet rules it out: add "- { id: ${id}, object: …, action: [...] }" under items:`,
    });
  }
  for (const entry of data.generic) {
    // A value no item has would never apply: a typo, or an item the table no longer lists.
    const idle = entry.is.find((value) => !data.items.some((f) => genericApplies(entry.of, value, f)));
    if (idle !== undefined) throw new SourceError(file, entry.line, `no item's ${entry.of} ${entry.of === 'object' ? 'ends with' : 'is'} "${idle}"`, idle);
    // A group the phrasing names (宝宝 → 新生儿) is compared as that group; as a generic word it would never apply.
    const group = entry.say.find((w) => entries.some((e) => e.class === 'group' && (e.means ?? []).length > 0 && e.say?.includes(w)));
    if (group !== undefined)
      throw new SourceError(
        file,
        entry.line,
        `"${group}" names a group of people in the phrasing data: it is compared as that group, not as a generic word`,
        group,
      );
  }
  for (const entry of entries) {
    if (entry.facet === undefined) continue;
    const [kind, value] = splitFacet(entry.facet);
    if (!data.kinds.get(kind as FacetKind)?.values.includes(value))
      throw new SourceError(entry.file ?? file, entry.line, `facet "${entry.facet}" names no value declared under kinds in ${file}`, entry.facet);
  }
  return warnings;
}
