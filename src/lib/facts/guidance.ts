import { z } from 'astro/zod';
import { citationSchema, resolvedCitationSchema, type ReferenceRegistry } from './references.ts';
import { REMARKS, type Remark } from '../core/remarks.ts';
import { SourceError } from '../core/source-error.ts';
import { parseYamlSections, type LocatedEntry } from '../core/yaml-source.ts';

/**
 * What a statement rests on when no document states it: plain advice
 * (以办理部门答复为准) or the site's own reading of the table's words.
 */
export const STATEMENT_BASES = ['advice', 'reading'] as const;

const statementFields = z
  .object({
    /** Stable id, unique in the file; tests and pages refer to it. */
    id: z.string().regex(/^[a-z0-9]+(?:[-.][a-z0-9]+)*$/),
    /** A short heading where the statement has one (e.g. the name of a mode). */
    title: z.string().min(1).optional(),
    /** The statement, in plain words. */
    text: z.string().min(1),
    /** A few words for lists, tables and print, where the full text does not fit. */
    short: z.string().min(1).optional(),
    /** The public source that supports it. */
    citation: citationSchema.optional(),
    /** Or, without a source, what it is: advice, or the site's reading of the table's words. */
    basis: z.enum(STATEMENT_BASES).optional(),
  })
  .strict();

/** Zod schema of one statement the site makes beyond the table, as written in content/guidance.yaml. */
export const statementSchema = statementFields.refine((s) => (s.citation === undefined) !== (s.basis === undefined), {
  message: 'give exactly one of citation or basis',
});

/** Zod schema of a statement with its citation resolved, as pages use it. */
export const resolvedStatementSchema = statementFields.extend({ citation: resolvedCitationSchema.optional() });

/** A statement with its citation resolved. */
export type Statement = z.infer<typeof resolvedStatementSchema>;

/** The kinds of channel a citizen can use. */
export const CHANNEL_KINDS = ['web', 'app', 'phone'] as const;

const channelFields = z
  .object({
    /** Stable id. */
    id: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/),
    /** The channel's name as its operator publishes it. */
    name: z.string().min(1),
    kind: z.enum(CHANNEL_KINDS),
    /** Web address; only one seen in an official source, else left out and the page shows none. */
    url: z.url({ protocol: /^https?$/ }).optional(),
    /** Number to call, for phone channels. */
    phone: z
      .string()
      .regex(/^[0-9-]+$/)
      .optional(),
    /** What a citizen can do there, in plain words. */
    text: z.string().min(1),
    /** One sentence for item pages' 怎么办理 paragraph, where the channel is shown there. */
    short: z.string().min(1).optional(),
    /**
     * Lead bureaus (slugs in content/bureaus.yaml) whose field this line serves, e.g. 12333
     * for 市人社局: item pages they lead show it. Without it the channel is general.
     */
    bureaus: z
      .array(z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/))
      .min(1)
      .optional(),
    citation: citationSchema,
  })
  .strict();

/** Zod schema of one channel, as written in content/guidance.yaml. */
export const channelSchema = channelFields.refine((c) => c.kind !== 'phone' || c.phone !== undefined, { message: 'a phone channel needs a phone number' });

/** Zod schema of a channel with its citation resolved. */
export const resolvedChannelSchema = channelFields.extend({ citation: resolvedCitationSchema });

/** A channel with its citation resolved. */
export type Channel = z.infer<typeof resolvedChannelSchema>;

/** Zod schema of everything the site explains beyond the table, each statement with its source. */
export const guidanceSchema = z
  .object({
    /** The how-to section of item pages: what 跨省通办 is, the three modes, the advice. */
    howTo: z.array(resolvedStatementSchema),
    /** Where citizens can apply or ask. */
    channels: z.array(resolvedChannelSchema),
    /** What each remark (备注) means, in plain words. */
    remarks: z.record(z.enum(REMARKS), resolvedStatementSchema),
    /** Facts on the about page. */
    about: z.array(resolvedStatementSchema),
  })
  .strict();

/** Everything the site explains beyond the table. */
export type Guidance = z.infer<typeof guidanceSchema>;

function statements(file: string, entries: LocatedEntry[], refs: ReferenceRegistry, seen: Set<string>): Statement[] {
  return entries.map((entry) => {
    const parsed = statementSchema.safeParse(entry.value);
    if (!parsed.success) throw SourceError.fromZod(file, entry.line, 'invalid statement', parsed.error, entry.value);
    const { citation, ...rest } = parsed.data;
    if (seen.has(rest.id)) throw new SourceError(file, entry.line, `duplicate statement id "${rest.id}"`, rest.id);
    seen.add(rest.id);
    return citation ? { ...rest, citation: refs.resolve(citation, file, entry.line) } : rest;
  });
}

/**
 * Parses content/guidance.yaml: the how-to statements, the channels, the
 * remark explanations and the about page's facts. Every statement cites a
 * known reference or says what it is instead (advice, a reading); every remark
 * the table uses must be explained.
 *
 * @throws {SourceError} naming the file, line and value of the first problem.
 */
export function parseGuidance(text: string, file: string, refs: ReferenceRegistry): Guidance {
  const sections = parseYamlSections(text, file);
  const list = (key: string): LocatedEntry[] => {
    const entries = sections.get(key);
    if (!Array.isArray(entries)) throw new SourceError(file, 1, `a "${key}" list is required`, key);
    return entries;
  };
  const seen = new Set<string>();
  const howTo = statements(file, list('howTo'), refs, seen);
  const about = statements(file, list('about'), refs, seen);
  const remarkList = statements(file, list('remarks'), refs, seen);
  const remarks = Object.fromEntries(
    REMARKS.map((remark) => {
      const found = remarkList.find((s) => s.title === remark);
      if (!found) throw new SourceError(file, 1, `no explanation for the remark "${remark}" (a statement titled ${remark} in "remarks")`, remark);
      return [remark, found];
    }),
  ) as Record<Remark, Statement>;
  const channels = list('channels').map((entry) => {
    const parsed = channelSchema.safeParse(entry.value);
    if (!parsed.success) throw SourceError.fromZod(file, entry.line, 'invalid channel', parsed.error, entry.value);
    return { ...parsed.data, citation: refs.resolve(parsed.data.citation, file, entry.line) };
  });
  return { howTo, channels, remarks, about };
}

/**
 * The phone lines an item page names, field lines first: those that serve one of
 * the item's lead bureaus (12333 for 市人社局), then the general ones (12345).
 * Only channels with a number, each of which cites its source.
 */
export function itemHotlines<C extends Pick<Channel, 'phone' | 'bureaus'>>(channels: readonly C[], lead: readonly string[]): C[] {
  const phones = channels.filter((c) => c.phone !== undefined);
  return [...phones.filter((c) => c.bureaus?.some((slug) => lead.includes(slug))), ...phones.filter((c) => c.bureaus === undefined)];
}
