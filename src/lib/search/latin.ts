/**
 * Latin letters in a query: pinyin (shebaoka, gjj tiqu, she bao ka) read as the
 * catalog's Chinese words it spells, and English or mixed words (social security
 * card, 医保 qr code) as the Chinese words they stand for. The engine imports this
 * module only for a query with Latin letters, together with the Latin data it reads
 * (pinyin.ts): a search typed in Chinese downloads neither. Pure and browser-safe.
 */
import { wordingOccursIn } from '../source/wording.ts';
import { decodeLatinData, spelledWords, type PinyinMap } from './pinyin.ts';
import { entriesFor, everydayWords, itemMatchText } from './rank.ts';
import { decodePhrasing, escapeRegExp, phrasing, type Concept, type LatinReader, type QueryLexiconEntry } from './rules.ts';

/** The Latin data read, with the code that reads a query's Latin letters: what the engine's `latin` loader gives. */
export interface LatinReading {
  /** The whole phrasing: the page's entries and those of Latin words, one array so that it is compiled once (rules.ts). */
  lexicon: QueryLexiconEntry[];
  /** The reader of a query's Latin letters with the given phrasing and this data's pinyin map. */
  reader(entries: readonly QueryLexiconEntry[]): LatinReader;
  /** The Chinese words an item is found under by pinyin ({@link pinyinSourceWords}). */
  sourceWords: typeof pinyinSourceWords;
}

/** The Latin data's text (pinyin.ts) read against the page's phrasing `lexicon`. */
export function readLatin(text: string, lexicon: readonly QueryLexiconEntry[]): LatinReading {
  const latin = decodeLatinData(text);
  return {
    lexicon: [...lexicon, ...(latin.phrasing === '' ? [] : decodePhrasing(latin.phrasing))],
    reader: (entries) => latinReader(entries, latin.pinyin),
    sourceWords: pinyinSourceWords,
  };
}

/** The phrasing only Latin words meet, compiled once per data set. */
interface LatinPhrasing {
  pinyinFillers: ReadonlySet<string>;
  pinyinVerbs: ReadonlyMap<string, string>;
  /** English or mixed words, longest first, with the Chinese word each stands for. */
  foreign: { pattern: RegExp; chinese: string }[];
}

const compiled = new WeakMap<readonly QueryLexiconEntry[], LatinPhrasing>();

function latinPhrasing(entries: readonly QueryLexiconEntry[]): LatinPhrasing {
  const cached = compiled.get(entries);
  if (cached) return cached;
  const of = (c: string) => entries.filter((e) => e.class === c);
  const result: LatinPhrasing = {
    pinyinFillers: new Set(of('pinyin-filler').flatMap((e) => e.say)),
    pinyinVerbs: new Map(of('pinyin-verb').flatMap((e) => e.say.map((say) => [say, e.means?.[0] ?? ''] as [string, string]))),
    foreign: of('foreign')
      .flatMap((e) => e.say.map((say) => ({ say, chinese: e.means?.[0] ?? '' })))
      .sort((a, b) => b.say.length - a.say.length)
      // A foreign word glues to its neighbours (医保 qr code → 医保二维码), as a Chinese word would.
      .map(({ say, chinese }) => ({ pattern: new RegExp(`\\s*(?<![a-z0-9])${escapeRegExp(say)}(?![a-z0-9])\\s*`, 'g'), chinese })),
  };
  compiled.set(entries, result);
  return result;
}

/**
 * The reader of a query's Latin letters (rules.ts, {@link LatinReader}) with the phrasing `entries` and the
 * pinyin map; without the map, a Latin word spells nothing.
 */
export function latinReader(entries: readonly QueryLexiconEntry[], pinyin?: PinyinMap): LatinReader {
  const data = latinPhrasing(entries);
  const known = (w: string) => data.pinyinFillers.has(w) || data.pinyinVerbs.has(w) || (pinyin?.has(w) ?? false);
  const pinyinText = (text: string) =>
    pinyinWords(joinSyllables(text).split(' '), known, pinyin)
      .filter((w) => !data.pinyinFillers.has(w))
      .map((w) => data.pinyinVerbs.get(w) ?? w)
      .join(' ');
  return {
    translate: (query) => {
      const text = translateForeign(query, entries);
      // Pinyin among characters (shangbiao zhuce 怎么申请) is read as a pinyin query is: its fillers dropped, its verbs in characters.
      return /^[a-z ]+$/.test(text)
        ? text
        : text
            .replace(/[a-z]+(?: [a-z]+)*/g, (run) => ` ${pinyinText(run)} `)
            .replace(/\s+/g, ' ')
            .trim();
    },
    pinyinText,
    concept: (word) => (data.pinyinFillers.has(word) ? undefined : pinyinConcept(word, phrasing(entries).services, pinyin)),
  };
}

