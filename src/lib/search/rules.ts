/**
 * The algorithms that read a request (我要在北京领结婚证) against the phrasing
 * data: where places, fillers, verbs, groups of people, purposes and service
 * words are (content/phrasing.yaml and content/lexicon.yaml, one schema in
 * src/lib/source/lexicon.ts) and how a query turns into {@link Concept}s. Code keeps only the
 * algorithms; every word list is data. Pure and browser-safe.
 */

import type { LexiconEntry } from '../source/lexicon.ts';
import type { PhraseClass } from '../source/wording.ts';

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
  /** The word says who applies (个人): it accounts for an item that names that applicant, and finds none by itself. */
  applicant?: true;
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

/**
 * How a query's Latin letters are read (latin.ts): loaded with the Latin data, and only for a query that has
 * Latin letters, so that its code is not downloaded for a search typed in Chinese.
 */
export interface LatinReader {
  /** The query with English or mixed words (social security card) replaced by the Chinese words they stand for. */
  translate(query: string): string;
  /** A query of Latin words only, as pinyin: syllables typed apart joined, fillers dropped, verbs in characters. */
  pinyinText(text: string): string;
  /** A Latin word read as the catalog's words it spells; nothing for a pinyin filler. */
  concept(word: string): Concept | undefined;
}

/**
 * How the stretches of a query no phrase covered are read (rest.ts): as a known word mistyped (公基金, 结昏登记),
 * dictionary words, pinyin or unknown words. Loaded only for a query that has such a stretch, so that its code is
 * not downloaded for one the phrasing reads whole (社保卡).
 */
export interface RestReader {
  /**
   * Reads the stretch of `part` from `start` to `end` into `local`, the phrases found in `part` so far
   * (a typo across a verb replaces that verb's phrase). `inside` holds the offsets inside dictionary words.
   */
  read(stretch: {
    part: string;
    start: number;
    end: number;
    local: Found[];
    data: Phrasing;
    inside: ReadonlyMap<number, number>;
    segment: (text: string) => string[];
    common: ReadonlySet<string>;
    latin?: LatinReader;
  }): void;
}

/** A phrase of the phrasing data to find in a query, with the concept it stands for. */
export type Phrase = { say: string; concept: Omit<Concept, 'say'> };

/** The phrasing data compiled for reading queries; built once per data set. */
export interface Phrasing {
  /** Every phrase to look for, longest first. */
  book: Phrase[];
  /** Fillers, longest first. */
  fillers: string[];
  /** Words of `facet` entries (小轿车, 装修): words of their own, which a typo may not cut into. */
  facetWords: string[];
  /**
   * Words read whole where no phrase covered them, however the segmenter cuts them (出资额, 法定代表人): the generic
   * words of the items' facets (a `facet` entry without a facet, added by facet-match.ts), longest first.
   */
  wholeWords: string[];
  /** Words of `facet` entries that say who applies (个人, who=个人): see {@link Concept.applicant}. */
  applicantWords: ReadonlySet<string>;
  fillerSet: ReadonlySet<string>;
  places: RegExp;
  /** The service entries (content/lexicon.yaml). */
  services: QueryLexiconEntry[];
  /** Wordings of the action assumed when a query names none (申领, 设立…). */
  defaultAction: string[];
}

const compiled = new WeakMap<readonly QueryLexiconEntry[], Phrasing>();

/** Classes whose entries are phrases to find in a query, and what their concepts are. */
const PHRASE_SOURCES: Partial<Record<PhraseClass, ConceptSource>> = { service: 'lexicon', verb: 'verb', group: 'group', purpose: 'purpose' };

const longestFirst = (a: string, b: string) => b.length - a.length;
/** `text` as a regular expression that matches it literally. */
export const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

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
  // The premise of every item (跨省通办: done without going back) in its everyday forms: where the person or both people
  // are registered (户口都不在这边, 俩人都在外省; not 户口还在老家, which may be the registration to move), where a thing
  // was obtained (驾照不是在这儿领的, 外省买的) and not going back to the school or office (不用回学校那边). It says where,
  // never what; a document that is itself a service (户口本, 档案) is not part of it.
  const premise = `(?:人|我|我们|俩人|两人|两个人|现在|目前|身|住|户口|户籍)?(?:都|也|全)?(?:不是|是|不|没)?在`;
  const noReturn = `(?:不用|不想|不愿|不愿意|没法|不能|不必|不需要|不要|用不着|不)回(?:到|去)?(?:学校|原单位|老单位|单位)?`;
  const places = new RegExp(
    `(?:${premise}|${noReturn}|回到|回|从|到|去|跟|向)?(?:${placeNames.join('|') || '(?!)'})(?:市|省)?(?:工作|上班|打工|生活|上学|读书|定居|居住|户口|户籍|那边|这边|那儿|(?:领|考|办|买|发|登记)的|的)?`,
    'g',
  );
  const fillers = of('filler')
    .flatMap((e) => e.say)
    .sort(longestFirst);
  const result: Phrasing = {
    book,
    fillers,
    facetWords: of('facet')
      .filter((e) => e.facet)
      .flatMap((e) => e.say),
    applicantWords: new Set(
      of('facet')
        .filter((e) => e.facet?.startsWith('who='))
        .flatMap((e) => e.say),
    ),
    wholeWords: of('facet')
      .filter((e) => !e.facet)
      .flatMap((e) => e.say)
      .filter((w) => [...w].length >= 2)
      .sort(longestFirst),
    fillerSet: new Set(fillers),
    places,
    services: of('service'),
    defaultAction: entries.find((e) => e.class === 'verb' && e.default)?.means ?? [],
  };
  compiled.set(entries, result);
  return result;
}

