import { z } from 'astro/zod';
import { BATCH_IDS } from '../core/batches.ts';
import { PERMANENT_ID_RE } from '../core/item-id.ts';
import { CELL_FIELDS, rawCellsSchema, type CellField } from './parse-table.ts';

/** Zod schema of a row of one version of the table with the permanent id of the item it lists. */
export const identifiedRowSchema = z
  .object({
    /** Permanent id (1-6, n1): the item's URL, in every version. */
    id: z.string().regex(PERMANENT_ID_RE),
    /** The row's batch in this version. */
    batch: z.literal(BATCH_IDS),
    /** The row's number within its batch in this version. */
    number: z.number().int().positive(),
    /** 1-based line of the row in its seed file. */
    line: z.number().int().positive(),
    /** The raw cells exactly as this version has them. */
    cells: rawCellsSchema,
  })
  .strict();

/** A row of one version of the table with the permanent id of the item it lists. */
export type IdentifiedRow = z.infer<typeof identifiedRowSchema>;

/** Why a row was taken for an earlier item under a new name: a recorded decision, or the evidence. */
export const RENAME_BASES = ['recorded', 'position', 'lead'] as const;
export type RenameBasis = (typeof RENAME_BASES)[number];

/** Zod schema of a row's place in one version of the table. */
export const positionSchema = z.object({ batch: z.literal(BATCH_IDS), number: z.number().int().positive() }).strict();
export type Position = z.infer<typeof positionSchema>;

const COMPARED_FIELDS = ['scenario', 'lead', 'cooperating', 'remark'] as const;

/** Zod schema of what one version of the table changed against the one before, by permanent id. */
export const versionChangesSchema = z
  .object({
    /** Items this version lists for the first time (or again, after a version that dropped them). */
    added: z.array(identifiedRowSchema),
    /** Items the previous version listed and this one does not: their last known row. */
    dropped: z.array(identifiedRowSchema),
    /** Items listed under a new name, with what the match rests on. */
    renamed: z.array(z.object({ id: z.string(), before: z.string(), after: z.string(), basis: z.enum(RENAME_BASES) }).strict()),
    /** Items whose order among the kept items changed, or that changed batch. */
    moved: z.array(z.object({ id: z.string(), name: z.string(), from: positionSchema, to: positionSchema }).strict()),
    /** Cells other than the name that changed, with the text before and after. */
    changed: z.array(z.object({ id: z.string(), name: z.string(), field: z.enum(COMPARED_FIELDS), before: z.string(), after: z.string() }).strict()),
    /** Kept items whose number changed only because items were added or dropped before them: not a change. */
    renumbered: z.number().int().nonnegative(),
  })
  .strict();

/** What one version of the table changed against the one before, by permanent id. */
export type VersionChanges = z.infer<typeof versionChangesSchema>;

/** The cells compared for a kept item: the name is a rename, not a changed cell. */
const COMPARED: readonly Exclude<CellField, 'name'>[] = CELL_FIELDS.filter((f) => f !== 'name') as (typeof COMPARED_FIELDS)[number][];

/** Indexes (into `values`) of one longest strictly increasing subsequence. */
function longestIncreasing(values: readonly number[]): Set<number> {
  const tails: number[] = [];
  const previous: number[] = [];
  values.forEach((value, i) => {
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (values[tails[mid]!]! < value) lo = mid + 1;
      else hi = mid;
    }
    previous[i] = lo > 0 ? tails[lo - 1]! : -1;
    tails[lo] = i;
  });
  const kept = new Set<number>();
  for (let i = tails.at(-1) ?? -1; i >= 0; i = previous[i]!) kept.add(i);
  return kept;
}

/**
 * Compares two identified versions of the table by permanent id: what was added,
 * dropped, renamed and moved, and each cell that really changed. An insertion
 * renumbers the rows after it, but it moves none of them: an item counts as moved
 * only where it changed batch or its order among the items both versions keep
 * changed (the fewest such items, by a longest increasing subsequence).
 */
export function diffVersions(
  before: readonly IdentifiedRow[],
  after: readonly IdentifiedRow[],
  renamedBy: ReadonlyMap<string, RenameBasis> = new Map(),
): VersionChanges {
  const old = new Map(before.map((r) => [r.id, r]));
  const now = new Map(after.map((r) => [r.id, r]));
  const kept = after.filter((r) => old.has(r.id));
  const moved: VersionChanges['moved'] = [];
  let renumbered = 0;
  for (const batch of new Set(kept.map((r) => r.batch))) {
    const stayed = kept.filter((r) => r.batch === batch && old.get(r.id)!.batch === batch);
    const order = longestIncreasing(stayed.map((r) => old.get(r.id)!.number));
    stayed.forEach((r, i) => {
      const was = old.get(r.id)!;
      if (!order.has(i)) moved.push({ id: r.id, name: r.cells.name, from: { batch: was.batch, number: was.number }, to: { batch, number: r.number } });
      else if (was.number !== r.number) renumbered += 1;
    });
  }
  for (const r of kept) {
    const was = old.get(r.id)!;
    if (was.batch !== r.batch)
      moved.push({ id: r.id, name: r.cells.name, from: { batch: was.batch, number: was.number }, to: { batch: r.batch, number: r.number } });
  }
  const order = new Map(after.map((r, i) => [r.id, i]));
  moved.sort((a, b) => order.get(a.id)! - order.get(b.id)!);
  return {
    added: after.filter((r) => !old.has(r.id)),
    dropped: before.filter((r) => !now.has(r.id)),
    renamed: kept
      .filter((r) => old.get(r.id)!.cells.name !== r.cells.name)
      .map((r) => ({ id: r.id, before: old.get(r.id)!.cells.name, after: r.cells.name, basis: renamedBy.get(r.id) ?? 'recorded' })),
    moved,
    changed: kept.flatMap((r) => {
      const was = old.get(r.id)!;
      return COMPARED.filter((f) => was.cells[f] !== r.cells[f]).map((field) => ({
        id: r.id,
        name: r.cells.name,
        field,
        before: was.cells[field],
        after: r.cells[field],
      }));
    }),
    renumbered,
  };
}

/** The number of changes a version made (renumbering aside): 0 for an identical re-issue. */
export function changeCount(changes: VersionChanges): number {
  return changes.added.length + changes.dropped.length + changes.renamed.length + changes.moved.length + changes.changed.length;
}
