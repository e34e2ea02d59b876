/**
 * The pinyin map: which Chinese words of the catalog each pinyin spelling
 * stands for (shebaoka → 社保卡, gjj → 公积金). The build writes it (terms.ts
 * spells the words) into the Latin data, a small file apart from the Pagefind
 * index and the page, with the phrasing only Latin words can meet (pinyin
 * verbs and fillers, English words): only a query with Latin letters downloads
 * it. The engine reads a spelling as the words it stands for (latin.ts). Pure and browser-safe.
 */

/** Spelling → the catalog's Chinese words with that spelling, in a stable order. */
export type PinyinMap = ReadonlyMap<string, readonly string[]>;

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

/** The Latin data: the phrasing entries of Latin words (encoded by encodePhrasing in rules.ts) and the pinyin map. */
export interface LatinData {
  phrasing: string;
  pinyin: PinyinMap;
}

/** The Latin data as text: the phrasing lines, an empty line, the pinyin map's lines. */
export function encodeLatinData(data: LatinData): string {
  return `${data.phrasing}\n\n${encodePinyinMap(data.pinyin)}`;
}

/** Reads {@link encodeLatinData}'s text back. */
export function decodeLatinData(text: string): LatinData {
  const split = text.indexOf('\n\n');
  return split < 0 ? { phrasing: text, pinyin: new Map() } : { phrasing: text.slice(0, split), pinyin: decodePinyinMap(text.slice(split + 2)) };
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
