import { z } from 'astro/zod';
import { citationSchema, resolvedCitationSchema, type ReferenceRegistry } from '../facts/references.ts';
import { citySchema, OWN_CITY_CODE, type City } from '../core/cities.ts';
import { SourceError } from '../core/source-error.ts';
import { dialsAnywhere } from '../facts/phone.ts';
import { parseYamlList } from '../core/yaml-source.ts';

/** The contact fields a deploying office may fill in, in the order pages show them. */
export const CONTACT_FIELDS = ['website', 'address', 'phone', 'hours'] as const;

/** What each contact field is called on the page. */
export const CONTACT_LABELS: Readonly<Record<(typeof CONTACT_FIELDS)[number], string>> = {
  website: '网站',
  address: '办公地址',
  phone: '咨询电话',
  hours: '办公时间',
};

/** Builds the contact schema around a citation schema: as written, or resolved. */
const contactSchema = <C extends z.ZodType>(citation: C) =>
  z
    .object({
      /** The bureau's official website. */
      website: z
        .object({ value: z.url({ protocol: /^https?$/ }), citation })
        .strict()
        .optional(),
      /** Where citizens go in person. */
      address: z
        .object({ value: z.string().min(1), citation })
        .strict()
        .optional(),
      /**
       * A number for questions, digits and hyphens, written so that it reaches the bureau from
       * anywhere (0311-…, a mobile or 400 number): pages make it a tap-to-call link.
       */
      phone: z
        .object({
          value: z
            .string()
            .regex(/^[0-9-]+$/)
            .refine(dialsAnywhere, { message: 'write the number with its area code (0311-…) so that it reaches the bureau from another city' }),
          citation,
        })
        .strict()
        .optional(),
      /** Office hours, as the bureau publishes them. */
      hours: z
        .object({ value: z.string().min(1), citation })
        .strict()
        .optional(),
    })
    .strict();

/** Builds a bureau note schema around a citation schema. */
const noteSchema = <C extends z.ZodType>(citation: C) => z.object({ text: z.string().min(1), citation }).strict();

const bureauFields = {
  /** Stable ASCII part of the bureau page URL. */
  slug: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'slug must be lower-case ASCII words joined by hyphens'),
  /** Short name as the source table prints it, e.g. 市人社局. */
  name: z.string().min(1),
  /** Full official name, e.g. 石家庄市人力资源和社会保障局. */
  fullName: z.string().min(1),
  /** True where the table's short name does not settle the full name and the site inferred it. */
  fullNameInferred: z.boolean().default(false),
  /** Other spellings of the same bureau found in the table. */
  aliases: z.array(z.string().min(1)),
  /** The city the bureau serves, where it is not the table's own (a national catalog's other cities); absent for the own city's bureaus. */
  city: citySchema.optional(),
};

/** Zod schema of a bureau as pages use it: citations resolved. */
export const bureauSchema = z
  .object({
    ...bureauFields,
    /** Dated, sourced notes, e.g. a later change of name. */
    notes: z.array(noteSchema(resolvedCitationSchema)),
    /** Contact details, each with its source; empty unless verified. */
    contact: contactSchema(resolvedCitationSchema),
  })
  .strict();

/** A bureau of the registry. */
export type Bureau = z.infer<typeof bureauSchema>;

/** Zod schema of one registry entry as written in content/bureaus.yaml. */
export const bureauEntrySchema = z
  .object({
    ...bureauFields,
    notes: z.array(noteSchema(citationSchema)).default([]),
    contact: contactSchema(citationSchema).default({}),
  })
  .strict();

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
export function parseBureauRegistry(text: string, file: string, refs: ReferenceRegistry): BureauRegistry {
  const byName = new Map<string, Bureau>();
  const bySlug = new Map<string, Bureau>();
  const cities = new Map<string, City>();
  const bureaus = parseYamlList(text, file).map(({ line, value }) => {
    const parsed = bureauEntrySchema.safeParse(value);
    if (!parsed.success) throw SourceError.fromZod(file, line, 'invalid bureau entry', parsed.error, value);
    const resolve = (c: z.infer<typeof citationSchema>) => refs.resolve(c, file, line);
    const contact = Object.fromEntries(Object.entries(parsed.data.contact).map(([key, v]) => [key, { value: v.value, citation: resolve(v.citation) }]));
    const bureau: Bureau = {
      ...parsed.data,
      notes: parsed.data.notes.map((n) => ({ text: n.text, citation: resolve(n.citation) })),
      contact,
    };
    if (bySlug.has(bureau.slug)) throw new SourceError(file, line, `duplicate slug "${bureau.slug}"`, bureau.slug);
    if (bureau.city) {
      const { code, name, fictional } = bureau.city;
      if (code === OWN_CITY_CODE) throw new SourceError(file, line, `city code "${code}" is the table's own city; leave city out for its bureaus`, code);
      const known = cities.get(code) ?? bureau.city;
      if (known.name !== name || known.fictional !== fictional)
        throw new SourceError(file, line, `city "${code}" is called "${known.name}" elsewhere in the registry`, name);
      cities.set(code, known);
    }
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

/** The bureaus that lead or cooperate in some item and have no contact detail filled in: a deploying office's gap list. */
export function bureausWithoutContact(bureaus: readonly Bureau[], items: readonly { lead: readonly string[]; cooperating: readonly string[] }[]): Bureau[] {
  const named = new Set(items.flatMap((i) => [...i.lead, ...i.cooperating]));
  return bureaus.filter((b) => named.has(b.slug) && CONTACT_FIELDS.every((key) => b.contact[key] === undefined));
}

/**
 * How the table itself writes a bureau, from the cells of the items naming it: its name or an alias
 * as printed, or the text a correction replaced by its name (市行石家庄中心支行 for 人民银行石家庄中心支行).
 * A name in a corrected cell that denotes another bureau is that bureau's, not this one's.
 */
export function tableSpellings(
  bureau: Pick<Bureau, 'slug' | 'name' | 'aliases'>,
  bureaus: readonly Pick<Bureau, 'slug' | 'name' | 'aliases'>[],
  items: readonly {
    lead: readonly string[];
    cooperating: readonly string[];
    source: Record<'lead' | 'cooperating', string>;
    notes: readonly { field: string; original: string; corrected: string }[];
  }[],
): string[] {
  const owner = new Map(bureaus.flatMap((b) => [b.name, ...b.aliases].map((n) => [n, b.slug] as const)));
  const own = new Set([bureau.name, ...bureau.aliases]);
  const found = new Set<string>();
  for (const item of items) {
    for (const field of ['lead', 'cooperating'] as const) {
      if (!item[field].includes(bureau.slug)) continue;
      for (const part of splitBureauCell(item.source[field])) {
        const replaced = item.notes.some((n) => n.field === field && n.original.includes(part) && [...own].some((name) => n.corrected.includes(name)));
        if (own.has(part) || (replaced && owner.get(part) === undefined)) found.add(part);
      }
    }
  }
  return [...found];
}
