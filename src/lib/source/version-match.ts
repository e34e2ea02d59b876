import { z } from 'astro/zod';
import type { SourceRow, SourceTable } from './parse-table.ts';
import { newItemId, type IdentityDecision, type IdentityRecord, type IdentityVersion } from './identities.ts';
import { SourceError, type SourceWarning } from '../core/source-error.ts';
import { diffVersions, identifiedRowSchema, versionChangesSchema, type IdentifiedRow, type RenameBasis, type VersionChanges } from './table-diff.ts';

/** One seed file, parsed. */
export interface SeedTable {
  /** Path relative to the project root (seeds/000_….txt). */
  file: string;
  /** SHA-256 of its bytes. */
  sha256: string;
  table: SourceTable;
}

/** Zod schema of one version of the table as the site publishes it: its rows with permanent ids. */
export const tableVersionSchema = z
  .object({
    /** The seed file, relative to the project root. */
    seed: z.string().min(1),
    /** SHA-256 of its bytes. */
    sha256: z.string().regex(/^[0-9a-f]{64}$/),
    /** When the site received it (content/identities.yaml), or null while the version is not recorded there. */
    received: z.iso.date().nullable(),
    /** The table's title line. */
    title: z.string().min(1),
    /** The total the table declares (共 N 项). */
    declaredTotal: z.number().int().positive(),
    rows: z.array(identifiedRowSchema),
    /** What it changed against the version before; null for the first. */
    changes: versionChangesSchema.nullable(),
  })
  .strict();

/** One version of the table as the site publishes it. */
export type TableVersion = z.infer<typeof tableVersionSchema>;

/** Zod schema of an item an earlier version listed and the newest does not. */
export const droppedItemSchema = z
  .object({
    /** Its last known row, with its permanent id. */
    row: identifiedRowSchema,
    /** The last version that listed it. */
    lastListed: z.object({ seed: z.string().min(1), received: z.iso.date().nullable() }).strict(),
  })
  .strict();

/** An item an earlier version listed and the newest does not. */
export type DroppedItem = z.infer<typeof droppedItemSchema>;

/** Every version of the table, oldest first, and the items the newest no longer lists. */
export interface TableHistory {
  versions: TableVersion[];
  dropped: DroppedItem[];
  /** Versions not yet recorded in the identities file: they build, and the maintainer records them before publishing. */
  warnings: SourceWarning[];
}

const where = (row: { batch: number; number: number }) => `batch ${row.batch} no. ${row.number}`;

/** The entry a maintainer adds to content/identities.yaml for a version, decisions included. */
function versionEntryYaml(seed: SeedTable, rows: readonly IdentifiedRow[], changes: VersionChanges | null): string {
  const decision = (r: IdentifiedRow) => `      - { id: ${r.id}, batch: ${r.batch}, number: ${r.number}, name: ${r.cells.name} }`;
  const renamed = changes?.renamed.map((c) => rows.find((r) => r.id === c.id)!) ?? [];
  return [
    `  - seed: ${seed.file}`,
    `    sha256: ${seed.sha256}`,
    `    received: YYYY-MM-DD # the day the site received this table; also content/source.yaml's received`,
    ...(renamed.length ? ['    renamed:', ...renamed.map(decision)] : []),
    ...(changes?.added.length ? ['    added:', ...changes.added.map(decision)] : []),
  ].join('\n');
}

interface MatchInput {
  seed: SeedTable;
  previous: readonly IdentifiedRow[];
  /** Items earlier versions dropped: a row with one of their names lists them again. */
  dropped: readonly IdentifiedRow[];
  version: IdentityVersion | undefined;
  record: IdentityRecord;
  /** Every id any version so far has used. */
  used: ReadonlySet<string>;
  nextNewId: () => string;
}

/**
 * Gives each row of a new version the permanent id of the item it lists:
 * first the maintainer's recorded decisions; then the same name (wherever the
 * row moved); then a rename where the evidence is clear, the same position and
 * scenario or the same scenario and lead bureau, and only one way round; the
 * rest are new items. Anything ambiguous stops the build.
 *
 * @throws {SourceError} naming the row and the candidates, or the identities file's line of a decision that does not fit.
 */