/**
 * Removes place phrases (人在北京, 在外地上班, 不回老家); a place never names a service. With `keepRegistration`, the
 * registration said with a place (户口在外省, 外地户口) stays: see {@link readConcepts}.
 */
export function stripPlaces(query: string, entries: readonly QueryLexiconEntry[], keepRegistration = false): string {
  return query
    .replace(phrasing(entries).places, (phrase) => ` ${keepRegistration ? (/户口|户籍/.exec(phrase)?.[0] ?? '') : ''} `)
    .replace(/\s+/g, ' ')
    .trim();
}

/** A found phrase and where it sits in the text. */
export interface Found {
  at: number;
  length: number;
  concept: Concept;
}

/** A Chinese character. */
export const HAN = /\p{Script=Han}/u;

/**
 * Turns a query into the concepts it names. Places and fillers are stripped;
 * lexicon words and rule phrases are found longest first without overlap; the
 * rest is split into words, of which only words of two or more characters that
 * are not fillers or `common` (words most items contain) count, and
 * Latin words count as pinyin. Digits and single characters never count.
 * The concepts of {@link readConcepts}.
 */
export function queryConcepts(...args: Parameters<typeof readConcepts>): Concept[] {
  return readConcepts(...args).concepts;
}

/**
 * {@link queryConcepts}, saying too whether a stretch no phrase covered was left unread (`unread`): without
 * the reader of such stretches (rest.ts), their words are not read at all, and the query must be read again with it.
 *
 * @param query a query already cleaned by `normalizeQuery`.
 * @param common words so frequent in the catalog that they distinguish nothing (办理, 申请人).
 * @param latin the reader of Latin letters (latin.ts), to read Latin words as the Chinese words they spell; without it they spell nothing.
 * @param rests the reader of the stretches no phrase covered (rest.ts).
 */
export function readConcepts(
  query: string,
  lexicon: readonly QueryLexiconEntry[],
  segment: (text: string) => string[],
  common: ReadonlySet<string> = new Set(),
  latin?: LatinReader,
  rests?: RestReader,
  keepRegistration = false,
): { concepts: Concept[]; unread: boolean } {
  const data = phrasing(lexicon);
  const book = data.book;
  const found: Found[] = [];
  let unread = false;
  const translated = latin ? latin.translate(query) : query;
  const text = latin && /^[a-z ]+$/.test(translated) ? latin.pinyinText(translated) : stripPlaces(translated, lexicon, keepRegistration);
  for (const part of text.split(' ')) {
    const taken: boolean[] = [];
    const local: Found[] = [];
    const inside = wordInteriors(part, segment);
    // A word that states a facet (小轿车) is a word of its own: a typo may not cut into it (二手小轿车 is no 二手房). A
    // phrase still may: a service word (参保证明 in 个人参保证明) is read before the facet word it overlaps.
    const guarded = new Map(inside);
    for (const word of data.facetWords)
      for (let at = part.indexOf(word); at >= 0; at = part.indexOf(word, at + 1))
        for (let k = at + 1; k < at + word.length; k++) guarded.set(k, Math.max(guarded.get(k) ?? 0, word.length));
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
        if (rests) rests.read({ part, start: i - rest.length, end: i, local, data, inside: guarded, segment, common, latin });
        else unread = true;
        rest = '';
      }
    }
    found.push(...local.sort((a, b) => a.at - b.at));
  }
  // The same concept typed twice counts once.
  const seen = new Set<string>();
  const concepts = found
    .map((f) => f.concept)
    .filter((c) => {
      const key = `${c.source}:${c.means.join('|')}:${c.say}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
  // 户口 said with a place is where the person is registered (外地户口能交医保吗), unless nothing else is left to move:
  // 户口在外省想迁到石家庄 moves the registration itself, the object of the 户口迁移 items, and is read again with it.
  if (!keepRegistration && /迁|落户/.test(translated) && !concepts.some((c) => c.kind === 'thing') && stripPlaces(translated, lexicon, true) !== text)
    return readConcepts(query, lexicon, segment, common, latin, rests, true);
  return { concepts, unread };
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
export const DOCUMENT_SUFFIXES = new Set([...'证卡本费税']);

/** Characters that turn the word before them into another noun (房产 → 房产税, 养老 → 养老院). */
export const NOUN_SUFFIXES = new Set([...'税费院站所局馆店']);

/** Characters that carry no meaning on their own in a request (pronouns, particles, light verbs). */
export const LIGHT_CHARACTERS = new Set([
  ...'我你他她它们的了要办能吗呢啊吧得在把去给有是还都就也和与或个一这那哪怎么想用会可让被从到对为该请帮下上过着没不很多少啥咋俺先又才来',
]);

/** A count or a frequency (一年, 两项, 每月, 按月, 一方): how many or how often, never which service. */
const QUANTITY = /^[一二两三四五六七八九十百几每按各某半整双]+[年月日天周次回项条张份笔家件个本批遍趟方]$/u;

/** Particles that end a scrap of speech (出了, 做的, 办过): the word before them says how, not what; and 某, a name left out (刘某). */
const SCRAP_ENDS = new Set([...'了的着过吗呢啊吧呀嘛啦某']);

/** Pronouns, demonstratives and adverbs that start a scrap of speech (那笔, 这次, 先拿, 我家). */
const SCRAP_STARTS = new Set([...'这那哪每某先又才都就也还再我你他她俺咱想']);

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
