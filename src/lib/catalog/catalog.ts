import { z } from 'astro/zod';
import { BATCH_IDS, type BatchId } from '../core/batches.ts';
import { splitBureauCell, type Bureau, type BureauRegistry } from './bureaus.ts';
import { appliedNoteSchema, applyCorrections, unusedCorrectionTargets, type AppliedNote, type Correction } from '../source/corrections.ts';
import { CELL_FIELDS, parseSourceTable, rawCellsSchema } from '../source/parse-table.ts';
import { ungroupedSameServicePairs, type RelatedGroup } from '../source/related.ts';
import { deadWordings, type LexiconEntry } from '../source/lexicon.ts';
import { checkFacets, type FacetData, type GenericWords, type ItemFacets } from '../source/facets.ts';
import type { FacetKind } from '../source/facet-kinds.ts';
import type { SourceInfo } from '../source/source-info.ts';
import { catalogCities, OWN_CITY_CODE, type City } from '../core/cities.ts';
import { AUDIENCES, checkTopicCoverage, type Topic, type TopicData } from './topics.ts';
import { isRemark, REMARKS, type Remark } from '../core/remarks.ts';
import { meaningfulScenario } from '../source/wording.ts';
import { SourceError, type SourceWarning } from '../core/source-error.ts';
import { PERMANENT_ID_RE } from '../core/item-id.ts';
import { type IdentityRecord } from '../source/identities.ts';
import { positionSchema, type IdentifiedRow } from '../source/table-diff.ts';
import { tableHistory, type DroppedItem, type TableVersion } from '../source/version-match.ts';
import type { Guidance } from '../facts/guidance.ts';
import { resolvedCitationSchema, type Reference } from '../facts/references.ts';

/** Zod schema of what the newest version of the table changed about one item (null where it changed nothing). */
export const itemChangeSchema = z
  .object({
    /** When the site received the newest version, or null while it is not recorded. */
    received: z.iso.date().nullable(),
    /** The newest version lists the item for the first time. */
    added: z.boolean(),
    /** The name the previous version gave it, where the newest renamed it. */
    renamedFrom: z.string().nullable(),
    /** Its place in the previous version, where it moved (not where it was only renumbered). */
    movedFrom: positionSchema.nullable(),
    /** The cells (other than the name) the newest version changed. */
    changed: z.array(z.enum(CELL_FIELDS)),
  })
  .strict();

/** What the newest version of the table changed about one item. */
export type ItemChange = z.infer<typeof itemChangeSchema>;

