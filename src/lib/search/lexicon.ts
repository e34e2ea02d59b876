import { z } from 'astro/zod';
import { SourceError } from '../source-error.ts';
import { parseYamlList } from '../yaml-source.ts';
import { entriesFor, wordingOccursIn } from './rank.ts';

export { entriesFor };

/** Zod schema of one entry in content/lexicon.yaml. */
export const lexiconEntrySchema = z
  .object({
    /** Everyday words and abbreviations citizens type. */
    say: z.array(z.string().trim().min(1)).min(1),
    /**
     * Official wordings of the same service or a direct synonym; words separated by a
     * space must all occur in the item. The search page shows these as 匹配.
     */
    means: z.array(z.string().trim().min(1)).default([]),
    /**
     * Wordings of related but different services (纳税证明 → 纳税状况公证): searched too,
     * but shown as 相关, never as a match, and the item is not indexed under the `say` words.
     */
    related: z.array(z.string().trim().min(1)).default([]),
  })
  .strict()
  .refine((e) => e.means.length + e.related.length > 0, { message: 'give means or related wordings' });

/** One lexicon entry. */
export type LexiconEntry = z.infer<typeof lexiconEntrySchema>;

/**
 * Parses the lexicon, rejecting a word listed in two entries' `say`: one
 * everyday word must lead to one meaning.
 *
 * @throws {SourceError} naming the file, the entry's line and the value.
 */
export function parseLexicon(text: string, file: string): (LexiconEntry & { line: number })[] {
  const seen = new Map<string, number>();
  return parseYamlList(text, file).map(({ line, value }) => {
    const parsed = lexiconEntrySchema.safeParse(value);
    if (!parsed.success) throw SourceError.fromZod(file, line, 'invalid lexicon entry', parsed.error, value);
    for (const word of parsed.data.say) {
      const first = seen.get(word);
      if (first !== undefined) throw new SourceError(file, line, `"${word}" is already a say word on line ${first}`, word);
      seen.set(word, line);
    }
    return { ...parsed.data, line };
  });
}

export { wordingOccursIn };

/**
 * Finds `means` wordings that occur in no item: each is a dead entry, most
 * likely a typo, and stops the build.
 */
export function deadWordings<T extends LexiconEntry & { line: number }>(lexicon: readonly T[], texts: readonly string[]): { line: number; wording: string }[] {
  return lexicon.flatMap((entry) =>
    [...entry.means, ...entry.related].filter((m) => !texts.some((t) => wordingOccursIn(m, t))).map((wording) => ({ line: entry.line, wording })),
  );
}
