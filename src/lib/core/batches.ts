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
  /**
   * The deadline in the table's own words, as its section heading gives it:
   * 2020年底前, 2021年6月前, 2021年底 (batch 3's heading has no 前). Never turned
   * into a day the table does not give.
   */
  deadline: string;
}

export const BATCHES: Readonly<Record<BatchId, BatchInfo>> = {
  1: { id: 1, ordinal: '一', label: '第一批', deadline: '2020年底前' },
  2: { id: 2, ordinal: '二', label: '第二批', deadline: '2021年6月前' },
  3: { id: 3, ordinal: '三', label: '第三批', deadline: '2021年底' },
};

/** Maps a section ordinal (一/二/三) to its batch, or undefined for an unknown one. */
export function batchFromOrdinal(ordinal: string): BatchInfo | undefined {
  return Object.values(BATCHES).find((b) => b.ordinal === ordinal);
}
