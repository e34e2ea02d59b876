import { z } from 'astro/zod';
import { pinyin } from 'pinyin-pro';
import { segmentWords } from './segment.ts';

export { segmentWords };
import type { LexiconEntry } from './lexicon.ts';
import { entriesFor, everydayWords, meaningfulScenario, wordingOccursIn } from './rank.ts';

const HAN = /\p{Script=Han}/u;

/**
 * Pinyin spellings a citizen might type for a Chinese word: the full syllables
 * run together (shebaoka) for words of up to four characters, and the initials
 * (sbk) of words of three to seven characters. Words without Chinese characters give nothing.
 */
/** Longest word, in characters, indexed under its full pinyin. */
const MAX_FULL_PINYIN = 4;
/** Longest word indexed under its initials. */
const MAX_INITIALS = 7;

export function pinyinSpellings(word: string): string[] {
  const han = [...word].filter((ch) => HAN.test(ch)).join('');
  if (han === '') return [];
  const syllables = pinyin(han, { toneType: 'none', type: 'array', v: true }).map((s) => s.toLowerCase());
  const full = syllables.join('');
  // Two-letter initials (sb, hk) would match half the catalog; three and more are distinctive. People
  // spell short words in full (shebaoka, canjirenzheng) and abbreviate longer ones (sbjfjl): the full
  // spelling of a longer phrase would only weigh on every search's index.
  const spellings = han.length <= MAX_FULL_PINYIN ? [full] : [];
  if (han.length >= 3 && han.length <= MAX_INITIALS) spellings.push(syllables.map((s) => s[0]).join(''));
  return spellings;
}

export { meaningfulScenario };

/** Zod schema of the hidden search terms of one item, by kind, for the page's index-only block. */
export const itemSearchTermsSchema = z
  .object({
    /** Everyday words from the lexicon whose official wording occurs in the item. */
    everyday: z.array(z.string()),
    /** Pinyin and initials of the everyday words, of the official wordings they stand for, and of the name's words. */
    pinyin: z.array(z.string().regex(/^[a-z]+$/)),
  })
  .strict();

/** The hidden search terms of one item. */
export type ItemSearchTerms = z.infer<typeof itemSearchTermsSchema>;

/**
 * Computes the words an item is indexed under besides its visible text, so
 * that a citizen's own words (社保卡, 驾照, gongjijin, sbk) find it.
 */
export function itemSearchTerms(item: { name: string; scenario: string }, lexicon: readonly Pick<LexiconEntry, 'say' | 'means'>[]): ItemSearchTerms {
  const text = `${item.name} ${meaningfulScenario(item.scenario)}`;
  const entries = entriesFor(lexicon, text);
  const everyday = everydayWords(text, lexicon);
  // Official wordings too: someone who knows the word 驾驶证 may type its pinyin, jiashizheng.
  const official = entries.flatMap((e) => e.means.filter((m) => wordingOccursIn(m, text)).flatMap((m) => m.split(' ')));
  const nameWords = segmentWords(item.name).filter((w) => w.length >= 2);
  const spelled = [...everyday, ...official, ...nameWords].flatMap(pinyinSpellings);
  return { everyday, pinyin: [...new Set(spelled)] };
}
