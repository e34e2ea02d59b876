/**
 * The algorithms that read a request (我要在北京领结婚证) against the phrasing
 * data: where places, fillers, verbs, groups of people, purposes and service
 * words are (content/phrasing.yaml and content/lexicon.yaml, one schema in
 * src/lib/source/lexicon.ts) and how a query turns into {@link Concept}s. Code keeps only the
 * algorithms; every word list is data. Pure and browser-safe.
 */

import type { LexiconEntry } from '../source/lexicon.ts';
import type { PhraseClass } from '../source/wording.ts';
import { spelledWords, type PinyinMap } from './pinyin.ts';

/** One lexicon or phrasing entry as the browser receives it (empty lists and the default class left out). */
export interface QueryLexiconEntry {
  /** What kind of phrasing; absent for a service word (the lexicon's entries). */
  class?: PhraseClass;
  say: string[];
  /** Same service or direct synonym: an item with this wording is a match (匹配). */
  means?: string[];
  /** Related but different services: shown as 相关, never as a match. */
  related?: string[];
  /**
   * For verbs: whether the action changes what service is meant. An item that does something
   * else (公证 for 驾照到期换证) is then only a partial match. Generic verbs (领, 开, 查, 办…) are not.
   */
  strong?: boolean;
  /** For one verb: the action assumed when a query names none. */
  default?: boolean;
  /** For a service word with related wordings: the catalog cannot tell whether they differ (可能相关，请向办理部门确认). */
  unsure?: boolean;
  /** The facet the word states (purpose=装修), compared with the items' own (facet-match.ts). */
  facet?: string;
}

/** An entry as the search page receives it: default class and empty lists left out, to keep the page light. */
export function compactEntry(entry: LexiconEntry): QueryLexiconEntry {
  // A verb's official words are read as that verb anyway (queryConcepts): they need not travel twice.
  const say = entry.class === 'verb' ? entry.say.filter((w) => !entry.means.includes(w)) : entry.say;
  const out: QueryLexiconEntry = { say: say.length > 0 ? say : entry.say };
  if (entry.class !== 'service') out.class = entry.class;
  if (entry.means.length > 0) out.means = entry.means;
  if (entry.related.length > 0) out.related = entry.related;
  if (entry.strong) out.strong = true;
  if (entry.default) out.default = true;
  if (entry.unsure) out.unsure = true;
  if (entry.facet) out.facet = entry.facet;
  return out;
}

/** What a concept of the query stands for: a thing (service, document, group) or an action. */
export type ConceptKind = 'thing' | 'action';

/** Where a concept came from, for tests and for explaining a result. */
export type ConceptSource = 'lexicon' | 'verb' | 'group' | 'purpose' | 'word' | 'pinyin';

/** One meaningful part of a query. */
export interface Concept {
  /** The words as typed (after cleaning). */
  say: string;
  /** Wordings that count as this concept in an item: the typed word and its official equivalents. */
  means: string[];
  /** Wordings of related but different services. */
  related: string[];
  kind: ConceptKind;
  source: ConceptSource;
  /** For actions: an item must do this to be a full match (see {@link QueryLexiconEntry.strong}). */
  strong?: boolean;
  /** For pinyin: the catalog's Chinese words the typed spelling stands for (shebaoka → 社保卡), from the pinyin map. */
  spelled?: string[];
  /** For a mistyped word (结昏登记): the known word it was read as (结婚登记), so that the page can say so. */
  readAs?: string;
  /** Its related wordings may be the same service or not: the catalog cannot tell. */
  unsure?: boolean;
}

/**
 * The phrasing data as the search page ships it: one line per entry, fields
 * separated by tabs (class, say, means, related, strong), words by “|”. Quotes,
 * keys and commas of JSON would weigh a third more on every search.
 */
export function encodePhrasing(entries: readonly QueryLexiconEntry[]): string {
  return entries
    .map((e) =>
      [
        e.class ?? '',
        e.say.join('|'),
        (e.means ?? []).join('|'),
        (e.related ?? []).join('|'),
        e.strong ? '1' : '',
        e.default ? '1' : '',
        e.unsure ? '1' : '',
        e.facet ?? '',
      ]
        .join('\t')
        .replace(/\t+$/, ''),
    )
    .join('\n');
}

