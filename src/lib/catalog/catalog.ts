import { z } from 'astro/zod';
import { BATCH_IDS, type BatchId } from './batches.ts';
import { splitBureauCell, type Bureau, type BureauRegistry } from './bureaus.ts';
import { appliedNoteSchema, applyCorrections, ITEM_ID_RE, unusedCorrectionTargets, type AppliedNote, type Correction } from '../source/corrections.ts';
import { parseSourceTable, rawCellsSchema, type SourceTable } from '../source/parse-table.ts';
import { ungroupedSameServicePairs, type RelatedGroup } from '../source/related.ts';
import { deadWordings, serviceEntries, type LexiconEntry } from '../search/lexicon.ts';
import { checkFacets, type FacetData, type FacetKind, type ItemFacets } from '../search/facets.ts';
import type { SourceInfo } from '../source/source-info.ts';
import { catalogCities, OWN_CITY_CODE, type City } from './cities.ts';
import { AUDIENCES, checkTopicCoverage, type Topic, type TopicData } from './topics.ts';
import { isRemark, REMARKS, type Remark } from './remarks.ts';
import { itemSearchTerms, itemSearchTermsSchema, meaningfulScenario, type ItemSearchTerms } from '../search/terms.ts';
import { SourceError } from '../source/source-error.ts';
import type { Guidance } from '../facts/guidance.ts';
import { resolvedCitationSchema, type Reference } from '../facts/references.ts';

/** Zod schema of one catalog item: the source row with corrections applied and bureaus resolved. */
export const itemSchema = z
  .object({
    /** batch-number, e.g. 2-15; also the URL segment. */
    id: z.string().regex(ITEM_ID_RE),
    /** Deadline batch, 1–3, as the source numbers its sections. */
    batch: z.literal(BATCH_IDS),
    /** Number within the batch, 1..N. */
    number: z.number().int().positive(),
    /** Full item name (corrected). */
    name: z.string().min(1),
    /** Application scenario (应用场景, corrected). */
    scenario: z.string().min(1),
    /** The code of the city the item is offered in (cities.ts): its bureaus' city, the table's own where they name none. */
    city: z.string().min(1),
    /** Lead bureau slugs, in source order; at least one. */
    lead: z.array(z.string()).min(1),
    /** Cooperating bureau slugs, in source order; may be empty. */
    cooperating: z.array(z.string()),
    /** Remark (备注), or null where the table has none. */
    remark: z.enum(REMARKS).nullable(),
    /** Line of the row in the seed file. */
    line: z.number().int().positive(),
    /** The raw cells exactly as the table has them. */
    source: rawCellsSchema,
    /** Every change and note the site made to the raw cells. */
    notes: z.array(appliedNoteSchema),
    /** The same service in other batches, with how they relate. */
    sameService: z.array(
      z.object({ id: z.string(), note: z.string().min(1), basis: z.literal('reading').optional(), citation: resolvedCitationSchema.optional() }).strict(),
    ),
    /** Words search knows the item by besides its text: the words its pinyin spells go into the pinyin map (search/pinyin.ts); neither they nor the everyday words are indexed (the engine derives both from the lexicon). Nothing of this is on the page. */
    searchTerms: itemSearchTermsSchema,
    /** Life topic slugs, from content/topics.yaml; at least one. */
    topics: z.array(z.string()).min(1),
    /** Who the item serves. */
    audience: z.array(z.enum(AUDIENCES)).min(1),
  })
  .strict();

/** One catalog item. */
export type CatalogItem = z.infer<typeof itemSchema>;

/** The section headings as the table prints them. */
export interface CatalogSection {
  batch: BatchId;
  heading: string;
  declaredCount: number;
}

export interface Catalog {
  /** Seed file path, relative to the project root. */
  file: string;
  /** SHA-256 of the seed text, to tell versions of the table apart. */
  sha256: string;
  /** Curated facts about the document (publisher, date received). */
  info: SourceInfo;
  title: string;
  declaredTotal: number;
  sections: CatalogSection[];
  items: CatalogItem[];
  /** Registry entries that lead or cooperate on at least one item, in registry order. */
  bureaus: Bureau[];
  /** The cities the items are offered in: the table's own first, then the others in registry order. One for the real table. */
  cities: City[];
  /** The everyday-language lexicon, for query expansion in the browser. */
  lexicon: LexiconEntry[];
  /** What each item is (content/facets.yaml): every item's facets in catalog order, and the values each kind may take. */
  facets: { kinds: Partial<Record<FacetKind, string[]>>; items: ItemFacets[] };
  /** The life topics, in curated order. */
  topics: Topic[];
  /** The public sources the site's statements cite. */
  references: Reference[];
  /** What the site explains beyond the table: how to apply, channels, remarks, about. */
  guidance: Guidance;
}

