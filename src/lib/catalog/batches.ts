/** The three deadline batches of the table, in source order. */
export const BATCH_IDS = [1, 2, 3] as const;

/** A batch number as the source numbers its sections (一、二、三). */
export type BatchId = (typeof BATCH_IDS)[number];

/** What the site says about each batch; the source only gives a heading. */
export interface BatchInfo {
  id: BatchId;
  /** Ordinal as printed in the section heading. */
  ordinal: string;
  /** Short label used in lists, e.g. 第一批. */
  label: string;
  /** The deadline in the words citizens read, e.g. 2020年底前. */
  deadline: string;
  /** The last day of the deadline, ISO 8601. */
  deadlineDate: string;
}

export const BATCHES: Readonly<Record<BatchId, BatchInfo>> = {
  1: { id: 1, ordinal: '一', label: '第一批', deadline: '2020年底前', deadlineDate: '2020-12-31' },
  2: { id: 2, ordinal: '二', label: '第二批', deadline: '2021年6月前', deadlineDate: '2021-06-30' },
  3: { id: 3, ordinal: '三', label: '第三批', deadline: '2021年底前', deadlineDate: '2021-12-31' },
};

/** Maps a section ordinal (一/二/三) to its batch, or undefined for an unknown one. */
export function batchFromOrdinal(ordinal: string): BatchInfo | undefined {
  return Object.values(BATCHES).find((b) => b.ordinal === ordinal);
}
