import { BATCH_IDS, type BatchId } from '../core/batches.ts';

/** The fields grouping needs from an item. */
export interface GroupableItem {
  id: string;
  batch: BatchId;
  number: number;
  lead: readonly string[];
  cooperating: readonly string[];
  /** The site's changes to the row: a bureau field the site inferred is counted as such. */
  notes?: readonly { field: string; inferred: boolean }[];
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

/** Source order of a list of items, computed once per list: pages ask for every item. */
interface Order<T> {
  sorted: T[];
  position: Map<string, number>;
}

const orders = new WeakMap<readonly GroupableItem[], Order<GroupableItem>>();

function orderOf<T extends GroupableItem>(items: readonly T[]): Order<T> {
  let order = orders.get(items);
  if (!order) {
    const sorted = sortItems(items);
    order = { sorted, position: new Map(sorted.map((item, i) => [item.id, i])) };
    orders.set(items, order);
  }
  return order as Order<T>;
}

/** The previous and next item within the same batch, in source order. */
export function neighbours<T extends GroupableItem>(items: readonly T[], item: T): { previous?: T; next?: T } {
  const { sorted, position } = orderOf(items);
  const at = position.get(item.id) ?? -1;
  const previous = sorted[at - 1];
  const next = sorted[at + 1];
  return { previous: previous?.batch === item.batch ? previous : undefined, next: next?.batch === item.batch ? next : undefined };
}

const leadLists = new WeakMap<readonly GroupableItem[], Map<string, GroupableItem[]>>();

/** Items by lead bureau, each list in source order; computed once per list of items. */
function byLead<T extends GroupableItem>(items: readonly T[]): Map<string, T[]> {
  let lists = leadLists.get(items);
  if (!lists) {
    lists = new Map();
    for (const item of orderOf(items).sorted) {
      for (const slug of item.lead) {
        if (!lists.has(slug)) lists.set(slug, []);
        lists.get(slug)!.push(item);
      }
    }
    leadLists.set(items, lists);
  }
  return lists as Map<string, T[]>;
}

/**
 * Other items led by the item's first lead bureau, nearest in source order
 * first, so that the list shows the most closely related services. Walks
 * outwards from the item, so that it stays fast for large catalogs.
 */
export function sameLeadItems<T extends GroupableItem>(items: readonly T[], item: T, limit: number): { slug: string; total: number; items: T[] } {
  const slug = item.lead[0] ?? '';
  const { position } = orderOf(items);
  const list = byLead(items).get(slug) ?? [];
  const pos = (i: T) => position.get(i.id) ?? 0;
  const here = pos(item);
  // First index in the lead's list at or after the item's own position.
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (pos(list[mid]!) < here) lo = mid + 1;
    else hi = mid;
  }
  let left = lo - 1;
  let right = list[lo]?.id === item.id ? lo + 1 : lo;
  const nearest: T[] = [];
  while (nearest.length < limit && (left >= 0 || right < list.length)) {
    const takeLeft = right >= list.length || (left >= 0 && here - pos(list[left]!) <= pos(list[right]!) - here);
    nearest.push(takeLeft ? list[left--]! : list[right++]!);
  }
  const total = list.length - (list.some((i) => i.id === item.id) ? 1 : 0);
  return { slug, total, items: sortItems(nearest) };
}

/** Items of one batch, in source order. */
export interface BatchGroup<T> {
  batch: BatchId;
  items: T[];
}

/** The views every page needs, computed once per build rather than once per page. */
export interface CatalogViews<T extends GroupableItem & { topics: readonly string[] }> {
  /** Items of each batch (every batch present), in source order. */
  byBatch: BatchGroup<T>[];
  /** Items of each topic, grouped by batch, only non-empty batches. */
  byTopic: Map<string, BatchGroup<T>[]>;
  /** Item count of each topic. */
  topicCounts: Map<string, number>;
  /** Items each bureau leads and cooperates on, grouped by batch, only non-empty batches. */
  byBureau: Map<string, Record<Role, BatchGroup<T>[]>>;
  /** Lead and cooperating counts of each bureau, and how many of each rest on a bureau the site inferred (本站推定). */
  bureauCounts: Map<string, Record<Role, number> & { inferred: Record<Role, number> }>;
  /** Previous and next item within the batch, and the nearest other items of the same lead bureau. */
  around: Map<string, { previous?: T; next?: T; sameLead: { slug: string; total: number; items: T[] } }>;
}

/** How many of the items have the given bureau field inferred by the site. */
function inferredIn(items: readonly GroupableItem[], field: Role): number {
  return items.filter((i) => i.notes?.some((n) => n.field === field && n.inferred)).length;
}

/**
 * Computes the catalog's views in one pass over each grouping: by batch, by
 * topic, by bureau, their counts, and each item's neighbours and same-lead
 * items. Pages read these instead of filtering the whole catalog per page,
 * which keeps a 10,000-item build linear.
 */
export function catalogViews<T extends GroupableItem & { topics: readonly string[] }>(
  items: readonly T[],
  bureauSlugs: readonly string[],
  topicSlugs: readonly string[],
  sameLeadLimit = 5,
): CatalogViews<T> {
  const sorted = sortItems(items);
  const groups = (subset: T[]) => groupByBatch(subset).filter((g) => g.items.length > 0);
  const topicLists = new Map<string, T[]>(topicSlugs.map((s) => [s, []]));
  const roleLists = new Map<string, Record<Role, T[]>>(bureauSlugs.map((s) => [s, { lead: [], cooperating: [] }]));
  for (const item of sorted) {
    for (const t of item.topics) topicLists.get(t)?.push(item);
    for (const slug of item.lead) roleLists.get(slug)?.lead.push(item);
    // A bureau the table lists as cooperating with itself is listed once, as lead.
    for (const slug of item.cooperating) if (!item.lead.includes(slug)) roleLists.get(slug)?.cooperating.push(item);
  }
  return {
    byBatch: groupByBatch(sorted),
    byTopic: new Map([...topicLists].map(([slug, list]) => [slug, groups(list)])),
    topicCounts: new Map([...topicLists].map(([slug, list]) => [slug, list.length])),
    byBureau: new Map([...roleLists].map(([slug, r]) => [slug, { lead: groups(r.lead), cooperating: groups(r.cooperating) }])),
    bureauCounts: new Map(
      [...roleLists].map(([slug, r]) => [
        slug,
        {
          lead: r.lead.length,
          cooperating: r.cooperating.length,
          inferred: { lead: inferredIn(r.lead, 'lead'), cooperating: inferredIn(r.cooperating, 'cooperating') },
        },
      ]),
    ),
    around: new Map(sorted.map((item) => [item.id, { ...neighbours(sorted, item), sameLead: sameLeadItems(sorted, item, sameLeadLimit) }])),
  };
}
