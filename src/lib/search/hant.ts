/**
 * Traditional characters read as the simplified ones the catalog uses
 * (駕駛證 → 驾驶证). The map holds only the characters the catalog needs, derived
 * at build time from OpenCC's data (src/build/hant-map.ts), and travels in a
 * small file beside the Pagefind index (`pagefind/hant.txt`), fetched only when a
 * query has a character the search page's own data does not know (hasUnknownHan in
 * engine.ts), with this module: the engine imports it with the map. Pure and browser-safe.
 */

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

/** The query with every traditional character the map knows written simplified. */
export function toSimplified(query: string, map: HantMap): string {
  return [...query].map((ch) => map.get(ch) ?? ch).join('');
}

/** Reads the map's text ({@link encodeHantMap}) into what writes a query simplified. */
export function hantReader(text: string): (query: string) => string {
  const map = decodeHantMap(text);
  return (query) => toSimplified(query, map);
}
