import { BATCHES, type BatchId } from '../core/batches.ts';
import type { CellField } from '../source/parse-table.ts';

/** The Chinese name of each source column. */
export const FIELD_LABELS: Readonly<Record<CellField, string>> = {
  name: '事项名称',
  scenario: '应用场景',
  lead: '牵头单位',
  cooperating: '配合单位',
  remark: '备注',
};

/** An item's position in the table in words: 第二批第15项. */
export function itemPosition(batch: BatchId, number: number): string {
  return `${BATCHES[batch].label}第${number}项`;
}

/** A batch with its deadline as a short label: 第二批（2021年6月前）. Also a search filter value. */
export function batchTitle(batch: BatchId): string {
  const b = BATCHES[batch];
  return `${b.label}（${b.deadline}）`;
}

/** Shows an empty source cell visibly, so that “nothing” is never mistaken for a rendering fault. */
export function showCell(text: string): string {
  return text === '' ? '（空）' : text;
}

/** Formats an ISO date the Chinese way: 2021-06-30 → 2021年6月30日. */
export function formatDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

/** The document's own date in words, or a plain statement that it has none. */
export function documentDateText(documentDate: string | null): string {
  return documentDate === null ? '原表未注明日期' : formatDate(documentDate);
}

/**
 * The batch deadline as the table states it, a planned deadline for a task
 * list and never a promise that the service is available: 要求2021年6月前实现.
 */
export function plannedDeadline(batch: BatchId): string {
  return `要求${BATCHES[batch].deadline}实现`;
}

/**
 * The planned deadline as the lists say it, from a batch's title (batchTitle, also the batch's
 * search filter value): 第二批（2021年6月前） → 要求2021年6月前实现. For the search page, which
 * has the title from a result's filters and need not carry the batches' data.
 */
export function plannedDeadlineOfTitle(title: string): string | undefined {
  const deadline = /（([^（）]+)）$/.exec(title)?.[1];
  return deadline === undefined ? undefined : `要求${deadline}实现`;
}

/** The item's status in the table's own terms: 列入“跨省通办”任务，要求2021年6月前实现. */
export function deadlineStatus(batch: BatchId): string {
  return `列入“跨省通办”任务，${plannedDeadline(batch)}`;
}
