import { Converter } from 'opencc-js';
import type { HantMap } from '../lib/search/hant.ts';

/** Simplified to traditional, as written in Taiwan and in Hong Kong: people type either. */
const TO_TRADITIONAL = [Converter({ from: 'cn', to: 'tw' }), Converter({ from: 'cn', to: 'hk' }), Converter({ from: 'cn', to: 't' })];

/**
 * The traditional-character map of a catalog (hant.ts): for each Chinese character
 * of `texts` (the items' names and scenarios, the phrasing words), its traditional
 * forms in OpenCC's data that differ from it. Only the characters the catalog needs,
 * so that the file stays a few KiB.
 */
export function catalogHantMap(texts: Iterable<string>): HantMap {
  const map = new Map<string, string>();
  const chars = new Set<string>();
  for (const text of texts) for (const ch of text) if (/\p{Script=Han}/u.test(ch)) chars.add(ch);
  for (const ch of [...chars].sort()) {
    for (const convert of TO_TRADITIONAL) {
      const traditional = convert(ch);
      // One character to one character: a conversion that changes the length is a phrase, not a form of this character.
      if ([...traditional].length === 1 && traditional !== ch && !chars.has(traditional) && !map.has(traditional)) map.set(traditional, ch);
    }
  }
  return map;
}