/** Reads {@link encodePhrasing}'s text back into entries. */
export function decodePhrasing(text: string): QueryLexiconEntry[] {
  const list = (field = '') => (field === '' ? [] : field.split('|'));
  return text.split('\n').map((line) => {
    const [kind = '', say, means, related, strong, assumed, unsure, facet] = line.split('\t');
    const entry: QueryLexiconEntry = { say: list(say), means: list(means), related: list(related) };
    if (kind !== '') entry.class = kind as PhraseClass;
    if (strong === '1') entry.strong = true;
    if (assumed === '1') entry.default = true;
    if (unsure === '1') entry.unsure = true;
    if (facet) entry.facet = facet;
    return entry;
  });
}

type Phrase = { say: string; concept: Omit<Concept, 'say'> };

/** The phrasing data compiled for reading queries; built once per data set. */
interface Phrasing {
  /** Every phrase to look for, longest first. */
  book: Phrase[];
  /** Fillers, longest first. */
  fillers: string[];
  /** Words of `facet` entries (小轿车, 装修): words of their own, which a typo may not cut into. */
  facetWords: string[];
  fillerSet: ReadonlySet<string>;
  places: RegExp;
  pinyinFillers: ReadonlySet<string>;
  pinyinVerbs: ReadonlyMap<string, string>;
  /** English or mixed words, longest first, with the Chinese word each stands for. */
  foreign: { pattern: RegExp; chinese: string }[];
  /** The service entries (content/lexicon.yaml). */
  services: QueryLexiconEntry[];
  /** Wordings of the action assumed when a query names none (申领, 设立…). */
  defaultAction: string[];
}

const compiled = new WeakMap<readonly QueryLexiconEntry[], Phrasing>();

/** Classes whose entries are phrases to find in a query, and what their concepts are. */
const PHRASE_SOURCES: Partial<Record<PhraseClass, ConceptSource>> = { service: 'lexicon', verb: 'verb', group: 'group', purpose: 'purpose' };

const longestFirst = (a: string, b: string) => b.length - a.length;
const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Compiles the phrasing data (lexicon and phrasing entries) once. */
export function phrasing(entries: readonly QueryLexiconEntry[]): Phrasing {
  const cached = compiled.get(entries);
  if (cached) return cached;
  const of = (c: PhraseClass) => entries.filter((e) => (e.class ?? 'service') === c);
  const book: Phrase[] = [];
  for (const entry of entries) {
    const source = PHRASE_SOURCES[entry.class ?? 'service'];
    if (!source) continue;
    const means = entry.means ?? [];
    // Someone may type the official verb itself (换领): it is the same action.
    const says = source === 'verb' ? [...new Set([...entry.say, ...means])] : entry.say;
    for (const say of says) {
      const concept: Omit<Concept, 'say'> = { means: [...means], related: [...(entry.related ?? [])], kind: source === 'verb' ? 'action' : 'thing', source };
      if (entry.strong) concept.strong = true;
      if (entry.unsure) concept.unsure = true;
      book.push({ say, concept });
    }
  }
  // Longest first; a lexicon word wins over a rule of the same length (it names a service).
  const rank = (s: ConceptSource) => (s === 'lexicon' ? 0 : 1);
  book.sort((a, b) => b.say.length - a.say.length || rank(a.concept.source) - rank(b.concept.source));
  const placeNames = of('place')
    .flatMap((e) => e.say)
    .sort(longestFirst)
    .map(escapeRegExp);
  // "(人|我)在 PLACE (市|省)? (工作|上班…)?", "PLACE 户口" (where the person is registered, not a service), "不回 PLACE", "回 PLACE", or a bare PLACE.
  const places = new RegExp(
    `(?:(?:人|我|现在|目前|身|住|户口不?)?在|不用回|不回|回到|回|从|到|去)?(?:${placeNames.join('|') || '(?!)'})(?:市|省)?(?:工作|上班|打工|生活|上学|读书|定居|居住|户口|户籍|的)?`,
    'g',
  );
  const fillers = of('filler')
    .flatMap((e) => e.say)
    .sort(longestFirst);
  const foreign = of('foreign')
    .flatMap((e) => e.say.map((say) => ({ say, chinese: e.means?.[0] ?? '' })))
    .sort((a, b) => longestFirst(a.say, b.say))
    // A foreign word glues to its neighbours (医保 qr code → 医保二维码), as a Chinese word would.
    .map(({ say, chinese }) => ({ pattern: new RegExp(`\\s*(?<![a-z])${escapeRegExp(say)}(?![a-z])\\s*`, 'g'), chinese }));
  const result: Phrasing = {
    book,
    fillers,
    facetWords: of('facet').flatMap((e) => e.say),
    fillerSet: new Set(fillers),
    places,
    pinyinFillers: new Set(of('pinyin-filler').flatMap((e) => e.say)),
    pinyinVerbs: new Map(of('pinyin-verb').flatMap((e) => e.say.map((say) => [say, e.means?.[0] ?? ''] as [string, string]))),
    foreign,
    services: of('service'),
    defaultAction: entries.find((e) => e.class === 'verb' && e.default)?.means ?? [],
  };
  compiled.set(entries, result);
  return result;
}

