import { isInferred, type AppliedNote } from '../source/corrections.ts';
import type { CellField } from '../source/parse-table.ts';

/**
 * The one mark beside a value the site inferred (a gap filled, a shifted cell
 * put back), in every place the value is shown: page, printout, share card,
 * search result, CSV. It is short because it repeats down lists and tables;
 * INFERRED_LEGEND explains it once per page.
 */
export const INFERRED_MARK = '本站推定';

/** What INFERRED_MARK means, said once on a page that shows it. */
export const INFERRED_LEGEND = `${INFERRED_MARK}：原表此处空白或有误，由本站根据上下文推断，以办理部门的答复为准`;

/**
 * The mark shown beside a field's value wherever it is shown, so that a guess
 * never passes for a fact: INFERRED_MARK for a value the site inferred, or an
 * annotation's note (与牵头单位相同，原表如此). Undefined when the value is
 * the table's own.
 */
export function fieldMark(notes: readonly AppliedNote[], field: CellField): string | undefined {
  return inferredMark(notes, field) ?? notes.find((n) => n.field === field && n.kind === 'annotation')?.corrected;
}

/** INFERRED_MARK when the site inferred the field's value; undefined when it is the table's own. */
export function inferredMark(notes: readonly AppliedNote[], field: CellField): typeof INFERRED_MARK | undefined {
  return isInferred(notes, field) ? INFERRED_MARK : undefined;
}

/** A value followed by its mark in full-width brackets, 市人社局（本站推定）; the bare value when there is no mark. */
export function withMark(value: string, mark: string | undefined): string {
  return mark ? `${value}（${mark}）` : value;
}

/**
 * The mark beside a count that includes items whose bureau field the site inferred:
 * 其中 11 项含本站推定. Undefined when none is inferred. Use with withMark: 12（其中 11 项含本站推定）.
 */
export function inferredCountMark(inferred: number): string | undefined {
  return inferred > 0 ? `其中 ${inferred} 项含${INFERRED_MARK}` : undefined;
}

/**
 * The display name of whatever a slug names (a bureau, a topic): its short name,
 * or the slug itself, so that a missing entry shows something traceable rather than a blank.
 */
export function nameOf(bySlug: ReadonlyMap<string, { name: string }>): (slug: string) => string {
  return (slug) => bySlug.get(slug)?.name ?? slug;
}

/** An item's lead bureaus as text, with the mark of an inferred lead: 市人社局（本站推定）. */
export function leadText(item: { lead: readonly string[]; notes: readonly AppliedNote[] }, bureauName: (slug: string) => string): string {
  return withMark(item.lead.map(bureauName).join('、'), fieldMark(item.notes, 'lead'));
}

/** True when the table's scenario itself says the item can be applied for online. */
export function saysOnline(scenario: string): boolean {
  return scenario.includes('网上');
}
