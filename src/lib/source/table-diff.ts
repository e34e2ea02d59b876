import { CELL_FIELDS, type CellField, type RawCells, type SourceTable } from './parse-table.ts';

export interface CellChange {
  id: string;
  field: CellField;
  before: string;
  after: string;
}

export interface TableDiff {
  added: string[];
  removed: string[];
  changed: CellChange[];
}

/** The rows of a parsed table keyed by batch-number id. */
function rowsById(table: SourceTable): Map<string, RawCells> {
  return new Map(table.sections.flatMap((s) => s.rows.map((r) => [`${r.batch}-${r.number}`, r.cells] as const)));
}

/**
 * Compares two versions of the source table cell by cell, by batch-number id,
 * so that a maintainer can review what a new version changes before publishing.
 */
export function diffTables(before: SourceTable, after: SourceTable): TableDiff {
  const old = rowsById(before);
  const now = rowsById(after);
  const changed = [...now].flatMap(([id, cells]) => {
    const previous = old.get(id);
    if (!previous) return [];
    return CELL_FIELDS.filter((f) => previous[f] !== cells[f]).map((field) => ({ id, field, before: previous[field], after: cells[field] }));
  });
  return {
    added: [...now.keys()].filter((id) => !old.has(id)),
    removed: [...old.keys()].filter((id) => !now.has(id)),
    changed,
  };
}
