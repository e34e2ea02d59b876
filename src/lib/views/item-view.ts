import type { AppliedNote } from '../source/corrections.ts';
import type { CellField } from '../source/parse-table.ts';

/**
 * The mark shown beside a field's value wherever it is shown, so that a guess
 * never passes for a fact: 原表空白，本站推定 for a gap the site filled, 本站推定
 * for another inferred value, or an annotation's note (与牵头单位相同（原表如此）).
 * Undefined when the value is the table's own.
 */
export function fieldMark(notes: readonly AppliedNote[], field: CellField): string | undefined {
  const inferred = notes.find((n) => n.field === field && n.inferred && n.kind === 'correction');
  if (inferred) return inferred.original === '' ? '原表空白，本站推定' : '本站推定';
  return notes.find((n) => n.field === field && n.kind === 'annotation')?.corrected;
}

/** True when the table's scenario itself says the item can be applied for online. */
export function saysOnline(scenario: string): boolean {
  return scenario.includes('网上');
}