function matchRows({ seed, previous, dropped, version, record, used, nextNewId }: MatchInput): { rows: IdentifiedRow[]; basis: Map<string, RenameBasis> } {
  const rows = seed.table.sections.flatMap((s) => s.rows);
  const idOf = new Map<SourceRow, string>();
  const basis = new Map<string, RenameBasis>();
  const previousIds = new Set(previous.map((r) => r.id));
  const droppedIds = new Set(dropped.map((r) => r.id));
  const taken = new Set<string>();
  const take = (row: SourceRow, id: string) => {
    idOf.set(row, id);
    taken.add(id);
  };

  const decide = (d: IdentityDecision, kind: 'renamed' | 'added') => {
    const fail = (problem: string): never => {
      throw new SourceError(record.file, d.line, `${seed.file}, ${kind} ${d.id}: ${problem}`, d.name);
    };
    const row = rows.find((r) => r.batch === d.batch && r.number === d.number) ?? fail(`the table has no row at ${where(d)}`);
    if (row.cells.name !== d.name) fail(`the row at ${where(d)} is named "${row.cells.name}"`);
    if (idOf.has(row)) fail(`a second decision for the row at ${where(d)}`);
    if (taken.has(d.id)) fail(`the id is given to two rows`);
    if (kind === 'renamed' && !previousIds.has(d.id) && !droppedIds.has(d.id)) fail('no earlier version lists an item with this id');
    if (kind === 'added' && used.has(d.id)) fail('an earlier version already uses this id; a new item gets an id never used before');
    take(row, d.id);
    if (kind === 'renamed') basis.set(d.id, 'recorded');
  };
  for (const d of version?.renamed ?? []) decide(d, 'renamed');
  for (const d of version?.added ?? []) decide(d, 'added');

  // The same name, wherever the row moved: in table order, so that a name the table repeats pairs in order.
  const byName = <T extends { cells: { name: string } }>(list: readonly T[]) => {
    const map = new Map<string, T[]>();
    for (const r of list) map.set(r.cells.name, [...(map.get(r.cells.name) ?? []), r]);
    return map;
  };
  for (const pool of [previous, dropped]) {
    const candidates = byName(pool.filter((r) => !taken.has(r.id)));
    for (const [name, mine] of byName(rows.filter((r) => !idOf.has(r)))) {
      const theirs = candidates.get(name) ?? [];
      if (mine.length === theirs.length) mine.forEach((r, i) => take(r, theirs[i]!.id));
    }
  }

  // A rename only where the evidence is clear and points one way.
  // Both kinds of evidence need the same scenario: index the free items by it.
  const freeByScenario = new Map<string, IdentifiedRow[]>();
  for (const p of previous) if (!taken.has(p.id)) freeByScenario.set(p.cells.scenario, [...(freeByScenario.get(p.cells.scenario) ?? []), p]);
  const open = rows.filter((r) => !idOf.has(r));
  const evidence = new Map(
    open.map((r) => [
      r,
      (freeByScenario.get(r.cells.scenario) ?? []).flatMap((p): { p: IdentifiedRow; why: RenameBasis }[] => {
        if (p.batch === r.batch && p.number === r.number) return [{ p, why: 'position' }];
        return p.cells.lead === r.cells.lead ? [{ p, why: 'lead' }] : [];
      }),
    ]),
  );
  const claims = (p: IdentifiedRow) => open.filter((r) => evidence.get(r)!.some((c) => c.p === p));
  for (const row of open) {
    const found = evidence.get(row)!;
    if (found.length === 0) continue;
    const rivals = found.length === 1 ? claims(found[0]!.p) : [row];
    if (found.length === 1 && rivals.length === 1) {
      take(row, found[0]!.p.id);
      basis.set(found[0]!.p.id, found[0]!.why);
      continue;
    }
    const names = [
      ...found.map((c) => `${c.p.id} "${c.p.cells.name}" (${c.why === 'position' ? 'same position and scenario' : 'same scenario and lead'})`),
      ...rivals.filter((r) => r !== row).map((r) => `also claimed by the row at ${where(r)} "${r.cells.name}"`),
    ];
    throw new SourceError(
      seed.file,
      row.line,
      `the row at ${where(row)} has a new name and may be a renamed item: ${names.join('; ')}. ` +
        `Decide in ${record.file}, in the entry for ${seed.file}: "renamed: - { id: ${found[0]!.p.id}, batch: ${row.batch}, number: ${row.number}, name: ${row.cells.name} }" ` +
        `if it is that item under a new name, or "added: - { id: n…, batch: ${row.batch}, number: ${row.number}, name: ${row.cells.name} }" if it is a new item (docs/table-versions.md)`,
      row.cells.name,
    );
  }

  for (const row of rows) {
    if (idOf.has(row)) continue;
    if (version)
      throw new SourceError(
        record.file,
        version.line,
        `${seed.file}: the row at ${where(row)} "${row.cells.name}" is a new item, and its id is not recorded: add "- { id: ${nextNewId()}, batch: ${row.batch}, number: ${row.number}, name: ${row.cells.name} }" to this version's added`,
        row.cells.name,
      );
    take(row, nextNewId());
  }
  return { rows: rows.map((r) => ({ id: idOf.get(r)!, batch: r.batch, number: r.number, line: r.line, cells: r.cells })), basis };
}

