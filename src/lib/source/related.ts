import { z } from 'astro/zod';
import { PERMANENT_ID_RE } from '../core/item-id.ts';
import { citationSchema, type ReferenceRegistry, type ResolvedCitation } from '../facts/references.ts';
import { SourceError } from '../core/source-error.ts';
import { parseYamlList } from '../core/yaml-source.ts';

/** Zod schema of one group in content/related.yaml. */
export const relatedGroupSchema = z
  .object({
    /** Two or more items that are one service across batches. */
    items: z.array(z.string().regex(PERMANENT_ID_RE)).min(2),
    /** How they relate, for the citizen. */
    note: z.string().min(1),
    /** The note is the site's reading of the two rows of the table, saying no more than they say. */
    basis: z.literal('reading').optional(),
    /** Or the public source that supports the note. */
    citation: citationSchema.optional(),
  })
  .strict()
  .refine((g) => (g.basis === undefined) !== (g.citation === undefined), { message: 'give exactly one of basis or citation' });

export interface RelatedGroup {
  items: string[];
  note: string;
  /** What the note rests on: the site's reading of the table, or a resolved citation. */
  basis?: 'reading';
  citation?: ResolvedCitation;
  file: string;
  line: number;
}

/**
 * Parses the groups of items that are one service across batches. Each note
 * rests on a reading of the table or cites a known reference, like every other
 * statement the site makes.
 *
 * @throws {SourceError} naming the file, line and value of a bad entry.
 */
export function parseRelatedGroups(text: string, file: string, refs: ReferenceRegistry): RelatedGroup[] {
  return parseYamlList(text, file).map(({ line, value }) => {
    const parsed = relatedGroupSchema.safeParse(value);
    if (!parsed.success) throw SourceError.fromZod(file, line, 'invalid related group', parsed.error, value);
    const { citation, ...rest } = parsed.data;
    return { ...rest, ...(citation ? { citation: refs.resolve(citation, file, line) } : {}), file, line };
  });
}

/** An item name without its bracketed qualifiers, e.g. 不动产登记资料查询（省会城市及计划单列市） → 不动产登记资料查询. */
export function baseServiceName(name: string): string {
  return name.replace(/[（(][^（）()]*[）)]/g, '').trim();
}

/**
 * Finds pairs of items in different batches whose base names are equal but
 * which no group relates: each needs a human-written note.
 */
export function ungroupedSameServicePairs(items: readonly { id: string; batch: number; name: string }[], groups: readonly RelatedGroup[]): [string, string][] {
  // The groups of each item, so that checking a pair does not scan every group of a national catalog.
  const groupsOf = new Map<string, Set<RelatedGroup>>();
  for (const g of groups) for (const id of g.items) groupsOf.set(id, (groupsOf.get(id) ?? new Set()).add(g));
  const grouped = (a: string, b: string) => [...(groupsOf.get(a) ?? [])].some((g) => groupsOf.get(b)?.has(g));
  // Bucket by base name first: comparing every pair would be quadratic in the catalog size.
  const byName = new Map<string, { id: string; batch: number }[]>();
  for (const item of items) {
    const key = baseServiceName(item.name);
    if (!byName.has(key)) byName.set(key, []);
    byName.get(key)!.push(item);
  }
  const pairs: [string, string][] = [];
  for (const same of byName.values()) {
    same.forEach((a, i) => {
      for (const b of same.slice(i + 1)) if (a.batch !== b.batch && !grouped(a.id, b.id)) pairs.push([a.id, b.id]);
    });
  }
  return pairs;
}