export interface CatalogInputs {
  seed: { text: string; file: string; sha256: string };
  registry: BureauRegistry;
  corrections: readonly Correction[];
  related: readonly RelatedGroup[];
  /** Service words (content/lexicon.yaml) and the rest of the phrasing data (content/phrasing.yaml), each entry with its file and line. */
  lexicon: { file: string; entries: readonly (LexiconEntry & { file?: string; line: number })[] };
  /** What each item is (content/facets.yaml). */
  facets: { file: string; data: FacetData };
  topics: TopicData;
  info: SourceInfo;
  references: Reference[];
  guidance: Guidance;
}

/**
 * Gives an item its search terms, computed on first read and then kept. Only
 * the search index reads them (src/build/search-index.ts): the Astro process,
 * which renders the pages, never does, and computing them for every item (pinyin
 * above all) was a third of its CPU time at 2,000 items. Not enumerable, so that
 * copying an item's fields (the content collection does) does not compute them.
 */
function withLazySearchTerms(item: Omit<CatalogItem, 'searchTerms'>, compute: () => ItemSearchTerms): CatalogItem {
  let terms: ItemSearchTerms | undefined;
  return Object.defineProperty(item, 'searchTerms', { enumerable: false, get: () => (terms ??= compute()) }) as CatalogItem;
}

/** Formats an item id from its batch and number. */
export function itemId(batch: number, number: number): string {
  return `${batch}-${number}`;
}

function resolveBureaus(
  cell: string,
  field: 'lead' | 'cooperating',
  registry: BureauRegistry,
  fail: (problem: string) => never,
): { slugs: string[]; notes: AppliedNote[] } {
  const slugs: string[] = [];
  const notes: AppliedNote[] = [];
  for (const name of splitBureauCell(cell)) {
    const bureau = registry.resolve(name);
    if (!bureau) return fail(`unknown bureau "${name}" in ${field}; add it to content/bureaus.yaml or correct it in content/corrections.yaml`);
    if (slugs.includes(bureau.slug)) return fail(`bureau "${name}" is listed twice in ${field}`);
    slugs.push(bureau.slug);
    if (name !== bureau.name) {
      notes.push({
        field,
        original: name,
        corrected: bureau.name,
        inferred: false,
        reason: `“${name}”与“${bureau.name}”是同一机构（${bureau.fullName}）的不同写法，统一按“${bureau.name}”列出。`,
        kind: 'alias',
      });
    }
  }
  return { slugs, notes };
}

/**
 * Builds the catalog from the seed text and the curated content: parses the
 * table, applies corrections, resolves bureaus and checks remarks. Pure: the
 * caller reads the files.
 *
 * @throws {SourceError} naming the file, line and text of the first problem found.
 */
