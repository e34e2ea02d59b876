/**
 * The pinyin map: which Chinese words of the catalog each pinyin spelling
 * stands for (shebaoka → 社保卡, gjj → 公积金). The build writes it
 * (terms.ts spells the words) as a small file apart from the Pagefind index,
 * so that only a query with Latin letters downloads it; the engine reads a
 * spelling as the words it stands for. Pure and browser-safe.
 */

/** Spelling → the catalog's Chinese words with that spelling, in a stable order. */
export type PinyinMap = ReadonlyMap<string, readonly string[]>;

/** The pinyin map's file, in the Pagefind folder beside the index it completes. */
export const PINYIN_FILE = 'pinyin.txt';

/** The shortest Latin prefix that counts as pinyin typed so far (gongji… for gongjijin). */
export const PINYIN_PREFIX = 4;

/** The map as text: one line per spelling, sorted, the spelling and its words separated by tabs. */
export function encodePinyinMap(map: PinyinMap): string {
  return [...map]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([spelling, words]) => [spelling, ...words].join('\t'))
    .join('\n');
}

/** Reads {@link encodePinyinMap}'s text back. */
export function decodePinyinMap(text: string): PinyinMap {
  const map = new Map<string, string[]>();
  for (const line of text.split('\n')) {
    const [spelling = '', ...words] = line.split('\t');
    if (spelling !== '' && words.length > 0) map.set(spelling, words);
  }
  return map;
}

/**
 * The Chinese words a typed Latin word may spell: the words of the spelling
 * itself, and, once {@link PINYIN_PREFIX} letters are typed, of every spelling
 * it begins (gongji → 公积金). Empty when it spells no word of the catalog.
 */
export function spelledWords(map: PinyinMap, typed: string): string[] {
  const words = new Set(map.get(typed) ?? []);
  if (typed.length >= PINYIN_PREFIX)
    for (const [spelling, list] of map) if (spelling !== typed && spelling.startsWith(typed)) list.forEach((w) => words.add(w));
  return [...words];
}
