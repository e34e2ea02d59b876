import { z } from 'astro/zod';
import { pinyin } from 'pinyin-pro';
import { segmentWords } from './segment.ts';

export { segmentWords };
import type { LexiconEntry } from './lexicon.ts';
import type { PinyinMap } from './pinyin.ts';
import { everydayWords, itemMatchText, meaningfulScenario, pinyinSourceWords } from './rank.ts';

const HAN = /\p{Script=Han}/u;

/**
 * Pinyin spellings a citizen might type for a Chinese word: the full syllables
 * run together (shebaoka) for words of up to four characters, and the initials
 * (sbk) of words of three to seven characters. Words without Chinese characters give nothing.
 */
/** Longest word, in characters, indexed under its full pinyin. */
const MAX_FULL_PINYIN = 4;
/** Longest word indexed under its initials: an item's whole name (dwsbcbzmcxdy) is one, its beginnings found as prefixes. */
const MAX_INITIALS = 16;

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

/** Zod schema of the hidden search terms of one item, by kind. */
export const itemSearchTermsSchema = z
  .object({
    /** Everyday words from the lexicon whose official wording occurs in the item. */
    everyday: z.array(z.string()),
    /** The Chinese words the item is found under by their pinyin (pinyinSourceWords in rank.ts). */
    spelled: z.array(z.string()),
  })
  .strict();

/** The hidden search terms of one item. */
export type ItemSearchTerms = z.infer<typeof itemSearchTermsSchema>;

/**
 * Computes the words an item is found under besides its visible text, so
 * that a citizen's own words (社保卡, 驾照) and their pinyin (gongjijin, sbk) find it.
 */
export function itemSearchTerms(item: { name: string; scenario: string }, lexicon: readonly Pick<LexiconEntry, 'say' | 'means'>[]): ItemSearchTerms {
  return { everyday: everydayWords(itemMatchText(item), lexicon), spelled: pinyinSourceWords(item, lexicon, segmentWords) };
}

/**
 * The pinyin map of a catalog (pinyin.ts): every spelling of every word its
 * items are found under by pinyin, with the words it spells, in catalog order.
 */
export function catalogPinyinMap(items: readonly { searchTerms: Pick<ItemSearchTerms, 'spelled'> }[]): PinyinMap {
  const map = new Map<string, string[]>();
  const done = new Set<string>();
  for (const word of items.flatMap((i) => i.searchTerms.spelled)) {
    if (done.has(word)) continue;
    done.add(word);
    for (const spelling of pinyinSpellings(word)) map.set(spelling, [...(map.get(spelling) ?? []), word]);
  }
  return map;
}
