import { batchTitle } from '../views/format.ts';
import type { BatchId } from '../core/batches.ts';
import type { Remark } from '../core/remarks.ts';

/** The facets search results can be narrowed by, in the order the form shows them. */
export const FILTER_KEYS = ['topic', 'batch', 'lead', 'remark'] as const;
export type FilterKey = (typeof FILTER_KEYS)[number];

/** The label of each facet on the search form. */
export const FILTER_LABELS: Readonly<Record<FilterKey, string>> = {
  topic: '主题',
  batch: '批次',
  lead: '牵头单位',
  remark: '办理权限在哪一级（原表备注）',
};

/** The value used for items without a remark, so that they can be chosen too. */
export const NO_REMARK = '无备注';

/**
 * The filter values of one item, as Pagefind indexes them and as the search
 * form offers them: the same strings on both sides, or a filter matches nothing.
 */
export function itemFilterValues(
  item: { batch: BatchId; lead: readonly string[]; remark: Remark | null; topics: readonly string[] },
  bureauName: (slug: string) => string,
  topicName: (slug: string) => string,
): Record<FilterKey, string[]> {
  return {
    topic: item.topics.map(topicName),
    batch: [batchTitle(item.batch)],
    lead: item.lead.map(bureauName),
    remark: [item.remark ?? NO_REMARK],
  };
}

/** Every value each facet takes across the items, in first-seen order, with item counts. */
export function filterOptions(valuesPerItem: readonly Record<FilterKey, string[]>[]): Record<FilterKey, { value: string; count: number }[]> {
  const options = Object.fromEntries(FILTER_KEYS.map((k) => [k, new Map<string, number>()])) as Record<FilterKey, Map<string, number>>;
  for (const values of valuesPerItem) {
    for (const key of FILTER_KEYS) for (const v of values[key]) options[key].set(v, (options[key].get(v) ?? 0) + 1);
  }
  return Object.fromEntries(FILTER_KEYS.map((k) => [k, [...options[k]].map(([value, count]) => ({ value, count }))])) as Record<
    FilterKey,
    { value: string; count: number }[]
  >;
}