/** Zod schema of one catalog item: the source row with corrections applied and bureaus resolved. */
export const itemSchema = z
  .object({
    /** Permanent id (1-6 for the first table's items, n1 … for later ones): the URL segment, in every version. */
    id: z.string().regex(PERMANENT_ID_RE),
    /** Deadline batch, 1–3, as the newest table numbers its sections: a fact of that table, not the identity. */
    batch: z.literal(BATCH_IDS),
    /** Number within the batch in the newest table, 1..N. */
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
    /** Life topic slugs, from content/topics.yaml; empty only for a new item not yet sorted (未归类). */
    topics: z.array(z.string()),
    /** Who the item serves; empty only for a new item not yet sorted. */
    audience: z.array(z.enum(AUDIENCES)),
    /** What the newest version of the table changed about the item, or null. */
    change: itemChangeSchema.nullable(),
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
  /** What each item is (content/facets.yaml): the facets of every item that has them (a new item may not yet), in catalog order, and the values each kind may take. */
  facets: { kinds: Partial<Record<FacetKind, string[]>>; items: ItemFacets[]; generic: GenericWords[] };
  /** The life topics, in curated order. */
  topics: Topic[];
  /** The public sources the site's statements cite. */
  references: Reference[];
  /** What the site explains beyond the table: how to apply, channels, remarks, about. */
  guidance: Guidance;
  /** Every version of the table the site has published, oldest first, with what each changed. */
  versions: TableVersion[];
  /** Items an earlier version listed and the newest does not: their pages stay, saying so. */
  dropped: DroppedItem[];
  /** What a maintainer must act on that does not stop the build (new items without topics, an unrecorded version). */
  warnings: SourceWarning[];
}

export interface CatalogInputs {
  /** The newest table, the one the site shows. */
  seed: { text: string; file: string; sha256: string };
  /** The versions before it, oldest first: matched one to the next to keep every item's permanent id. */
  earlierSeeds: readonly { text: string; file: string; sha256: string }[];
  /** The record of the versions and the maintainer's decisions (content/identities.yaml). */
  identities: IdentityRecord;
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

/** What the newest version changed about each item, by permanent id. */
function changesById(version: TableVersion): Map<string, ItemChange> {
  const byId = new Map<string, ItemChange>();
  const changes = version.changes;
  if (!changes) return byId;
  const of = (id: string) => {
    const change = byId.get(id) ?? { received: version.received, added: false, renamedFrom: null, movedFrom: null, changed: [] };
    byId.set(id, change);
    return change;
  };
  for (const r of changes.added) of(r.id).added = true;
  for (const r of changes.renamed) of(r.id).renamedFrom = r.before;
  for (const m of changes.moved) of(m.id).movedFrom = m.from;
  for (const c of changes.changed) of(c.id).changed.push(c.field);
  return byId;
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
export function buildCatalog(inputs: CatalogInputs): Catalog {
  const { seed, registry, corrections, related, lexicon, facets, topics, info, references, guidance } = inputs;
  const table = parseSourceTable(seed.text, seed.file);
  const earlier = inputs.earlierSeeds.map((s) => ({ file: s.file, sha256: s.sha256, table: parseSourceTable(s.text, s.file) }));
  const history = tableHistory([...earlier, { file: seed.file, sha256: seed.sha256, table }], inputs.identities);
  const newest = history.versions.at(-1)!;
  const recorded = inputs.identities.versions.at(-1);
  if (recorded && recorded.received !== info.received)
    throw new SourceError(
      inputs.identities.file,
      recorded.line,
      `the newest recorded version (${recorded.seed}) was received on ${recorded.received}, but content/source.yaml says ${info.received}; the two name the same day`,
      recorded.received,
    );
  const rows: IdentifiedRow[] = newest.rows;
  const ids = new Set(rows.map((r) => r.id));
  // Curated data may still name a dropped item (its page stays): any id a version listed is known.
  const known = new Set([...ids, ...history.dropped.map((d) => d.row.id)]);
  const changeOf = changesById(newest);

  const [unused] = unusedCorrectionTargets(corrections, known);
  if (unused) {
    throw new SourceError(
      unused.correction.file,
      unused.correction.line,
      `correction names item ${unused.item}, which no version of the table has`,
      unused.item,
    );
  }
  const lineOfId = new Map(rows.map((r) => [r.id, r.line]));
  const warnings = [...history.warnings, ...checkTopicCoverage(topics, [...ids], seed.file, (id) => lineOfId.get(id) ?? 1, known)];
  for (const channel of guidance.channels) {
    const unknown = channel.bureaus?.find((slug) => !registry.bySlug(slug));
    if (unknown)
      throw new SourceError('content/guidance.yaml', 1, `channel "${channel.id}" names bureau "${unknown}", which content/bureaus.yaml does not have`, unknown);
  }
  for (const group of related) {
    const missing = group.items.find((id) => !known.has(id));
    if (missing) throw new SourceError(group.file, group.line, `related group names item ${missing}, which no version of the table has`, missing);
  }

  // Each item's groups by id: filtering every group per item would grow with the square of a national catalog.
  const groupsOf = new Map<string, RelatedGroup[]>();
  for (const group of related) for (const id of group.items) groupsOf.set(id, [...(groupsOf.get(id) ?? []), group]);

  const items = rows.map((row): CatalogItem => {
    const id = row.id;
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
    if (remark !== '' && !isRemark(remark)) fail(`unknown remark (备注) "${remark}"; known remarks are listed in src/lib/core/remarks.ts`);

    return {
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
        // A dropped item of the group has no page in the lists to point to from here.
        g.items.filter((other) => other !== id && ids.has(other)).map((other) => ({ id: other, note: g.note, basis: g.basis, citation: g.citation })),
      ),
      topics: topics.items.get(id)?.topics ?? [],
      audience: topics.items.get(id)?.audience ?? [],
      change: changeOf.get(id) ?? null,
    };
  });

  const deadOnes = deadWordings(
    lexicon.entries,
    items.map((i) => `${i.name} ${meaningfulScenario(i.scenario)}`),
  );
  // A wording only a dropped item had is left over from the previous table: the new one still builds, and says what to remove.
  const droppedTexts = history.dropped.map((d) => `${d.row.cells.name} ${meaningfulScenario(d.row.cells.scenario)}`);
  const inNoDroppedItem = new Set(deadWordings(lexicon.entries, droppedTexts).map((d) => d.wording));
  for (const dead of deadOnes) {
    const file = dead.file ?? lexicon.file;
    if (inNoDroppedItem.has(dead.wording)) throw new SourceError(file, dead.line, `official wording "${dead.wording}" occurs in no item`, dead.wording);
    warnings.push({ file, line: dead.line, message: `official wording "${dead.wording}" occurs only in items the newest table no longer lists; remove it` });
  }
  warnings.push(...checkFacets(facets.data, facets.file, items, lexicon.entries, known));
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
      items: items.flatMap((i) => facetsOf.get(i.id) ?? []),
      generic: facets.data.generic.map(({ line: _, ...g }) => g),
    },
    topics: topics.topics,
    references,
    guidance,
    versions: history.versions,
    dropped: history.dropped,
    warnings,
  };
}
