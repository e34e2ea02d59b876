/**
 * Query-side search logic, shared by the browser and the tests: cleaning what
 * people type, expanding everyday words to official terms, merging the results
 * of several Pagefind searches and ranking exact names first. No DOM, no I/O.
 */

/** One lexicon entry as the browser receives it: everyday words → official wordings. */
export interface QueryLexiconEntry {
  say: string[];
  means: string[];
}

/** Longest query the search accepts, in characters; more is cut, not rejected. */
export const MAX_QUERY_LENGTH = 60;

/** Most Pagefind searches one query may cost, to bound the bytes a search fetches. */
export const MAX_VARIANTS = 6;

/** Filler words of spoken requests (我要…, 怎么…) that name no service. */
const FILLERS = ['我想要', '我要', '我想', '想要', '怎么办理', '怎么办', '怎么', '如何办理', '如何', '在哪里', '在哪儿', '在哪', '哪里', '去哪', '需要什么', '能不能', '可以', '吗', '呢', '一下'];

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

/** An everyday word found in a query, with the official wordings it stands for. */
export interface SynonymMatch {
  say: string;
  means: string[];
}

/**
 * Finds the lexicon's everyday words in a query, longest first and without
 * overlap, so that 社保卡补办 yields 社保卡 and 补办 rather than 社保.
 */
export function findSynonyms(query: string, lexicon: readonly QueryLexiconEntry[]): SynonymMatch[] {
  const words = lexicon
    .flatMap((entry) => entry.say.map((say) => ({ say, means: entry.means })))
    .sort((a, b) => b.say.length - a.say.length || a.say.localeCompare(b.say));
  const taken: boolean[] = [];
  const found: (SynonymMatch & { at: number })[] = [];
  for (const word of words) {
    let at = query.indexOf(word.say);
    while (at >= 0) {
      const span = [...Array(word.say.length).keys()].map((k) => at + k);
      if (span.every((k) => !taken[k])) {
        span.forEach((k) => (taken[k] = true));
        // An everyday word that is also one of its own official wordings needs no expansion.
        const means = word.means.filter((m) => m !== word.say);
        if (means.length > 0) found.push({ ...word, means, at });
        break;
      }
      at = query.indexOf(word.say, at + 1);
    }
  }
  return found.sort((a, b) => a.at - b.at).map(({ say, means }) => ({ say, means }));
}

/** Removes spoken filler words, keeping the query if nothing would be left. */
export function stripFillers(query: string): string {
  let out = query;
  for (const filler of FILLERS) out = out.split(filler).join(' ');
  out = out.replace(/\s+/g, ' ').trim();
  return out === '' ? query : out;
}

/** What to ask Pagefind for one query. */
export interface QueryPlan {
  /** The cleaned query. */
  query: string;
  /** Queries to run, the cleaned query first; at most {@link MAX_VARIANTS}. */
  variants: string[];
  /**
   * How much each variant's hits count: 1 for what was typed, less for
   * expansions, and less again for later wordings, since the lexicon lists
   * the likeliest meaning first (补办 → 补领 before 挂失).
   */
  weights: number[];
  /** Everyday words found and what they were expanded to. */
  synonyms: SynonymMatch[];
  /**
   * Single words to search one by one when no variant finds anything, so that
   * one unknown word (买房) does not hide what the rest of the query names.
   */
  relaxed: string[];
}

/**
 * Plans the Pagefind searches for a query: the query itself, the query with
 * every everyday word replaced by each official wording, the query without
 * filler words, and spaced-out pinyin run together (she bao ka → shebaoka).
 */