/** Removes place phrases (人在北京, 在外地上班, 不回老家); a place never names a service. */
export function stripPlaces(query: string, entries: readonly QueryLexiconEntry[]): string {
  return query.replace(phrasing(entries).places, ' ').replace(/\s+/g, ' ').trim();
}

/** Replaces English or mixed words (social security card, e-) with the Chinese words they stand for. */
export function translateForeign(query: string, entries: readonly QueryLexiconEntry[]): string {
  // British spellings and plurals read as the listed words (licence → license, benefits → benefit).
  let text = ` ${query} `
    .replace(/licence/g, 'license')
    .replace(/isation/g, 'ization')
    .replace(/(?<=[a-z]{3}[^s])s(?![a-z])/g, '');
  for (const { pattern, chinese } of phrasing(entries).foreign) text = text.replace(pattern, chinese);
  return text.replace(/\s+/g, ' ').trim();
}

/** A found phrase and where it sits in the text. */
interface Found {
  at: number;
  length: number;
  concept: Concept;
}

const LATIN = /^[a-z]+$/;

/** One pinyin syllable, without tone: an initial (or none) and a final. */
const SYLLABLE =
  /^(?:[bpmfdtnlgkhjqxrwy]|[zcs]h?)?(?:i(?:a(?:ng?|o)?|e|ng?|ong|u)?|u(?:a(?:i|ng?)?|[eio]|n)?|v(?:e|n)?|a(?:[io]|ng?)?|o(?:u|ng)?|e(?:[ir]|ng?)?)$/;

/** A pinyin query's words with fillers dropped and verbs spelled in characters. */
function pinyinWords(text: string, data: Phrasing): string {
  return text
    .split(' ')
    .filter((w) => !data.pinyinFillers.has(w))
    .map((w) => data.pinyinVerbs.get(w) ?? w)
    .join(' ');
}

/**
 * Pinyin typed with spaces: runs of single syllables are one word (she bao ka →
 * shebaoka), while words of several syllables or initials stay apart, each its
 * own word (gjj tiqu, yibao beian).
 */
export function joinSyllables(query: string): string {
  const words: string[] = [];
  let run = '';
  for (const word of query.split(' ')) {
    if (SYLLABLE.test(word)) {
      run += word;
      continue;
    }
    if (run !== '') words.push(run);
    run = '';
    words.push(word);
  }
  if (run !== '') words.push(run);
  return words.join(' ');
}
const HAN = /\p{Script=Han}/u;

/**
 * One character changed: a likely typo (公基金 for 公积金, 身分证 for 身份证).
 * Only for words of three characters or more, where one changed character still leaves the word recognisable.
 */