/**
 * Pinyin words as the map spells them: a word typed with erhua (xinshengr, nar) as the spelling with 儿 or
 * without it; two words the map spells only together (shang hukou → shanghukou, 上户口) as one; and a
 * word no spelling begins, typed without spaces (yidijiuyibeian zenmeban), as the fewest known words it
 * is made of. A word none of these reads stays as typed.
 */
function pinyinWords(words: readonly string[], known: (w: string) => boolean, pinyin?: PinyinMap): string[] {
  if (!pinyin) return [...words];
  const spells = (w: string) => known(w) || spelledWords(pinyin, w).length > 0;
  const out: string[] = [];
  for (let i = 0; i < words.length; i++) {
    let word = words[i] ?? '';
    if (!spells(word) && /[^e]r$/.test(word)) word = [`${word.slice(0, -1)}er`, word.slice(0, -1)].find(spells) ?? word;
    const next = words[i + 1];
    if (next !== undefined && pinyin.has(word + next)) {
      out.push(word + next);
      i++;
    } else out.push(...(spells(word) ? [word] : splitKnown(word, known)));
  }
  return out;
}

/** The fewest known words (two letters or more) `word` is made of, or `word` alone when it is no such run. */
function splitKnown(word: string, known: (w: string) => boolean): string[] {
  const best: (string[] | undefined)[] = [[]];
  for (let end = 2; end <= word.length; end++)
    for (let start = end - 2; start >= 0; start--) {
      const before = best[start];
      const piece = word.slice(start, end);
      if (before && known(piece) && (!best[end] || before.length + 1 < best[end]!.length)) best[end] = [...before, piece];
    }
  return best[word.length] ?? [word];
}

/** Replaces English or mixed words (social security card, e-) with the Chinese words they stand for. */
export function translateForeign(query: string, entries: readonly QueryLexiconEntry[]): string {
  // British spellings and plurals read as the listed words (licence → license, benefits → benefit).
  let text = ` ${query} `
    .replace(/licence/g, 'license')
    .replace(/isation/g, 'ization')
    .replace(/(?<=[a-z]{3}[^s])s(?![a-z])/g, '');
  for (const { pattern, chinese } of latinPhrasing(entries).foreign) text = text.replace(pattern, chinese);
  return text.replace(/\s+/g, ' ').trim();
}

/** One pinyin syllable, without tone: an initial (or none) and a final. */
const SYLLABLE =
  /^(?:[bpmfdtnlgkhjqxrwy]|[zcs]h?)?(?:i(?:a(?:ng?|o)?|e|ng?|ong|u)?|u(?:a(?:i|ng?)?|[eio]|n)?|v(?:e|n)?|a(?:[io]|ng?)?|o(?:u|ng)?|e(?:[ir]|ng?)?)$/;

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

/** Most words a pinyin note names (已按“社保卡”查找): a spelling of more is no reading worth stating. */
const READ_AS_WORDS = 3;

/**
 * A Latin word read as pinyin: the Chinese words it spells in the catalog
 * (`spelled`, what the ranking checks items against), and as `means` those
 * words with the official wordings of the everyday ones among them, which the
 * index holds (shebaoka → 社保卡 → 社会保障卡): what is searched and highlighted.
 */
function pinyinConcept(word: string, services: readonly QueryLexiconEntry[], pinyin?: PinyinMap): Concept {
  const spelled = pinyin ? spelledWords(pinyin, word) : [];
  const official = (w: string) => services.filter((e) => e.say.includes(w)).flatMap((e) => e.means ?? []);
  const means = [...new Set(spelled.flatMap((w) => [w, ...official(w)]))];
  const concept: Concept = { say: word, means, related: [], kind: 'thing', source: 'pinyin', spelled };
  // The words of the spelling itself (jiehun → 结婚), not of the longer ones it begins (结婚登记, 结婚证).
  const exact = pinyin?.get(word) ?? [];
  const read = exact.length > 0 ? exact : spelled;
  if (read.length > 0 && read.length <= READ_AS_WORDS) concept.readAs = read.join('”“');
  return concept;
}

/**
 * The Chinese words an item is found under by their pinyin: its everyday words,
 * the words of the official wordings they stand for (someone who knows 驾驶证
 * may type jiashizheng), and the words of its name of two characters or more.
 * The build spells them into the pinyin map (terms.ts); the engine checks a
 * typed spelling against them, so that both agree on what pinyin finds.
 */
export function pinyinSourceWords(
  item: { name: string; scenario: string },
  services: readonly { say: readonly string[]; means?: readonly string[] }[],
  segment: (text: string) => string[],
): string[] {
  const text = itemMatchText(item);
  const entries = entriesFor(services, text);
  const official = entries.flatMap((e) => (e.means ?? []).filter((m) => wordingOccursIn(m, text)).flatMap((m) => m.split(' ')));
  const nameWords = segment(item.name).filter((w) => w.length >= 2);
  // The whole name too, without its brackets: its initials (dwsbcbzm…) spell the item, typed as far as one likes.
  const name = item.name.replace(/（[^）]*）/g, '');
  return [...new Set([...everydayWords(text, services), ...official, ...nameWords, name])];
}
