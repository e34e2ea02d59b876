import { z } from 'astro/zod';
import { BATCH_IDS } from '../core/batches.ts';
import { SourceError } from '../core/source-error.ts';
import { parseYamlSections } from '../core/yaml-source.ts';

/**
 * The permanent id of an item that a later version of the table added: n1, n2 …
 * A form of its own, so that it can never collide with a first-version id, and
 * numbered across all versions, so that it never collides with another new item.
 */
export const NEW_ITEM_ID_RE = /^n[1-9]\d*$/;

/**
 * Any permanent item id: a first-version id, the item's position in the first
 * recorded table (2-15; published before identities existed, so kept exactly,
 * and no later item ever gets this form), or a new item's id (n3).
 */
export const PERMANENT_ID_RE = /^(?:[1-9]\d*-[1-9]\d*|n[1-9]\d*)$/;

/** The id of the k-th item added after the first version. */
export function newItemId(k: number): string {
  return `n${k}`;
}

/** Zod schema of one maintainer's decision about a row of a version: which permanent id it has. */
export const identityDecisionSchema = z
  .object({
    /** The permanent id the row gets: an earlier item's id (renamed) or a new n-id (added). */
    id: z.string().regex(PERMANENT_ID_RE, 'permanent ids look like 2-15 or n1'),
    /** The row's batch in this version. */
    batch: z.literal(BATCH_IDS),
    /** The row's number within its batch in this version. */
    number: z.number().int().positive(),
    /** The row's name in this version, exactly as the table has it: checked, so a decision never lands on another row. */
    name: z.string().min(1),
  })
  .strict();

/** Zod schema of one version of the table in content/identities.yaml. */
export const identityVersionSchema = z
  .object({
    /** The seed file, relative to the project root (seeds/001_….txt). */
    seed: z.string().regex(/^seeds\/[^/]+\.txt$/),
    /** SHA-256 of the seed file's bytes: the record is of these bytes and no others. */
    sha256: z.string().regex(/^[0-9a-f]{64}$/),
    /** When the site received this version (ISO date), as the maintainer recorded it. */
    received: z.iso.date(),
    /** Rows that are an earlier item under a new name, with the id they keep. */
    renamed: z.array(identityDecisionSchema).default([]),
    /** Rows that are new items, with the n-id each gets. */
    added: z.array(identityDecisionSchema).default([]),
  })
  .strict();

/** One maintainer's decision about a row, with its line in the identities file. */
export type IdentityDecision = z.infer<typeof identityDecisionSchema> & { line: number };

/** One recorded version of the table, with its line in the identities file. */
export type IdentityVersion = Omit<z.infer<typeof identityVersionSchema>, 'renamed' | 'added'> & {
  line: number;
  renamed: IdentityDecision[];
  added: IdentityDecision[];
};

/** The record of every version of the table the site has published, oldest first. */
export interface IdentityRecord {
  file: string;
  versions: IdentityVersion[];
}

/**
 * Parses content/identities.yaml: the versions of the table, oldest first, each
 * with the maintainer's decisions. The first version takes no decisions (its
 * ids are its positions); every new item's id is unique across all versions.
 *
 * @throws {SourceError} naming the file, line and value.
 */
export function parseIdentities(text: string, file: string): IdentityRecord {
  const sections = parseYamlSections(text, file);
  const entries = sections.get('versions');
  if (!Array.isArray(entries) || entries.length === 0) throw new SourceError(file, 1, 'a "versions" list with at least the first table is required', '');
  const lines = text.split('\n');
  const versions = entries.map(({ line, value }, index): IdentityVersion => {
    const fields = { ...(value as Record<string, unknown>) };
    // YAML reads an unquoted date as a Date; the schema wants the ISO string.
    if (fields.received instanceof Date) fields.received = fields.received.toISOString().slice(0, 10);
    const parsed = identityVersionSchema.safeParse(fields);
    if (!parsed.success) throw SourceError.fromZod(file, line, 'invalid table version', parsed.error, value);
    const located = (list: z.infer<typeof identityDecisionSchema>[]) => list.map((d) => ({ ...d, line: decisionLine(lines, line, d.id) }));
    const version = { ...parsed.data, line, renamed: located(parsed.data.renamed), added: located(parsed.data.added) };
    if (index === 0 && version.renamed.length + version.added.length > 0)
      throw new SourceError(file, line, 'the first version takes no decisions: its ids are its positions', version.seed);
    for (const d of version.added) {
      if (!NEW_ITEM_ID_RE.test(d.id)) throw new SourceError(file, d.line, `a new item's id must look like n1, not "${d.id}"`, d.id);
    }
    return version;
  });
  const seen = new Map<string, IdentityVersion>();
  for (const v of versions) {
    const earlier = seen.get(v.seed);
    if (earlier) throw new SourceError(file, v.line, `${v.seed} is recorded twice (also on line ${earlier.line})`, v.seed);
    seen.set(v.seed, v);
  }
  const added = new Map<string, number>();
  for (const d of versions.flatMap((v) => v.added)) {
    const first = added.get(d.id);
    if (first !== undefined)
      throw new SourceError(file, d.line, `new item id ${d.id} is given twice (also on line ${first}); a new item's id is never reused`, d.id);
    added.set(d.id, d.line);
  }
  return { file, versions };
}

/** The line of a decision: the first line after its version's that names its id. */
function decisionLine(lines: readonly string[], from: number, id: string): number {
  const pattern = new RegExp(`\\bid:\\s*['"]?${id}['"]?(?![\\w-])`);
  const index = lines.findIndex((l, i) => i >= from - 1 && pattern.test(l));
  return index < 0 ? from : index + 1;
}
