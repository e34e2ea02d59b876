import type { AppliedNote } from '../source/corrections.ts';
import { FIELD_LABELS } from '../views/format.ts';
import { INFERRED_MARK, withMark } from '../views/item-view.ts';
import type { RawCells } from '../source/parse-table.ts';

/** One record of /data/items.json: normalised fields next to the raw cells of the table. */
export interface ItemRecord {
  id: string;
  batch: number;
  number: number;
  name: string;
  scenario: string;
  /** Canonical short names of the lead bureaus. */
  lead: string[];
  cooperating: string[];
  remark: string | null;
  /** Absolute URL of the item page. */
  url: string;
  /** Topic names. */
  topics: string[];
  audience: string[];
  /** The corrections and name unifications applied to the raw cells. */
  notes: AppliedNote[];
  /** The cells exactly as the table has them. */
  source: RawCells;
}

/** The fields an item record is built from; pages and data files share them. */
export interface RecordInput {
  id: string;
  batch: number;
  number: number;
  name: string;
  scenario: string;
  lead: readonly string[];
  cooperating: readonly string[];
  remark: string | null;
  topics: readonly string[];
  audience: readonly string[];
  notes: readonly AppliedNote[];
  source: RawCells;
}

/** Builds the open-data record of an item; slugs are turned into names by the lookups given. */
export function itemRecord(
  item: RecordInput,
  lookups: { bureauName(slug: string): string; topicName(slug: string): string; url(id: string): string },
): ItemRecord {
  return {
    id: item.id,
    batch: item.batch,
    number: item.number,
    name: item.name,
    scenario: item.scenario,
    lead: item.lead.map(lookups.bureauName),
    cooperating: item.cooperating.map(lookups.bureauName),
    remark: item.remark,
    url: lookups.url(item.id),
    topics: item.topics.map(lookups.topicName),
    audience: [...item.audience],
    notes: item.notes.map((n) => ({ ...n })),
    source: { ...item.source },
  };
}

/** What each field of an item record means, for the data page. Keys follow {@link ItemRecord}. */
export const ITEM_FIELD_DOCS: readonly { field: keyof ItemRecord; type: string; meaning: string }[] = [
  { field: 'id', type: '字符串', meaning: '事项编号，批次-序号，如 2-15（第二批第15项），也是事项页网址的一部分。' },
  { field: 'batch', type: '整数 1–3', meaning: '批次：1 为2020年底前，2 为2021年6月前，3 为2021年底。' },
  { field: 'number', type: '整数', meaning: '原表中该批次内的序号。' },
  { field: 'name', type: '字符串', meaning: '事项名称（已按更正清单更正）。' },
  { field: 'scenario', type: '字符串', meaning: '应用场景（已更正）。' },
  { field: 'lead', type: '字符串数组', meaning: '牵头单位的规范简称，如“市人社局”。' },
  { field: 'cooperating', type: '字符串数组', meaning: '配合单位的规范简称，可能为空。' },
  { field: 'remark', type: '字符串或 null', meaning: '备注：省级事权、国家级事权、省委托、市级初审上报；原表无备注为 null。' },
  { field: 'url', type: '字符串', meaning: '事项页的完整网址。' },
  { field: 'topics', type: '字符串数组', meaning: '所属主题，如“住房公积金”。' },
  { field: 'audience', type: '字符串数组', meaning: '服务对象：个人、法人。' },
  {
    field: 'notes',
    type: '对象数组',
    meaning:
      '本站对原表所作的更正和名称统一：field（栏目）、original（原文）、corrected（采用值）、inferred（是否推定）、reason（理由）、kind（correction 更正 / alias 名称统一）。',
  },
  { field: 'source', type: '对象', meaning: '原表该行的原始文字，逐字保留：name、scenario、lead、cooperating、remark。' },
];

/** The columns of /data/items.csv, in order, with their headers. */
export const ITEM_CSV_COLUMNS: readonly { header: string; value(r: ItemRecord): string }[] = [
  { header: 'id', value: (r) => r.id },
  { header: 'batch', value: (r) => String(r.batch) },
  { header: 'number', value: (r) => String(r.number) },
  { header: 'name', value: (r) => r.name },
  { header: 'scenario', value: (r) => r.scenario },
  { header: 'lead', value: (r) => r.lead.join('、') },
  { header: 'cooperating', value: (r) => r.cooperating.join('、') },
  { header: 'remark', value: (r) => r.remark ?? '' },
  { header: 'topics', value: (r) => r.topics.join('、') },
  { header: 'audience', value: (r) => r.audience.join('、') },
  { header: 'url', value: (r) => r.url },
  {
    header: 'notes',
    value: (r) =>
      r.notes
        .map((n) => `${FIELD_LABELS[n.field]}：${n.original || '（空）'} → ${withMark(n.corrected || '（空）', n.inferred ? INFERRED_MARK : undefined)}`)
        .join('；'),
  },
  { header: 'source_name', value: (r) => r.source.name },
  { header: 'source_scenario', value: (r) => r.source.scenario },
  { header: 'source_lead', value: (r) => r.source.lead },
  { header: 'source_cooperating', value: (r) => r.source.cooperating },
  { header: 'source_remark', value: (r) => r.source.remark },
];

/**
 * Quotes one CSV cell (RFC 4180). A cell that a spreadsheet would run as a
 * formula (=, +, -, @, tab, CR) gets a leading apostrophe, so that untrusted
 * source text can never execute in Excel.
 */
export function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) || safe !== value ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/**
 * Writes rows as CSV for spreadsheets: UTF-8 with a byte order mark, so that
 * Excel opens the Chinese correctly, and CRLF line ends.
 */
export function toCsv(rows: Iterable<readonly string[]>): string {
  return [...csvPieces(rows)].join('');
}

/** The text of {@link toCsv} one row at a time, for files too large to hold as one string (see text-stream.ts). */
export function* csvPieces(rows: Iterable<readonly string[]>): Generator<string> {
  let empty = true;
  yield '\uFEFF';
  for (const row of rows) {
    yield `${row.map(csvCell).join(',')}\r\n`;
    empty = false;
  }
  if (empty) yield '\r\n';
}