/**
 * Identifies every item of every version of the table, oldest first: the first
 * version's ids are its positions, each later version is matched to the one
 * before (see matchRows), and an unrecorded version's new items get the next
 * free n-ids, with a warning that prints the entry to record. The record must
 * describe the seeds as they are, byte for byte and in order.
 *
 * @throws {SourceError} naming the identities file's line, or the seed row that needs a decision.
 */
export function tableHistory(seeds: readonly SeedTable[], record: IdentityRecord): TableHistory {
  record.versions.forEach((v, i) => {
    const seed = seeds[i];
    if (seed?.file !== v.seed)
      throw new SourceError(
        record.file,
        v.line,
        `version ${i + 1} is ${v.seed}, but seeds/ has ${seed?.file ?? 'no such file'} in its place; versions are recorded oldest first`,
        v.seed,
      );
    if (seed.sha256 !== v.sha256)
      throw new SourceError(
        record.file,
        v.line,
        `${v.seed} is not the recorded table: its SHA-256 is ${seed.sha256}; a seed is never edited, a new version is a new file`,
        v.sha256,
      );
  });
  const recordedNew = record.versions.flatMap((v) => v.added.map((d) => Number(d.id.slice(1))));
  let lastNew = Math.max(0, ...recordedNew);
  const used = new Set<string>();
  const versions: TableVersion[] = [];
  const warnings: SourceWarning[] = [];
  let dropped: DroppedItem[] = [];
  seeds.forEach((seed, i) => {
    const version = record.versions[i];
    const received = version?.received ?? null;
    const previous = versions.at(-1);
    const matched = previous
      ? matchRows({ seed, previous: previous.rows, dropped: dropped.map((d) => d.row), version, record, used, nextNewId: () => newItemId(++lastNew) })
      : { rows: firstVersionRows(seed.table), basis: new Map<string, RenameBasis>() };
    const changes = previous ? diffVersions(previous.rows, matched.rows, matched.basis) : null;
    for (const r of matched.rows) used.add(r.id);
    const listed = new Set(matched.rows.map((r) => r.id));
    dropped = [
      ...dropped.filter((d) => !listed.has(d.row.id)),
      ...(changes?.dropped.map((row) => ({ row, lastListed: { seed: previous!.seed, received: previous!.received } })) ?? []),
    ];
    versions.push({
      seed: seed.file,
      sha256: seed.sha256,
      received,
      title: seed.table.title,
      declaredTotal: seed.table.declaredTotal,
      rows: matched.rows,
      changes,
    });
    if (!version)
      warnings.push({
        file: record.file,
        line: record.versions.at(-1)?.line ?? 1,
        message: `${seed.file} is not recorded yet: it builds with the ids below, and is recorded before publishing by adding to "versions" (after checking npm run diff-table):\n${versionEntryYaml(seed, matched.rows, changes)}`,
      });
  });
  return { versions, dropped, warnings };
}

/** The first version's rows: each item's permanent id is its position there. */
function firstVersionRows(table: SourceTable): IdentifiedRow[] {
  return table.sections.flatMap((s) => s.rows.map((r) => ({ id: `${r.batch}-${r.number}`, batch: r.batch, number: r.number, line: r.line, cells: r.cells })));
}
