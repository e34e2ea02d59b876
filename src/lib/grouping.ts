import { BATCH_IDS, type BatchId } from './batches.ts';

/** The fields grouping needs from an item. */
export interface GroupableItem {
  id: string;
  batch: BatchId;
  number: number;
  lead: readonly string[];
  cooperating: readonly string[];
}

/** Orders items as the source does: by batch, then number. */
export function sortItems<T extends GroupableItem>(items: readonly T[]): T[] {
  return [...items].sort((a, b) => a.batch - b.batch || a.number - b.number);
}

/** Groups items by batch, every batch present (possibly empty), in source order. */
export function groupByBatch<T extends GroupableItem>(items: readonly T[]): { batch: BatchId; items: T[] }[] {
  const sorted = sortItems(items);
  return BATCH_IDS.map((batch) => ({ batch, items: sorted.filter((i) => i.batch === batch) }));
}

/** The role a bureau plays on an item. */
export type Role = 'lead' | 'cooperating';

/** Items a bureau leads and cooperates on, each grouped by batch with only non-empty batches kept. */
export function bureauItems<T extends GroupableItem>(items: readonly T[], slug: string): Record<Role, { batch: BatchId; items: T[] }[]> {
  const nonEmpty = (subset: T[]) => groupByBatch(subset).filter((g) => g.items.length > 0);
  return {
    lead: nonEmpty(items.filter((i) => i.lead.includes(slug))),
    cooperating: nonEmpty(items.filter((i) => i.cooperating.includes(slug))),
  };
}

/** Counts items per lead or cooperating bureau slug. */
export function countByBureau(items: readonly GroupableItem[], role: Role): Map<string, number> {
  const counts = new Map<string, number>();
  for (const item of items) for (const slug of item[role]) counts.set(slug, (counts.get(slug) ?? 0) + 1);
  return counts;
}

/** The previous and next item within the same batch, in source order. */
export function neighbours<T extends GroupableItem>(items: readonly T[], item: T): { previous?: T; next?: T } {
  const batch = sortItems(items.filter((i) => i.batch === item.batch));
  const index = batch.findIndex((i) => i.id === item.id);
  return { previous: batch[index - 1], next: batch[index + 1] };
}

/**
 * Other items led by the item's first lead bureau, nearest in source order
 * first, so that the list shows the most closely related services.
 */
export function sameLeadItems<T extends GroupableItem>(items: readonly T[], item: T, limit: number): { slug: string; total: number; items: T[] } {
  const slug = item.lead[0] ?? '';
  const sorted = sortItems(items);
  const position = (i: T) => sorted.findIndex((s) => s.id === i.id);
  const here = position(item);
  const others = sorted.filter((i) => i.id !== item.id && i.lead.includes(slug));
  const nearest = [...others].sort((a, b) => Math.abs(position(a) - here) - Math.abs(position(b) - here)).slice(0, limit);
  return { slug, total: others.length, items: sortItems(nearest) };
}
