import { z } from 'astro/zod';
import { SourceError } from './source-error.ts';
import { parseYamlList } from './yaml-source.ts';

/** Zod schema of one registry entry in content/bureaus.yaml. */
export const bureauEntrySchema = z
  .object({
    /** Stable ASCII part of the bureau page URL. */
    slug: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'slug must be lower-case ASCII words joined by hyphens'),
    /** Short name as the source table prints it, e.g. 市人社局. */
    name: z.string().min(1),
    /** Full official name, e.g. 石家庄市人力资源和社会保障局. */
    fullName: z.string().min(1),
    /** Other spellings of the same bureau found in the table. */
    aliases: z.array(z.string().min(1)),
  })
  .strict();

export type Bureau = z.infer<typeof bureauEntrySchema>;

/** A validated registry with name lookup. */
export interface BureauRegistry {
  bureaus: Bureau[];
  /** Finds the bureau a name or alias denotes. */
  resolve(name: string): Bureau | undefined;
  bySlug(slug: string): Bureau | undefined;
}

/**
 * Parses and validates the bureau registry: strict fields, unique slugs, and
 * every name and alias naming exactly one bureau.
 *
 * @throws {SourceError} naming the registry file, the entry's line and the value.
 */
export function parseBureauRegistry(text: string, file: string): BureauRegistry {
  const byName = new Map<string, Bureau>();
  const bySlug = new Map<string, Bureau>();
  const bureaus = parseYamlList(text, file).map(({ line, value }) => {
    const parsed = bureauEntrySchema.safeParse(value);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new SourceError(file, line, `invalid bureau entry: ${issue?.path.join('.')}: ${issue?.message}`, JSON.stringify(value));
    }
    const bureau = parsed.data;
    if (bySlug.has(bureau.slug)) throw new SourceError(file, line, `duplicate slug "${bureau.slug}"`, bureau.slug);
    bySlug.set(bureau.slug, bureau);
    for (const name of [bureau.name, ...bureau.aliases]) {
      if (byName.has(name)) throw new SourceError(file, line, `name "${name}" already names bureau "${byName.get(name)?.slug}"`, name);
      byName.set(name, bureau);
    }
    return bureau;
  });
  return { bureaus, resolve: (name) => byName.get(name), bySlug: (slug) => bySlug.get(slug) };
}

/** Splits a bureau cell such as 市公安局、市民政局 into names; an empty cell gives none. */
export function splitBureauCell(cell: string): string[] {
  return cell
    .split(/[、，,；;]/)
    .map((name) => name.trim())
    .filter((name) => name !== '');
}
