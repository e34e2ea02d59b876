import { z } from 'astro/zod';
import { SourceError } from '../core/source-error.ts';
import { parseYamlSections, type LocatedEntry } from '../core/yaml-source.ts';

/** Reads an unquoted YAML date (which the parser turns into a Date) as an ISO date string. */
export const isoDate = z.preprocess((v) => (v instanceof Date ? v.toISOString().slice(0, 10) : v), z.iso.date());

/** Zod schema of one public source in content/references.yaml. */
export const referenceSchema = z
  .object({
    /** Stable id that statements cite, e.g. gbf-2020-35. */
    id: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/),
    /** The document's or page's title as published. */
    title: z.string().min(1),
    /** Issuing body. */
    publisher: z.string().min(1),
    /** Document number, e.g. 国办发〔2020〕35号, where it has one. */
    number: z.string().min(1).optional(),
    /** Date of the document (ISO), where it has one. */
    date: isoDate.optional(),
    /** Where the public can read it; only an address seen in a public copy, never a guess. */
    url: z.url({ protocol: /^https?$/ }).optional(),
  })
  .strict();

/** A public source that the site's statements cite. */
export type Reference = z.infer<typeof referenceSchema>;

/** Zod schema of where a statement comes from: a reference, the place in it, and when it was checked. */
export const citationSchema = z
  .object({
    /** Id of a reference in content/references.yaml. */
    source: z.string().min(1),
    /** Where in the source, e.g. 二、（二）. */
    locator: z.string().min(1).optional(),
    /** When a person last checked the statement against the source (ISO date). */
    checked: isoDate,
  })
  .strict();

/** Where a statement comes from. */
export type Citation = z.infer<typeof citationSchema>;

/** Zod schema of a citation with its reference resolved, as pages show it. */
export const resolvedCitationSchema = citationSchema.extend({ reference: referenceSchema });

/** A citation with its reference resolved. */
export type ResolvedCitation = z.infer<typeof resolvedCitationSchema>;

/** The registry of references, with lookup that fails the build on an unknown id. */
export interface ReferenceRegistry {
  references: Reference[];
  /**
   * Resolves a citation found at `file:line`.
   *
   * @throws {SourceError} when the citation names no known reference.
   */
  resolve(citation: Citation, file: string, line: number): ResolvedCitation;
}

/**
 * Parses content/references.yaml: a `references` list of public sources with unique ids.
 *
 * @throws {SourceError} naming the file, line and value of a bad or duplicate entry.
 */
export function parseReferences(text: string, file: string): ReferenceRegistry {
  const entries = parseYamlSections(text, file).get('references');
  if (!Array.isArray(entries)) throw new SourceError(file, 1, 'a "references" list is required', '');
  const byId = new Map<string, Reference>();
  const references = entries.map((entry: LocatedEntry) => {
    const parsed = referenceSchema.safeParse(entry.value);
    if (!parsed.success) throw SourceError.fromZod(file, entry.line, 'invalid reference', parsed.error, entry.value);
    if (byId.has(parsed.data.id)) throw new SourceError(file, entry.line, `duplicate reference id "${parsed.data.id}"`, parsed.data.id);
    byId.set(parsed.data.id, parsed.data);
    return parsed.data;
  });
  return {
    references,
    resolve(citation, citingFile, line) {
      const reference = byId.get(citation.source);
      if (!reference) throw new SourceError(citingFile, line, `unknown source "${citation.source}"; add it to ${file}`, citation.source);
      return { ...citation, reference };
    },
  };
}