export function planQuery(raw: string, lexicon: readonly QueryLexiconEntry[], segment: (text: string) => string[] = (t) => t.split(' ')): QueryPlan {
  const query = normalizeQuery(raw);
  if (query === '') return { query, variants: [], weights: [], synonyms: [], relaxed: [] };
  const core = stripFillers(query);
  const synonyms = findSynonyms(core, lexicon);
  const variants = new Map<string, number>([[query, 1]]);
  const add = (variant: string, weight: number) => {
    const v = variant.replace(/\s+/g, ' ').trim();
    if (v !== '' && !variants.has(v)) variants.set(v, weight);
  };
  add(core, 1);
  if (/^[a-z ]+$/.test(query) && query.includes(' ')) add(query.replace(/ /g, ''), 1);
  // Replace all everyday words at once, one wording each, cycling through the alternatives.
  const rounds = Math.max(0, ...synonyms.map((s) => s.means.length));
  for (let round = 0; round < rounds; round++) {
    let expanded = core;
    for (const s of synonyms) expanded = expanded.replace(s.say, ` ${s.means[round % s.means.length]} `);
    add(expanded, 0.9 - 0.05 * round);
  }
  const planned = [...variants].slice(0, MAX_VARIANTS);
  const words = [...new Set(planned.slice(1).map(([v]) => v).concat(core).flatMap((v) => v.split(' ')).flatMap(segment))];
  const relaxed = words.filter((w) => [...w].length >= 2);
  return {
    query,
    variants: planned.map(([v]) => v),
    weights: planned.map(([, w]) => w),
    synonyms,
    relaxed: (relaxed.length > 0 ? relaxed : words).slice(0, MAX_VARIANTS),
  };
}

/** A Pagefind hit before its data is loaded. */
export interface Hit<T> {
  id: string;
  score: number;
  /** The result object, to load its data later. */
  result: T;
}

/**
 * Merges the hits of several searches, each scaled by its variant's weight.
 * With `best`, each page keeps its best score, so that literal matches (weight
 * 1) stay ahead of synonym matches (less). With `sum` (single-word fallback searches), pages matching more of
 * the words rank higher.
 */
export function mergeHits<T>(perVariant: readonly (readonly Hit<T>[])[], weights: readonly number[] = [], combine: 'best' | 'sum' = 'best'): Hit<T>[] {
  const best = new Map<string, Hit<T>>();
  perVariant.forEach((hits, v) => {
    const weight = weights[v] ?? 1;
    for (const hit of hits) {
      const score = hit.score * weight;
      const current = best.get(hit.id);
      if (!current) best.set(hit.id, { ...hit, score });
      else if (combine === 'sum') current.score += score;
      else if (score > current.score) best.set(hit.id, { ...hit, score });
    }
  });
  return [...best.values()].sort((a, b) => b.score - a.score || a.id.localeCompare(b.id));
}

/**
 * Puts the item whose full name is exactly the query first, then names that
 * contain the whole query, keeping Pagefind's order otherwise.
 */
export function rankByName<T>(results: readonly T[], query: string, nameOf: (r: T) => string): T[] {
  const q = normalizeQuery(query);
  const tier = (r: T) => {
    const name = normalizeQuery(nameOf(r));
    if (name === q) return 0;
    if (q.length >= 2 && name.includes(q)) return 1;
    return 2;
  };
  return results
    .map((r, i) => ({ r, i, t: tier(r) }))
    .sort((a, b) => a.t - b.t || a.i - b.i)
    .map(({ r }) => r);
}

function bigrams(text: string): Set<string> {
  const chars = [...text.replace(/\s+/g, '')];
  if (chars.length < 2) return new Set(chars);
  return new Set(chars.slice(1).map((c, i) => chars[i] + c));
}

/**
 * Suggests terms close to a query that found nothing: candidates sharing the
 * most character pairs (Dice coefficient), best first.
 */
export function suggestTerms(query: string, candidates: readonly string[], limit = 5): string[] {
  const q = bigrams(normalizeQuery(query));
  if (q.size === 0) return [];
  const scored = [...new Set(candidates)].map((c) => {
    const b = bigrams(normalizeQuery(c));
    const shared = [...b].filter((x) => q.has(x)).length;
    return { c, score: (2 * shared) / (q.size + b.size) };
  });
  return scored
    .filter((s) => s.score > 0)
    .sort((a, b) => b.score - a.score || a.c.length - b.c.length || a.c.localeCompare(b.c))
    .slice(0, limit)
    .map((s) => s.c);
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
 * The words worth highlighting for a planned query: every space-separated
 * token of every variant, and the dictionary words (two characters or more)
 * inside Chinese tokens, since a long query rarely occurs whole in a text.
 */
export function highlightWords(plan: QueryPlan, segment: (text: string) => string[]): string[] {
  const tokens = plan.variants.flatMap((v) => v.split(' ')).filter((t) => t.length > 0);
  return [...new Set([...tokens, ...tokens.flatMap(segment).filter((w) => w.length >= 2)])];
}
