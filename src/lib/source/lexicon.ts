import { z } from 'astro/zod';
import { SourceError } from '../core/source-error.ts';
import { parseYamlList } from '../core/yaml-source.ts';
import { hasLatin, LATIN_CLASSES, PHRASE_CLASSES, wordingOccursIn, type PhraseClass } from './wording.ts';

/** Classes whose `means` and `related` are wordings of items, checked against the catalog. */
const ITEM_WORDING_CLASSES: readonly PhraseClass[] = ['service', 'verb', 'group', 'purpose'];

/** Classes that only remove words: they stand for nothing. */
const STRIPPED_CLASSES: readonly PhraseClass[] = ['filler', 'place', 'pinyin-filler', 'facet'];

/**
 * Zod schema of one entry of content/lexicon.yaml (service words) and content/phrasing.yaml
 * (verbs, groups of people, purposes, fillers, places, pinyin and foreign words): one schema for all phrasing.
 */
export const lexiconEntrySchema = z
  .object({
    /** What kind of phrasing: a service word (the default), or how people phrase the rest of a request. */
    class: z.enum(PHRASE_CLASSES).default('service'),
    /** Everyday words and abbreviations citizens type. */
    say: z.array(z.string().trim().min(1)).min(1),
    /**
     * Official wordings of the same service or a direct synonym; words separated by a
     * space must all occur in the item. The search page shows these as 匹配. For a verb: the
     * table's verbs; for pinyin and foreign words: the Chinese word they stand for.
     */
    means: z.array(z.string().trim().min(1)).default([]),
    /**
     * Wordings of related but different services (纳税证明 → 纳税状况公证): searched too,
     * but shown as 相关，不是同一事项, never as a match, and the item is not indexed under the `say` words.
     */
    related: z.array(z.string().trim().min(1)).default([]),
    /** For verbs: the action changes which service is meant (补办, 注销), so an item doing something else is only partial. */
    strong: z.boolean().optional(),
    /** For one verb: the action assumed when a query names none (getting a 社保卡): of otherwise equal items, one doing it comes first. */
    default: z.boolean().optional(),
    /**
     * For a service word with `related` wordings: whether they are the same service is not known (教师资格证 and
     * 专业技术人员职业资格证书). The page then says 可能相关，请向办理部门确认 instead of asserting a difference.
     */
    unsure: z.boolean().optional(),
    /**
     * Read only when a query has a word the page's own data does not know (一份, 装修): the entry travels in
     * the lazily loaded pagefind/facets.txt, not in the search page, which every search downloads.
     */
    rare: z.boolean().optional(),
    /**
     * The facet a word states about the service asked for, as `kind=value` (装修 → `purpose=装修`, 给员工 →
     * `who=单位`): a value declared in content/facets.yaml. An item whose own limit of that kind differs is never 匹配.
     */
    facet: z
      .string()
      .regex(/^[a-z]+=\S+$/, 'write kind=value')
      .optional(),
  })
  .strict()
  .refine((e) => STRIPPED_CLASSES.includes(e.class) || e.means.length + e.related.length > 0, { message: 'give means or related wordings' })
  .refine((e) => !STRIPPED_CLASSES.includes(e.class) || e.means.length + e.related.length === 0, {
    message: 'fillers, places and pinyin fillers stand for nothing: give no means or related',
  })
  .refine((e) => e.class === 'service' || e.related.length === 0, { message: 'only service words have related wordings' })
  .refine((e) => e.strong === undefined || e.class === 'verb', { message: 'only verbs are strong' })
  .refine((e) => e.default === undefined || e.class === 'verb', { message: 'only a verb is the default action' })
  .refine((e) => e.unsure === undefined || e.related.length > 0, { message: 'unsure is said of related wordings: give related' })
  .refine((e) => e.class !== 'facet' || e.facet !== undefined, { message: 'a facet entry states a facet: give facet' });

