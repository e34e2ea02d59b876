/**
 * Query-side search logic, shared by the browser and the tests: cleaning what
 * people type, expanding everyday words to official terms, merging the results
 * of several Pagefind searches and ranking exact names first. No DOM, no I/O.
 */

import { readConcepts, type Concept, type LatinReader, type QueryLexiconEntry, type RestReader } from './rules.ts';

/** Longest query the search accepts, in characters; more is cut, not rejected. */
export const MAX_QUERY_LENGTH = 60;

/**
 * Most Pagefind searches one query may run. Searches only read index chunks
 * (a few, cached after the first search), so they cost time, not bytes.
 */
export const MAX_SEARCHES = 16;

/**
 * Cleans a raw query: full-width forms to half-width (NFKC), lower case,
 * punctuation, symbols and emoji to spaces, runs of space collapsed, and at
 * most {@link MAX_QUERY_LENGTH} characters. Returns '' when nothing searchable is left.
 */
export function normalizeQuery(raw: string): string {
  const cleaned = raw
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return [...cleaned].slice(0, MAX_QUERY_LENGTH).join('').trim();
}

/** What to ask Pagefind for one query. */
export interface QueryPlan {
  /** The cleaned query. */
  query: string;
  /** The meaningful parts of the query (see search-rules.ts). */
  concepts: Concept[];
  /**
   * Pagefind searches: the whole query (so that a full name finds its item),
   * then every wording of every concept. Empty when nothing in the query is
   * meaningful (的, 123, xyz…): then nothing is searched and nothing shown.
   */
  searches: string[];
  /**
   * A stretch of the query no phrase covered was left unread, for want of its reader (rest.ts): plan again
   * with it ({@link readConcepts}).
   */
  unread?: true;
}

/**
 * Plans the Pagefind searches for a query: its concepts (everyday words,
 * official words, pinyin) and each wording they may take in an item.
 */
export function planQuery(
  raw: string,
  lexicon: readonly QueryLexiconEntry[],
  segment: (text: string) => string[],
  common: ReadonlySet<string> = new Set(),
  latin?: LatinReader,
  rests?: RestReader,
): QueryPlan {
  const query = normalizeQuery(raw);
  const read = query === '' ? { concepts: [], unread: false } : readConcepts(query, lexicon, segment, common, latin, rests);
  const { concepts } = read;
  const unread = read.unread ? ({ unread: true } as const) : {};
  if (concepts.length === 0) return { query, concepts, searches: [], ...unread };
  const searches = new Set<string>([query]);
  // Things decide relevance; actions only rank. When the query names a thing, an item with the action
  // alone is never a result, so the actions' wordings are not searched: each search loads index chunks.
  const things = concepts.filter((c) => c.kind === 'thing');
  for (const c of things.length > 0 ? things : concepts) {
    for (const wording of [c.say, ...c.means, ...c.related]) if ([...wording].length >= 2) searches.add(wording);
  }
  return { query, concepts, searches: [...searches].slice(0, MAX_SEARCHES), ...unread };
}

/** A Pagefind hit before its data is loaded. */
export interface Hit<T> {
  id: string;
  score: number;
  /** The result object, to load its data later. */
  result: T;
}

/**
 * Merges the hits of several searches into one candidate list: each search's
 * scores are scaled to its best hit, and a page's scaled scores add up, so that
 * pages found by more of the query's wordings come first.
 */
export function mergeHits<T>(perSearch: readonly (readonly Hit<T>[])[]): Hit<T>[] {
  const merged = new Map<string, Hit<T>>();
  for (const hits of perSearch) {
    const top = Math.max(...hits.map((h) => h.score), Number.MIN_VALUE);
    for (const hit of hits) {
      const current = merged.get(hit.id);
      if (current) current.score += hit.score / top;
      else merged.set(hit.id, { ...hit, score: hit.score / top });
    }
  }
  return [...merged.values()].sort((a, b) => b.score - a.score || a.id.localeCompare(b.id));
}

/** A run of text, marked when it matched the query. */
export interface TextRun {
  text: string;
  marked: boolean;
}

/**
 * Splits text into runs, marking every occurrence of any term (longest terms
 * first, no overlaps), so that results can highlight what matched without
 * trusting any markup.
 */
export function highlightTerms(text: string, terms: readonly string[]): TextRun[] {
  const sorted = [...new Set(terms.filter((t) => t.length > 0))].sort((a, b) => b.length - a.length);
  const marked = new Array<boolean>(text.length).fill(false);
  for (const term of sorted) {
    for (let at = text.indexOf(term); at >= 0; at = text.indexOf(term, at + term.length)) {
      if (marked.slice(at, at + term.length).some(Boolean)) continue;
      marked.fill(true, at, at + term.length);
    }
  }
  const runs: TextRun[] = [];
  for (let i = 0; i < text.length; i++) {
    const last = runs.at(-1);
    if (last && last.marked === marked[i]) last.text += text[i];
    else runs.push({ text: text[i] ?? '', marked: marked[i] ?? false });
  }
  return runs;
}

/**
 * What a mistyped query was read as, to say at the top of the results
 * (已按“结婚登记”查找。), or '' when no word was mistyped.
 */
export function readAsNote(plan: QueryPlan): string {
  const read = [...new Set(plan.concepts.flatMap((c) => (c.readAs ? [c.readAs] : [])))];
  return read.length > 0 ? `已按“${read.join('”“')}”查找。` : '';
}

/** The words worth highlighting for a planned query: each concept as typed and its official wordings. */
export function highlightWords(plan: QueryPlan): string[] {
  return [...new Set(plan.concepts.flatMap((c) => [c.say, ...c.means.flatMap((m) => m.split(' ')), ...c.related]).filter((w) => [...w].length >= 2))];
}
