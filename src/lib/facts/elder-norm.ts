import { z } from 'astro/zod';
import { citationSchema, isoDate, resolvedCitationSchema, type ReferenceRegistry } from './references.ts';
import { SourceError } from '../core/source-error.ts';
import { parseYamlSections } from '../core/yaml-source.ts';

/** The two 工信部 norms of April 2021. */
export const ELDER_NORMS = {
  website: '互联网网站适老化通用设计规范',
  app: '移动互联网应用（App）适老化通用设计规范',
} as const;

/** How the site stands against one requirement. */
export const NORM_STATUS = {
  met: '符合',
  partly: '部分符合',
  'not-applicable': '不适用',
  'not-met': '不符合',
} as const;

/** Zod schema of one requirement of the norms and the site's answer to it, in content/elder-norm.yaml. */
export const normRequirementSchema = z
  .object({
    /** Stable id, e.g. large-pointer. */
    id: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/),
    /** Which norm asks it. */
    norm: z.enum(Object.keys(ELDER_NORMS) as [keyof typeof ELDER_NORMS]),
    /** The norm's clause number, only as read in the norm's own text; absent while that text has not been seen. */
    clause: z.string().min(1).optional(),
    /** What the norm asks, in the words of the source cited (never more than it says). */
    requirement: z.string().min(1),
    /** Where the requirement was read, and when. */
    citation: citationSchema,
    status: z.enum(Object.keys(NORM_STATUS) as [keyof typeof NORM_STATUS]),
    /** What the site does, or why it does not. */
    site: z.string().min(1),
    /** How that is tested: the automated test, or the manual check. */
    test: z.string().min(1),
    /** When a person last checked the site against the requirement (ISO date). */
    checked: isoDate,
  })
  .strict();

/** A requirement with its source resolved, as the self-evaluation page shows it. */
export const resolvedNormRequirementSchema = normRequirementSchema.extend({ citation: resolvedCitationSchema });

/** One requirement of the 适老化 norms and the site's answer to it. */
export type NormRequirement = z.infer<typeof resolvedNormRequirementSchema>;

/**
 * Parses content/elder-norm.yaml: a `requirements` list, each citing a
 * reference of `references`.
 *
 * @throws {SourceError} naming the file, line and value of a bad, duplicate or uncited entry.
 */
export function parseElderNorm(text: string, file: string, references: ReferenceRegistry): NormRequirement[] {
  const entries = parseYamlSections(text, file).get('requirements');
  if (!Array.isArray(entries)) throw new SourceError(file, 1, 'a "requirements" list is required', '');
  const seen = new Set<string>();
  return entries.map((entry) => {
    const parsed = normRequirementSchema.safeParse(entry.value);
    if (!parsed.success) throw SourceError.fromZod(file, entry.line, 'invalid requirement', parsed.error, entry.value);
    if (seen.has(parsed.data.id)) throw new SourceError(file, entry.line, `duplicate requirement id "${parsed.data.id}"`, parsed.data.id);
    seen.add(parsed.data.id);
    return { ...parsed.data, citation: references.resolve(parsed.data.citation, file, entry.line) };
  });
}
