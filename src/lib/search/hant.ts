/**
 * Traditional characters read as the simplified ones the catalog uses
 * (駕駛證 → 驾驶证). The map holds only the characters the catalog needs, derived
 * at build time from OpenCC's data (src/build/hant-map.ts), and travels in a
 * small file beside the Pagefind index (`pagefind/hant.txt`), fetched only when a
 * query has a character the search page's own data does not know. Pure and browser-safe.
 */

/** The traditional-character map's file, in the Pagefind folder. */
export const HANT_FILE = 'hant.txt';

/** Traditional character → the simplified one the catalog uses. */
export type HantMap = ReadonlyMap<string, string>;

/** The map as text: pairs of characters (traditional, simplified) one after another, sorted. */
export function encodeHantMap(map: HantMap): string {
  return [...map]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([t, s]) => `${t}${s}`)
    .join('');
}

/** Reads {@link encodeHantMap}'s text back. */
export function decodeHantMap(text: string): HantMap {
  const chars = [...text.trim()];
  const map = new Map<string, string>();
  for (let i = 0; i + 1 < chars.length; i += 2) map.set(chars[i]!, chars[i + 1]!);
  return map;
}

const HAN = /\p{Script=Han}/u;

/** Whether a query has a Chinese character outside `known` (the page's own data): only then may it be traditional. */
export function hasUnknownHan(query: string, known: ReadonlySet<string>): boolean {
  return [...query].some((ch) => HAN.test(ch) && !known.has(ch));
}

/** The query with every traditional character the map knows written simplified. */
export function toSimplified(query: string, map: HantMap): string {
  return [...query].map((ch) => map.get(ch) ?? ch).join('');
}