function oneCharOff(a: string, b: string): boolean {
  const x = [...a];
  const y = [...b];
  if (x.length !== y.length || x.length < 3) return false;
  const diff = x.flatMap((ch, i) => (ch !== y[i] ? [ch, y[i] ?? ''] : []));
  // 房产税 is not a typo of 房产证: a different document or charge is a different thing.
  // Nor is 手机充 a typo of 手机上: a particle or light verb swapped for a word changes the meaning.
  // A typed document or noun character names another thing; typed in its place (准生正), the known one is meant.
  const [typed = '', known = ''] = diff;
  return diff.length === 2 && !DOCUMENT_SUFFIXES.has(typed) && !NOUN_SUFFIXES.has(typed) && !LIGHT_CHARACTERS.has(typed) && !LIGHT_CHARACTERS.has(known);
}

/**
 * Turns a query into the concepts it names. Places and fillers are stripped;
 * lexicon words and rule phrases are found longest first without overlap; the
 * rest is split into words, of which only words of two or more characters that
 * are not fillers or `common` (words most items contain) count, and
 * Latin words count as pinyin. Digits and single characters never count.
 *
 * @param query a query already cleaned by `normalizeQuery`.
 * @param common words so frequent in the catalog that they distinguish nothing (办理, 申请人).
 * @param pinyin the pinyin map, to read Latin words as the Chinese words they spell; without it they spell nothing.
 */
