import { z } from 'astro/zod';
import { SourceError } from '../core/source-error.ts';
import { parseYamlList } from '../core/yaml-source.ts';

/** Zod schema of content/source.yaml's single entry. */
export const sourceInfoSchema = z
  .object({
    /** The document's title. */
    document: z.string().min(1),
    /** Who issued it. */
    publisher: z.string().min(1),
    /** The national policy it implements. */
    basis: z.string().min(1),
    /** Which of publisher and basis the site inferred (the table states neither): shown with 本站推定. */
    inferred: z.array(z.enum(['publisher', 'basis'])),
    /** Why, in plain words for the reader. */
    inferenceNote: z.string().min(1),
    /** The date the document itself carries (ISO), or null: the table states none. */
    documentDate: z.iso.date().nullable(),
    /** When this version of the table was taken into the site (ISO date). */
    received: z.iso.date(),
    /** When the site's data (seed or content/) last changed (ISO date). */
    dataUpdated: z.iso.date(),
  })
  .strict();

export type SourceInfo = z.infer<typeof sourceInfoSchema>;

/**
 * Parses content/source.yaml: exactly one entry.
 *
 * @throws {SourceError} naming the file, line and value.
 */
export function parseSourceInfo(text: string, file: string): SourceInfo {
  const entries = parseYamlList(text, file);
  if (entries.length !== 1) throw new SourceError(file, entries[1]?.line ?? 1, `expected exactly one entry, found ${entries.length}`, '');
  const [entry] = entries as [(typeof entries)[number]];
  // YAML reads an unquoted date as a Date; the schema wants the ISO string.
  const value = { ...(entry.value as Record<string, unknown>) };
  for (const key of ['documentDate', 'received', 'dataUpdated']) {
    if (value[key] instanceof Date) value[key] = value[key].toISOString().slice(0, 10);
  }
  value.documentDate ??= null;
  const parsed = sourceInfoSchema.safeParse(value);
  if (!parsed.success) throw SourceError.fromZod(file, entry.line, 'invalid source info', parsed.error, entry.value);
  return parsed.data;
}
