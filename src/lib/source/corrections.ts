import { z } from 'astro/zod';
import { CELL_FIELDS, type CellField, type RawCells } from './parse-table.ts';
import { PERMANENT_ID_RE } from '../core/item-id.ts';
import { SourceError } from '../core/source-error.ts';
import { parseYamlList } from '../core/yaml-source.ts';

/** Zod schema of one entry in content/corrections.yaml. */
export const correctionEntrySchema = z
  .object({
    /**
     * `correct` (the default) replaces `original` with `corrected`; `annotate`
     * keeps the cell exactly as the table has it and shows `corrected` as a note
     * beside it, for a value that is odd but not provably wrong.
     */
    action: z.enum(['correct', 'annotate']).default('correct'),
    /** The items the correction applies to, by permanent id. */
    items: z.array(z.string().regex(PERMANENT_ID_RE, 'item ids look like 2-19 or n1')).min(1),
    /** The source column corrected. */
    field: z.enum(CELL_FIELDS),
    /** Text exactly as the source has it; empty means the cell must be empty. */
    original: z.string(),
    /** The value the site uses instead. */
    corrected: z.string(),
    /** True where the value is deduced (a gap filled), not a plain typo fixed. */
    inferred: z.boolean(),
    /** Why, in words a citizen can follow. */
    reason: z.string().min(1),
  })
  .strict()
  .refine((c) => c.action === 'annotate' || c.original !== c.corrected, { message: 'original and corrected are the same' })
  .refine((c) => c.action === 'correct' || c.original !== '', { message: 'an annotation needs the cell text it explains in original' });

/** A correction entry with its location in the corrections file. */
export type Correction = z.infer<typeof correctionEntrySchema> & { file: string; line: number };

/**
 * Where a note comes from: a correction or an annotation in corrections.yaml,
 * or an alias in the bureau registry.
 */
export const NOTE_KINDS = ['correction', 'annotation', 'alias'] as const;

/** Zod schema of a change (or note) the site made to an item's source cells, shown on its page and the data notes. */
export const appliedNoteSchema = z
  .object({
    /** The source column. */
    field: z.enum(CELL_FIELDS),
    /** The cell text as the table has it. */
    original: z.string(),
    /** The value the site uses, or for an annotation the note shown beside the original. */
    corrected: z.string(),
    /** True where the site deduced the value. */
    inferred: z.boolean(),
    /** Why, in plain words. */
    reason: z.string().min(1),
    kind: z.enum(NOTE_KINDS),
  })
  .strict();

/** A change the site made to an item's source cells. */
export type AppliedNote = z.infer<typeof appliedNoteSchema>;

/**
 * Parses and validates the corrections file.
 *
 * @throws {SourceError} naming the file, the entry's line and the value.
 */
export function parseCorrections(text: string, file: string): Correction[] {
  return parseYamlList(text, file).map(({ line, value }) => {
    const parsed = correctionEntrySchema.safeParse(value);
    if (!parsed.success) throw SourceError.fromZod(file, line, 'invalid correction', parsed.error, value);
    return { ...parsed.data, file, line };
  });
}

function countOccurrences(haystack: string, needle: string): number {
  return haystack.split(needle).length - 1;
}

/**
 * Applies the corrections that name one item to its raw cells. Every
 * correction must still match the source: an empty `original` needs an empty
 * cell, any other must occur exactly once in it.
 *
 * @throws {SourceError} naming the corrections file and line when the source no longer matches.
 */
export function applyCorrections(itemId: string, cells: RawCells, corrections: readonly Correction[]): { cells: RawCells; notes: AppliedNote[] } {
  const result: RawCells = { ...cells };
  const notes: AppliedNote[] = [];
  for (const c of corrections) {
    if (!c.items.includes(itemId)) continue;
    const cell = result[c.field];
    const stale = (why: string): never => {
      throw new SourceError(
        c.file,
        c.line,
        `correction for item ${itemId} (${c.field}) no longer matches the source: ${why}; the cell now reads ${JSON.stringify(cell)}`,
        c.original,
      );
    };
    if (c.action === 'annotate') {
      if (cell !== c.original) stale('an annotation expects the cell to read exactly the original');
      notes.push({ field: c.field, original: c.original, corrected: c.corrected, inferred: c.inferred, reason: c.reason, kind: 'annotation' });
      continue;
    }
    if (c.original === '') {
      if (cell !== '') stale('it expects an empty cell');
      result[c.field] = c.corrected;
    } else {
      const count = countOccurrences(cell, c.original);
      if (count !== 1) stale(count === 0 ? 'the original text is not there' : `the original text occurs ${count} times`);
      result[c.field] = cell.replace(c.original, c.corrected);
    }
    notes.push({ field: c.field, original: c.original, corrected: c.corrected, inferred: c.inferred, reason: c.reason, kind: 'correction' });
  }
  return { cells: result, notes };
}

/**
 * Lists corrections that name an item the table does not have: a correction
 * that applies to nothing is a mistake in the corrections file.
 */
export function unusedCorrectionTargets(corrections: readonly Correction[], itemIds: ReadonlySet<string>): { correction: Correction; item: string }[] {
  return corrections.flatMap((correction) => correction.items.filter((item) => !itemIds.has(item)).map((item) => ({ correction, item })));
}

/** True when the site inferred the value it shows for a field (a gap filled, a shifted cell put back). */
export function isInferred(notes: readonly AppliedNote[], field: CellField): boolean {
  return notes.some((n) => n.field === field && n.inferred);
}
