import { z } from 'astro/zod';
import { batchFromOrdinal, type BatchId } from '../core/batches.ts';
import { SourceError } from '../core/source-error.ts';

/** Zod schema of the five text cells of a source row, exactly as the table has them. */
export const rawCellsSchema = z
  .object({
    name: z.string(),
    scenario: z.string(),
    lead: z.string(),
    cooperating: z.string(),
    remark: z.string(),
  })
  .strict();

/** The five text cells of a source row, exactly as the table has them. */
export type RawCells = z.infer<typeof rawCellsSchema>;

/** The cell names a correction may target, in column order after 序号. */
export const CELL_FIELDS = ['name', 'scenario', 'lead', 'cooperating', 'remark'] as const;
export type CellField = (typeof CELL_FIELDS)[number];

/** One item row of the source table. */
export interface SourceRow {
  batch: BatchId;
  number: number;
  /** 1-based line of the row in the seed file. */
  line: number;
  cells: RawCells;
}

/** One deadline section of the source table. */
export interface SourceSection {
  batch: BatchId;
  /** The section heading as printed, e.g. 一、2020 年底前实现“跨省通办”的事项（58 项）. */
  heading: string;
  line: number;
  /** The item count the heading declares. */
  declaredCount: number;
  rows: SourceRow[];
}

/** The whole source table. */
export interface SourceTable {
  file: string;
  title: string;
  /** The total the title block declares, e.g. (共 138 项). */
  declaredTotal: number;
  sections: SourceSection[];
}

/** The header row the table repeats on every page. */
export const HEADER_CELLS = ['序号', '“跨省通办”事项', '应用场景', '牵头单位', '配合单位', '备注'] as const;

const TOTAL_RE = /^[(（]\s*共\s*(\d+)\s*项\s*[)）]$/;
const SECTION_RE = /^([一二三四五六七八九十]+)、(.+?)[（(]\s*(\d+)\s*项\s*[)）]$/;
const PAGE_NUMBER_RE = /^[—–\-－]+\s*\d+\s*[—–\-－]+$/;
const NUMBER_RE = /^\d+$/;
const PREAMBLE = new Set(['附件']);

/** Splits text into lines, accepting a byte order mark and CRLF line ends. */
export function splitLines(text: string): string[] {
  return text.replace(/^\uFEFF/, '').split(/\r?\n/);
}

/**
 * Parses the seed text into typed sections and rows, checking its structure:
 * six cells per row, numbers 1..N in order within each section, each section's
 * declared count and the declared total. Header rows, the page-number line and
 * the preamble are skipped; any other unrecognised line is an error, so that no
 * text of the table can be silently dropped.
 *
 * @throws {SourceError} naming the file, the line and the offending text.
 */
export function parseSourceTable(text: string, file: string): SourceTable {
  const lines = splitLines(text);
  const fail = (line: number, problem: string): never => {
    throw new SourceError(file, line, problem, lines[line - 1] ?? '');
  };

  let title = '';
  let total: { value: number; line: number } | undefined;
  const sections: SourceSection[] = [];
  let sawHeader = false;

  lines.forEach((raw, index) => {
    const line = index + 1;
    const content = raw.trim();
    if (content === '' || PREAMBLE.has(content) || PAGE_NUMBER_RE.test(content)) return;

    if (raw.includes('\t')) {
      const cells = raw.split('\t').map((c) => c.trim());
      if (cells[0] === HEADER_CELLS[0]) {
        if (cells.length !== HEADER_CELLS.length || cells.some((c, i) => c !== HEADER_CELLS[i])) {
          fail(line, `header row differs from the expected ${HEADER_CELLS.join(' | ')}`);
        }
        sawHeader = true;
        return;
      }
      const section = sections.at(-1);
      if (!section || !sawHeader) return fail(line, 'table row before any section heading and header row');
      if (cells.length !== 6) {
        return fail(line, `expected 6 tab-separated cells, found ${cells.length}`);
      }
      const [numberCell, name, scenario, lead, cooperating, remark] = cells as [string, string, string, string, string, string];
      if (!NUMBER_RE.test(numberCell)) return fail(line, `item number "${numberCell}" is not a whole number`);
      const number = Number(numberCell);
      const previous = section.rows.at(-1);
      const expected = (previous?.number ?? 0) + 1;
      if (number !== expected) {
        const problem =
          previous && number === previous.number
            ? `repeated item number ${number} in section ${section.batch} (also on line ${previous.line})`
            : number > expected
              ? `skipped item number: expected ${expected} in section ${section.batch}, found ${number}`
              : `item number out of order: expected ${expected} in section ${section.batch}, found ${number}`;
        return fail(line, problem);
      }
      if (name === '') return fail(line, 'empty item name');
      if (scenario === '') return fail(line, 'empty application scenario');
      section.rows.push({ batch: section.batch, number, line, cells: { name, scenario, lead, cooperating, remark } });
      return;
    }

    const totalMatch = TOTAL_RE.exec(content);
    if (totalMatch) {
      if (total) fail(line, `second declared total (first on line ${total.line})`);
      total = { value: Number(totalMatch[1]), line };
      return;
    }
    const sectionMatch = SECTION_RE.exec(content);
    if (sectionMatch) {
      const [, ordinal = '', , count = ''] = sectionMatch;
      const info = batchFromOrdinal(ordinal);
      if (!info) return fail(line, `unknown section "${ordinal}"; the site knows sections 一, 二 and 三`);
      const expected = sections.length + 1;
      if (info.id !== expected) return fail(line, `section ${info.ordinal} out of order: expected section ${expected}`);
      sections.push({ batch: info.id, heading: content, line, declaredCount: Number(count), rows: [] });
      sawHeader = false;
      return;
    }
    if (!title && sections.length === 0 && content.includes('任务分工表')) {
      title = content;
      return;
    }
    fail(line, 'unrecognised line: not a heading, header row or tab-separated item row');
  });

  if (!title) throw new SourceError(file, 1, 'no title line containing 任务分工表', lines[0] ?? '');
  if (!total) throw new SourceError(file, 1, 'no declared total such as (共 138 项)', lines[0] ?? '');
  if (sections.length === 0) return fail(total.line, 'no section headings found');

  for (const section of sections) {
    if (section.rows.length !== section.declaredCount) {
      fail(section.line, `section ${section.batch} declares ${section.declaredCount} items but lists ${section.rows.length}`);
    }
  }
  const counted = sections.reduce((sum, s) => sum + s.rows.length, 0);
  if (counted !== total.value) fail(total.line, `title declares ${total.value} items but the sections list ${counted}`);

  return { file, title, declaredTotal: total.value, sections };
}