export function buildCatalog({ seed, registry, corrections, related, lexicon, facets, topics, info, references, guidance }: CatalogInputs): Catalog {
  const table: SourceTable = parseSourceTable(seed.text, seed.file);
  const rows = table.sections.flatMap((s) => s.rows);
  const ids = new Set(rows.map((r) => itemId(r.batch, r.number)));

  const [unused] = unusedCorrectionTargets(corrections, ids);
  if (unused) {
    throw new SourceError(unused.correction.file, unused.correction.line, `correction names item ${unused.item}, which the table does not have`, unused.item);
  }
  checkTopicCoverage(topics, [...ids], seed.file, (id) => rows.find((r) => itemId(r.batch, r.number) === id)?.line ?? 1);
  const lineOfId = new Map(rows.map((r) => [itemId(r.batch, r.number), r.line]));
  for (const channel of guidance.channels) {
    const unknown = channel.bureaus?.find((slug) => !registry.bySlug(slug));
    if (unknown)
      throw new SourceError('content/guidance.yaml', 1, `channel "${channel.id}" names bureau "${unknown}", which content/bureaus.yaml does not have`, unknown);
  }
  for (const group of related) {
    const missing = group.items.find((id) => !ids.has(id));
    if (missing) throw new SourceError(group.file, group.line, `related group names item ${missing}, which the table does not have`, missing);
  }

  const services = serviceEntries(lexicon.entries);
  // Each item's groups by id: filtering every group per item would grow with the square of a national catalog.
  const groupsOf = new Map<string, RelatedGroup[]>();
  for (const group of related) for (const id of group.items) groupsOf.set(id, [...(groupsOf.get(id) ?? []), group]);

  const items = rows.map((row): CatalogItem => {
    const id = itemId(row.batch, row.number);
    const fail = (problem: string): never => {
      throw new SourceError(seed.file, row.line, `item ${id}: ${problem}`, Object.values(row.cells).join('\t'));
    };
    const corrected = applyCorrections(id, row.cells, corrections);
    const lead = resolveBureaus(corrected.cells.lead, 'lead', registry, fail);
    const cooperating = resolveBureaus(corrected.cells.cooperating, 'cooperating', registry, fail);
    if (lead.slugs.length === 0) fail('empty lead bureau (牵头单位); fill it with an inferred entry in content/corrections.yaml');
    // The table lists some bureaus as cooperating with themselves; that stays as written,
    // but only where an annotation tells the reader so.
    const annotated = corrected.notes.some((n) => n.kind === 'annotation' && n.field === 'cooperating');
    const both = lead.slugs.find((slug) => cooperating.slugs.includes(slug));
    if (both && !annotated) {
      fail(`bureau "${registry.bySlug(both)?.name}" is both lead and cooperating; keep it with an annotation in content/corrections.yaml or correct it`);
    }
    // An item is offered in one city: every bureau on it must serve that city.
    const cityCodes = new Set([...lead.slugs, ...cooperating.slugs].map((slug) => registry.bySlug(slug)?.city?.code ?? OWN_CITY_CODE));
    if (cityCodes.size > 1) fail(`its bureaus serve different cities (${[...cityCodes].join(', ')}); an item is offered in one city`);
    // Search reads a name back from its indexed text up to the first space (recordName in search/engine.ts).
    if (/\s|\.$/u.test(corrected.cells.name))
      fail(`the name "${corrected.cells.name}" has a space or ends with a full stop; correct it in content/corrections.yaml`);
    const remark = corrected.cells.remark;
    if (remark !== '' && !isRemark(remark)) fail(`unknown remark (备注) "${remark}"; known remarks are listed in src/lib/catalog/remarks.ts`);

    const item = {
      id,
      batch: row.batch,
      number: row.number,
      name: corrected.cells.name,
      scenario: corrected.cells.scenario,
      city: [...cityCodes][0]!,
      lead: lead.slugs,
      cooperating: cooperating.slugs,
      remark: remark === '' ? null : (remark as Remark),
      line: row.line,
      source: row.cells,
      notes: [...corrected.notes, ...lead.notes, ...cooperating.notes],
      sameService: (groupsOf.get(id) ?? []).flatMap((g) =>
        g.items.filter((other) => other !== id).map((other) => ({ id: other, note: g.note, basis: g.basis, citation: g.citation })),
      ),
      topics: topics.items.get(id)?.topics ?? [],
      audience: topics.items.get(id)?.audience ?? [],
    };
    return withLazySearchTerms(item, () => itemSearchTerms({ name: item.name, scenario: item.scenario }, services));
  });

  const [dead] = deadWordings(
    lexicon.entries,
    items.map((i) => `${i.name} ${meaningfulScenario(i.scenario)}`),
  );
  if (dead) throw new SourceError(dead.file ?? lexicon.file, dead.line, `official wording "${dead.wording}" occurs in no item`, dead.wording);
  checkFacets(facets.data, facets.file, items, lexicon.entries);
  const facetsOf = new Map(facets.data.items.map(({ line: _, ...f }) => [f.id, f]));

  const [pair] = ungroupedSameServicePairs(items, related);
  if (pair) {
    const second = items.find((i) => i.id === pair[1]);
    throw new SourceError(
      seed.file,
      lineOfId.get(pair[1]) ?? 1,
      `items ${pair[0]} and ${pair[1]} look like the same service in two batches; describe how they relate in content/related.yaml`,
      second?.name ?? '',
    );
  }

  const used = new Set(items.flatMap((i) => [...i.lead, ...i.cooperating]));
  return {
    file: seed.file,
    sha256: seed.sha256,
    info,
    title: table.title,
    declaredTotal: table.declaredTotal,
    sections: table.sections.map(({ batch, heading, declaredCount }) => ({ batch, heading, declaredCount })),
    items,
    bureaus: registry.bureaus.filter((b) => used.has(b.slug)),
    cities: catalogCities(info.publisher, registry.bureaus, items),
    lexicon: lexicon.entries.map(({ class: kind, say, means, related, strong, default: assumed, unsure, facet, rare }) => ({
      class: kind,
      say,
      means,
      related,
      ...(strong ? { strong } : {}),
      ...(assumed ? { default: assumed } : {}),
      ...(unsure ? { unsure } : {}),
      ...(facet ? { facet } : {}),
      ...(rare ? { rare } : {}),
    })),
    facets: {
      kinds: Object.fromEntries([...facets.data.kinds].map(([kind, { values }]) => [kind, values])),
      items: items.map((i) => facetsOf.get(i.id)!),
    },
    topics: topics.topics,
    references,
    guidance,
  };
}