/** One lexicon or phrasing entry. */
export type LexiconEntry = z.infer<typeof lexiconEntrySchema>;

/** An entry with where it was written, for error messages. */
export type LocatedLexiconEntry = LexiconEntry & { file: string; line: number };

/**
 * Parses one lexicon or phrasing file, rejecting a word listed in two entries' `say`: one
 * everyday word must lead to one meaning ({@link checkPhrasing} checks across files).
 *
 * @throws {SourceError} naming the file, the entry's line and the value.
 */
export function parseLexicon(text: string, file: string): LocatedLexiconEntry[] {
  const entries = parseYamlList(text, file).map(({ line, value }) => {
    const parsed = lexiconEntrySchema.safeParse(value);
    if (!parsed.success) throw SourceError.fromZod(file, line, 'invalid lexicon entry', parsed.error, value);
    return { ...parsed.data, file, line };
  });
  checkPhrasing(entries);
  return entries;
}

/** A query is read after NFKC, lower case and punctuation to spaces: a `say` word must survive that unchanged. */
function normalized(word: string): string {
  return word
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/**
 * Checks the lexicon and phrasing entries together: a `say` word defined twice, and one entry
 * shadowing another, stop the build:
 *
 * - a word that never reaches the reader as written (capitals, full-width forms, punctuation);
 * - a pinyin or foreign word without Latin letters, which no query that loads them could have;
 * - a service, verb, group or purpose word containing a place phrase, which is stripped before words are read.
 *
 * @throws {SourceError} naming the file and line of the later entry and the word.
 */
export function checkPhrasing(entries: readonly LocatedLexiconEntry[]): void {
  const seen = new Map<string, LocatedLexiconEntry>();
  const where = (e: LocatedLexiconEntry) => `${e.file}:${e.line}`;
  for (const entry of entries) {
    for (const word of entry.say) {
      if (normalized(word) !== word)
        throw new SourceError(entry.file, entry.line, `"${word}" can never be typed as written: queries are read as "${normalized(word)}"`, word);
      if (LATIN_CLASSES.includes(entry.class) && !hasLatin(word))
        throw new SourceError(entry.file, entry.line, `"${word}" has no Latin letter: ${entry.class} words are only read in queries with Latin letters`, word);
      const first = seen.get(word);
      if (first) throw new SourceError(entry.file, entry.line, `"${word}" is already a say word at ${where(first)}`, word);
      seen.set(word, entry);
    }
  }
  const places = entries.filter((e) => e.class === 'place').flatMap((e) => e.say);
  for (const entry of entries) {
    if (!ITEM_WORDING_CLASSES.includes(entry.class)) continue;
    for (const word of entry.say) {
      const place = places.find((p) => word.includes(p));
      if (place) throw new SourceError(entry.file, entry.line, `"${word}" is shadowed by the place "${place}", which is stripped from queries first`, word);
    }
  }
}

/**
 * Finds `means` and `related` wordings of service, verb, group and purpose entries that occur in
 * no item: each is a dead entry, most likely a typo, and stops the build.
 */
export function deadWordings(
  lexicon: readonly (Omit<LexiconEntry, 'class'> & { class?: PhraseClass; file?: string; line: number })[],
  texts: readonly string[],
): { file?: string; line: number; wording: string }[] {
  return lexicon.flatMap((entry) =>
    ITEM_WORDING_CLASSES.includes(entry.class ?? 'service')
      ? [...entry.means, ...entry.related]
          .filter((m) => !texts.some((t) => wordingOccursIn(m, t)))
          .map((wording) => ({ ...(entry.file ? { file: entry.file } : {}), line: entry.line, wording }))
      : [],
  );
}

/** The service words among lexicon and phrasing entries: the ones items are indexed under. */
export function serviceEntries<T extends { class?: PhraseClass }>(entries: readonly T[]): T[] {
  return entries.filter((e) => (e.class ?? 'service') === 'service');
}
