import { pinyin } from 'pinyin-pro';
import { serviceEntries, type LexiconEntry } from '../source/lexicon.ts';
import type { PinyinMap } from './pinyin.ts';
import { pinyinSourceWords } from './latin.ts';
import { segmentWords } from './segment.ts';

const HAN = /\p{Script=Han}/u;

/** Longest word, in characters, indexed under its full pinyin. */
const MAX_FULL_PINYIN = 4;
/** Longest word indexed under its initials: an item's whole name (dwsbcbzmcxdy) is one, its beginnings found as prefixes. */
const MAX_INITIALS = 16;

/**
 * Pinyin spellings a citizen might type for a Chinese word: the full syllables
 * run together (shebaoka) for words of up to four characters, and the initials
 * (sbk) of words of three to sixteen characters. Words without Chinese characters give nothing.
 */
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

/**
 * The pinyin map of a catalog (pinyin.ts): every spelling of every word its
 * items are found under by pinyin (pinyinSourceWords in latin.ts, with the
 * lexicon's service words), with the words it spells, in catalog order. The
 * search index computes it once per build; nothing of it is on the pages.
 */
export function catalogPinyinMap(
  items: readonly { name: string; scenario: string }[],
  lexicon: readonly Pick<LexiconEntry, 'class' | 'say' | 'means'>[],
): PinyinMap {
  const services = serviceEntries(lexicon);
  const map = new Map<string, string[]>();
  const done = new Set<string>();
  for (const word of items.flatMap((i) => pinyinSourceWords(i, services, segmentWords))) {
    if (done.has(word)) continue;
    done.add(word);
    for (const spelling of pinyinSpellings(word)) map.set(spelling, [...(map.get(spelling) ?? []), word]);
  }
  return map;
}