export function queryConcepts(
  query: string,
  lexicon: readonly QueryLexiconEntry[],
  segment: (text: string) => string[],
  common: ReadonlySet<string> = new Set(),
  pinyin?: PinyinMap,
): Concept[] {
  const data = phrasing(lexicon);
  const book = data.book;
  const found: Found[] = [];
  const translated = translateForeign(query, lexicon);
  const text = /^[a-z ]+$/.test(translated) ? pinyinWords(joinSyllables(translated), data) : stripPlaces(translated, lexicon);
  for (const part of text.split(' ')) {
    const taken: boolean[] = [];
    const local: Found[] = [];
    const inside = wordInteriors(part, segment);
    // A word that states a facet (小轿车) is a word of its own: a typo may not cut into it (二手小轿车 is no 二手房).
    for (const word of data.facetWords)
      for (let at = part.indexOf(word); at >= 0; at = part.indexOf(word, at + 1))
        for (let k = at + 1; k < at + word.length; k++) inside.set(k, Math.max(inside.get(k) ?? 0, word.length));
    let fillersMarked = 0;
    for (const phrase of book) {
      // Fillers longer than the phrase come first (新单位 before 单位), and all of two or more characters
      // before single characters, which they are not material for (续 in 手续).
      const longer = data.fillers.findIndex((f) => f.length <= Math.max(phrase.say.length, 1));
      const upTo = phrase.say.length === 1 ? data.fillers.length : longer < 0 ? data.fillers.length : longer;
      if (upTo > fillersMarked) {
        markFillers(part, taken, data.fillers.slice(fillersMarked, upTo));
        fillersMarked = upTo;
      }
      for (let at = part.indexOf(phrase.say); at >= 0; at = part.indexOf(phrase.say, at + 1)) {
        const span = [...Array(phrase.say.length).keys()].map((k) => at + k);
        if (span.some((k) => taken[k])) continue;
        // A phrase that cuts into a longer dictionary word is not that phrase, unless what follows makes a
        // person of it (探矿权人, 缴存人): the holder of a right asks about that right.
        const end = at + phrase.say.length;
        if ((inside.get(at) ?? 0) >= 3 || ((inside.get(end) ?? 0) >= 3 && !PERSON_SUFFIXES.has(part[end] ?? ''))) continue;
        // A one-character verb stands alone: next to a matched phrase, a light character or the
        // query's edge (领 in 失业金怎么领), not between two unknown characters (交 in 公交卡).
        if (phrase.say.length === 1 && !standsAlone(part, at, taken)) continue;
        // A thing followed by a noun-making character names something else: 房产税, 养老院.
        if (phrase.concept.kind === 'thing' && NOUN_SUFFIXES.has(part[end] ?? '') && !taken[end]) continue;
        span.forEach((k) => (taken[k] = true));
        local.push({
          at,
          length: phrase.say.length,
          concept: { say: phrase.say, ...phrase.concept, means: [...phrase.concept.means], related: [...phrase.concept.related] },
        });
      }
    }
    // The rest, between found phrases: dictionary words, pinyin, typos of known words.
    let rest = '';
    for (let i = 0; i <= part.length; i++) {
      if (i < part.length && !taken[i]) {
        rest += part[i];
        continue;
      }
      if (rest !== '') {
        const start = i - rest.length;
        const across = typoIn(rest, book, (k) => (inside.get(start + k) ?? 0) >= 2) ? undefined : typoAcrossVerb(part, start, i, local, book, segment);
        const typo = across ? undefined : typoIn(rest, book, (k) => (inside.get(start + k) ?? 0) >= 2);
        if (across) {
          local.splice(local.indexOf(across.drop), 1);
          local.push(across.found);
        }
        if (typo) local.push({ at: start + typo.at, length: typo.length, concept: typo.concept });
        // What the corrected word left of the stretch is read as usual.
        const cut = across
          ? { at: Math.max(0, across.found.at - start), length: Math.min(i, across.found.at + across.found.length) - Math.max(start, across.found.at) }
          : typo;
        const left = cut ? `${rest.slice(0, cut.at)} ${rest.slice(cut.at + Math.max(0, cut.length))}` : rest;
        for (const word of restWords(left, segment, data.fillers)) {
          const concept = wordConcept(word, common, data, pinyin);
          if (concept) local.push({ at: start + left.indexOf(word), length: word.length, concept });
        }
        rest = '';
      }
    }
    found.push(...local.sort((a, b) => a.at - b.at));
  }
  // The same concept typed twice counts once.
  const seen = new Set<string>();
  return found
    .map((f) => f.concept)
    .filter((c) => {
      const key = `${c.source}:${c.means.join('|')}:${c.say}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
}

/**
 * Offsets that fall strictly inside a dictionary word of the text, with that
 * word's length: a phrase may not start or end there.
 */
function wordInteriors(text: string, segment: (text: string) => string[]): Map<number, number> {
  const inside = new Map<number, number>();
  let at = 0;
  for (const word of segment(text)) {
    const start = text.indexOf(word, at);
    if (start < 0) continue;
    for (let k = start + 1; k < start + word.length; k++) inside.set(k, word.length);
    at = start + word.length;
  }
  return inside;
}

/** Marks the free occurrences of fillers of two or more characters as used. */
function markFillers(text: string, taken: boolean[], fillers: readonly string[]): void {
  for (const filler of fillers) {
    if (filler.length < 2) continue;
    for (let at = text.indexOf(filler); at >= 0; at = text.indexOf(filler, at + 1)) {
      const span = [...Array(filler.length).keys()].map((k) => at + k);
      if (span.every((k) => !taken[k])) span.forEach((k) => (taken[k] = true));
    }
  }
}

function standsAlone(text: string, at: number, taken: readonly boolean[]): boolean {
  const free = (k: number) => k < 0 || k >= text.length || taken[k] === true || LIGHT_CHARACTERS.has(text[k] ?? '');
  return free(at - 1) || free(at + 1);
}

/** Characters that make a person of the word before them (探矿权人, 缴存人, 申请者). */
const PERSON_SUFFIXES = new Set([...'人者']);

/** Characters that make a document or a charge of the word before them (居住证, 燃气费). */
const DOCUMENT_SUFFIXES = new Set([...'证卡本费税']);

/** Characters that turn the word before them into another noun (房产 → 房产税, 养老 → 养老院). */
const NOUN_SUFFIXES = new Set([...'税费院站所局馆店']);

/** Characters that carry no meaning on their own in a request (pronouns, particles, light verbs). */
export const LIGHT_CHARACTERS = new Set([
  ...'我你他她它们的了要办能吗呢啊吧得在把去给有是还都就也和与或个一这那哪怎么想用会可让被从到对为该请帮下上过着没不很多少啥咋俺先又才来',
]);

/** A count or a frequency (一年, 两项, 每月, 按月): how many or how often, never which service. */
const QUANTITY = /^[一二两三四五六七八九十百几每按各某半整]+[年月日天周次回项条张份笔家件个本批遍趟]$/u;

/** Particles that end a scrap of speech (出了, 做的, 办过): the word before them says how, not what. */
const SCRAP_ENDS = new Set([...'了的着过吗呢啊吧呀嘛啦']);

/** Pronouns, demonstratives and adverbs that start a scrap of speech (那笔, 这次, 先拿, 我家). */
const SCRAP_STARTS = new Set([...'这那哪每某先又才都就也还再我你他她俺咱']);

/**
 * A scrap of speech among the words no phrase covered: a count (一年, 两项, 每月), a word of light characters only,
 * one ending in a particle (出了, 做的) or starting with a pronoun, demonstrative or adverb (那笔, 先拿). It says
 * nothing about which service is meant, so an item found by the query's other words accounts for it (rank.ts), and
 * the status line does not name it as missing. A word that only contains a light character elsewhere (成为, 不动产,
 * 上市) can name what is asked for, and is not a scrap.
 */
export function isScrap(word: string): boolean {
  const chars = [...word];
  if (QUANTITY.test(word) || chars.every((ch) => LIGHT_CHARACTERS.has(ch))) return true;
  return SCRAP_ENDS.has(chars[chars.length - 1] ?? '') || SCRAP_STARTS.has(chars[0] ?? '');
}

/**
 * Words of a stretch no phrase covered, fillers removed. Runs of single
 * characters the dictionary does not know (燃 气 费) are kept together as one
 * word, so that an unknown word is not lost and its query is not mistaken for a match.
 */
function restWords(rest: string, segment: (text: string) => string[], fillers: readonly string[]): string[] {
  let text = rest;
  for (const filler of fillers) if (filler.length >= 2) text = text.split(filler).join(' ');
  const words: string[] = [];
  for (const token of text.split(' ').filter(Boolean)) {
    if (!HAN.test(token)) {
      words.push(token);
      continue;
    }
    let run = '';
    let last = '';
    for (const w of [...segment(token), '']) {
      // A document or fee character right after a word belongs to it (居住 + 证 → 居住证).
      if (DOCUMENT_SUFFIXES.has(w) && run === '' && last !== '' && token.includes(`${last}${w}`)) {
        words[words.length - 1] = last = `${last}${w}`;
        continue;
      }
      if ([...w].length === 1 && !LIGHT_CHARACTERS.has(w)) {
        run += w;
        continue;
      }
      if ([...run].length >= 2) words.push(run);
      run = '';
      last = '';
      // A word made of light characters only (我不, 还要) says nothing.
      if (w !== '' && ![...w].every((ch) => LIGHT_CHARACTERS.has(ch))) words.push((last = w));
    }
  }
  return words;
}

/** A stretch of three or more characters that is a known everyday word with one character mistyped (公基金). */
function typoIn(rest: string, book: readonly Phrase[], cutsWord: (offset: number) => boolean = () => false): Found | undefined {
  for (let length = Math.min(rest.length, 8); length >= 3; length--) {
    for (let at = 0; at + length <= rest.length; at++) {
      const window = rest.slice(at, at + length);
      // Nor one that cuts into a longer dictionary word (二手面 in 二手面包车).
      if (!HAN.test(window) || [...window].some((ch) => LIGHT_CHARACTERS.has(ch)) || cutsWord(at) || cutsWord(at + length)) continue;
      const known = mistyped(window, book);
      if (known) return { at, length, concept: known };
    }
  }
  return undefined;
}

/** The lexicon entry a stretch is a one-character typo of, compared with its everyday and its official words. */
function mistyped(window: string, book: readonly Phrase[]): Concept | undefined {
  // A known wording is no typo (探矿权 is not 采矿权 mistyped).
  if (book.some((p) => p.concept.source === 'lexicon' && (p.say === window || p.concept.means.includes(window)))) return undefined;
  // Only the lexicon's words: they name services; groups and purposes are too short and similar (老年人, 老年卡).
  for (const p of book) {
    if (p.concept.source !== 'lexicon') continue;
    const readAs = oneCharOff(window, p.say) ? p.say : p.concept.means.find((m) => oneCharOff(window, m));
    if (readAs) return { say: window, ...p.concept, means: [p.say, ...p.concept.means], related: [...p.concept.related], readAs };
  }
  return undefined;
}

/**
 * A known word mistyped so that part of it was read as a verb (结昏登记: the
 * verb 登记 took the end of 结婚登记). Only when what is left is not a word of its
 * own (结昏 is not; 离婚 is, and 离婚登记 is not a typo of 结婚登记).
 */
function typoAcrossVerb(
  part: string,
  start: number,
  end: number,
  local: readonly Found[],
  book: readonly Phrase[],
  segment: (text: string) => string[],
): { found: Found; drop: Found } | undefined {
  const known = (w: string) => book.some((p) => p.concept.source === 'lexicon' && (p.say.includes(w) || p.concept.means.some((m) => m.includes(w))));
  for (const verb of local) {
    // A verb (结昏登记) or a service word (异地就医备按: 异地就医 took the start of 异地就医备案).
    if (verb.concept.kind !== 'action' && verb.concept.source !== 'lexicon') continue;
    const after = verb.at + verb.length === start;
    if (!after && verb.at !== end) continue;
    // The mistyped characters: one to three of the stretch, next to the phrase.
    for (let k = Math.min(3, end - start); k >= 2; k--) {
      const rest = after ? part.slice(start, start + k) : part.slice(end - k, end);
      if (segment(rest).length < 2 || known(rest) || [...rest].some((ch) => LIGHT_CHARACTERS.has(ch))) continue;
      const from = after ? verb.at : end - k;
      const to = after ? start + k : verb.at + verb.length;
      const concept = mistyped(part.slice(from, to), book);
      if (concept) return { found: { at: from, length: to - from, concept }, drop: verb };
    }
  }
  return undefined;
}

/** At most this many lexicon entries may contain a word for it to borrow their meaning: more, and the word is too vague. */
const PART_OF_ENTRIES = 2;

/**
 * A word no phrase covered. Latin words are pinyin candidates. A Chinese word
 * that is part of a known everyday word (产假 in 产假工资, 津贴 in 生育津贴) also
 * stands for what that word means, since the index holds whole words and would
 * not find the part alone.
 */
function wordConcept(word: string, common: ReadonlySet<string>, data: Phrasing, pinyin?: PinyinMap): Concept | undefined {
  if (LATIN.test(word)) return word.length >= 2 && !data.pinyinFillers.has(word) ? pinyinConcept(word, data, pinyin) : undefined;
  if (!HAN.test(word) || [...word].length < 2 || data.fillerSet.has(word) || common.has(word)) return undefined;
  const containing = data.services.filter((e) => (e.means ?? []).length > 0 && e.say.some((s) => s !== word && s.includes(word)));
  const means = containing.length <= PART_OF_ENTRIES ? [...new Set(containing.flatMap((e) => e.means ?? []))] : [];
  return { say: word, means, related: [], kind: 'thing', source: 'word' };
}

/** Most words a pinyin note names (已按“社保卡”查找): a spelling of more is no reading worth stating. */
const READ_AS_WORDS = 3;

/**
 * A Latin word read as pinyin: the Chinese words it spells in the catalog
 * (`spelled`, what the ranking checks items against), and as `means` those
 * words with the official wordings of the everyday ones among them, which the
 * index holds (shebaoka → 社保卡 → 社会保障卡): what is searched and highlighted.
 */
function pinyinConcept(word: string, data: Phrasing, pinyin?: PinyinMap): Concept {
  const spelled = pinyin ? spelledWords(pinyin, word) : [];
  const official = (w: string) => data.services.filter((e) => e.say.includes(w)).flatMap((e) => e.means ?? []);
  const means = [...new Set(spelled.flatMap((w) => [w, ...official(w)]))];
  const concept: Concept = { say: word, means, related: [], kind: 'thing', source: 'pinyin', spelled };
  // The words of the spelling itself (jiehun → 结婚), not of the longer ones it begins (结婚登记, 结婚证).
  const exact = pinyin?.get(word) ?? [];
  const read = exact.length > 0 ? exact : spelled;
  if (read.length > 0 && read.length <= READ_AS_WORDS) concept.readAs = read.join('”“');
  return concept;
}
