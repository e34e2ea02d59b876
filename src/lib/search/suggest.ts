/**
 * “您是不是要找”: what to suggest for a query that found nothing. The engine
 * imports this module only then, so that a search that finds something never
 * downloads it. Pure and browser-safe.
 */
import { normalizeQuery } from './query.ts';
import { phrasing, type QueryLexiconEntry } from './rules.ts';

/** “您是不是要找” for a query that found nothing, among the service words of the phrasing `lexicon`. */
export function suggestionsFor(query: string, lexicon: readonly QueryLexiconEntry[]): string[] {
  const services = phrasing(lexicon).services;
  return suggestTerms(query, [...services.flatMap((e) => e.say), ...services.flatMap((e) => (e.means ?? []).map((m) => m.replace(/ /g, '')))]);
}

/**
 * “您是不是要找”: service words a person who typed the query might plausibly
 * have meant, or nothing. A suggestion is a service word of three or more
 * characters that some stretch of the query spells with at most one character
 * changed (two for words of five or more): a near miss of a known word. Words
 * that merely look alike (护照 and 驾照, 护理补贴 for 护照补办) are no suggestion.
 */
export function suggestTerms(query: string, candidates: readonly string[], limit = 5): string[] {
  const text = [...normalizeQuery(query).replace(/\s+/g, '')];
  const found = new Map<string, number>();
  for (const candidate of new Set(candidates.map((c) => normalizeQuery(c).replace(/\s+/g, '')))) {
    const chars = [...candidate];
    if (chars.length < 3 || chars.length > text.length) continue;
    const allowed = chars.length >= 5 ? 2 : 1;
    for (let at = 0; at + chars.length <= text.length; at++) {
      const off = chars.filter((ch, i) => text[at + i] !== ch).length;
      if (off <= allowed) {
        found.set(candidate, Math.min(found.get(candidate) ?? off, off));
        break;
      }
    }
  }
  return [...found]
    .sort((a, b) => a[1] - b[1] || b[0].length - a[0].length || a[0].localeCompare(b[0]))
    .slice(0, limit)
    .map(([c]) => c);
}
