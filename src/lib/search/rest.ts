/**
 * The stretches of a query no phrase covered (rules.ts): read as a known everyday
 * word with one character mistyped (公基金 → 公积金, 结昏登记 → 结婚登记), else as
 * dictionary words, pinyin or unknown words, each of which the query asks for. The
 * engine imports this module only for a query that has such a stretch (rules.ts
 * says so: `unread`), so that a query the phrasing reads whole (社保卡) never
 * downloads it. Pure and browser-safe.
 */
import {
  DOCUMENT_SUFFIXES,
  HAN,
  LIGHT_CHARACTERS,
  NOUN_SUFFIXES,
  type Concept,
  type Found,
  type LatinReader,
  type Phrase,
  type Phrasing,
  type RestReader,
} from './rules.ts';

/** The reader of a query's stretches no phrase covered, which rules.ts calls. */
export const restReader: RestReader = {
  read({ part, start, end, local, data, inside, segment, common, latin }) {
    const rest = part.slice(start, end);
    const book = data.book;
    const cuts = (k: number) => (inside.get(start + k) ?? 0) >= 2;
    const across = typoIn(rest, book, cuts) ? undefined : typoAcrossVerb(part, start, end, local, book, segment);
    const typo = across ? undefined : typoIn(rest, book, cuts);
    if (across) {
      local.splice(local.indexOf(across.drop), 1);
      local.push(across.found);
    }
    if (typo) local.push({ at: start + typo.at, length: typo.length, concept: typo.concept });
    // What the corrected word left of the stretch is read as usual.
    const cut = across
      ? { at: Math.max(0, across.found.at - start), length: Math.min(end, across.found.at + across.found.length) - Math.max(start, across.found.at) }
      : typo;
    const left = cut ? `${rest.slice(0, cut.at)} ${rest.slice(cut.at + Math.max(0, cut.length))}` : rest;
    for (const word of restWords(left, segment, data.fillers, data.wholeWords)) {
      const concept = wordConcept(word, common, data, latin);
      if (concept) local.push({ at: start + left.indexOf(word), length: word.length, concept });
    }
  },
};

const LATIN = /^[a-z]+$/;

/** Characters that make a time of the word before them (结婚后, 退休前). */
const TIME_SUFFIXES = new Set([...'后前']);

/**
 * One character changed: a likely typo (公基金 for 公积金, 身分证 for 身份证).
 * Only for words of three characters or more, where one changed character still leaves the word recognisable.
 * Takes both words as characters (code points): `mistyped` splits each once, not once per comparison.
 */
function oneCharOff(x: readonly string[], y: readonly string[]): boolean {
  if (x.length !== y.length || x.length < 3) return false;
  let at = -1;
  for (let i = 0; i < x.length; i++) {
    if (x[i] === y[i]) continue;
    if (at >= 0) return false;
    at = i;
  }
  if (at < 0) return false;
  // 房产税 is not a typo of 房产证: a different document or charge is a different thing.
  // Nor is 手机充 a typo of 手机上: a particle or light verb swapped for a word changes the meaning.
  // A typed document or noun character names another thing; typed in its place (准生正), the known one is meant.
  // Nor is 结婚后 a typo of 结婚证: a word with 后 or 前 says when (after marrying), not which document.
  const typed = x[at]!;
  const known = y[at]!;
  return (
    !DOCUMENT_SUFFIXES.has(typed) && !NOUN_SUFFIXES.has(typed) && !TIME_SUFFIXES.has(typed) && !LIGHT_CHARACTERS.has(typed) && !LIGHT_CHARACTERS.has(known)
  );
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

/** A lexicon phrase's wordings of one length: its everyday word first, then its official ones. */
interface TypoCandidates {
  phrase: Phrase;
  /** Each wording, and its characters. */
  words: { word: string; chars: string[] }[];
}

/** Per phrase book: every lexicon wording, and each phrase's wordings by length in book order. */
const typoIndex = new WeakMap<readonly Phrase[], { known: Set<string>; byLength: Map<number, TypoCandidates[]> }>();

/** The lexicon's wordings of a phrase book, indexed once: `mistyped` is asked for every window of every unread stretch. */
function typoCandidates(book: readonly Phrase[]) {
  let index = typoIndex.get(book);
  if (index) return index;
  const known = new Set<string>();
  const byLength = new Map<number, TypoCandidates[]>();
  for (const phrase of book) {
    // Only the lexicon's words: they name services; groups and purposes are too short and similar (老年人, 老年卡).
    if (phrase.concept.source !== 'lexicon') continue;
    const all = [phrase.say, ...phrase.concept.means];
    for (const w of all) known.add(w);
    for (const length of new Set(all.map((w) => [...w].length))) {
      const list = byLength.get(length) ?? [];
      list.push({ phrase, words: all.filter((w) => [...w].length === length).map((word) => ({ word, chars: [...word] })) });
      byLength.set(length, list);
    }
  }
  index = { known, byLength };
  typoIndex.set(book, index);
  return index;
}

/** The lexicon entry a stretch is a one-character typo of, compared with its everyday and its official words. */
function mistyped(window: string, book: readonly Phrase[]): Concept | undefined {
  const { known, byLength } = typoCandidates(book);
  // A known wording is no typo (探矿权 is not 采矿权 mistyped).
  if (known.has(window)) return undefined;
  // Only a wording of the window's length can be one character off it.
  const chars = [...window];
  for (const { phrase: p, words } of byLength.get(chars.length) ?? []) {
    const readAs = words.find((w) => oneCharOff(chars, w.chars))?.word;
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

/**
 * Words of a stretch no phrase covered, fillers removed. Runs of single
 * characters the dictionary does not know (燃 气 费) are kept together as one
 * word, so that an unknown word is not lost and its query is not mistaken for a match.
 */
function restWords(rest: string, segment: (text: string) => string[], fillers: readonly string[], whole: readonly string[] = []): string[] {
  let text = rest;
  for (const filler of fillers) if (filler.length >= 2) text = text.split(filler).join(' ');
  // A word the data knows (负责人, 出资额) is one word, where the segmenter would cut it (负责 人, 出资 额变).
  const known = new Set<string>();
  const tokens = text.split(' ').flatMap((token) => splitWhole(token, whole, known));
  const words: string[] = [];
  for (const token of tokens.filter(Boolean)) {
    if (known.has(token)) {
      words.push(token);
      continue;
    }
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

/** A token cut around the known words in it, the longest at each place first; the words found are added to `found`. */
function splitWhole(token: string, whole: readonly string[], found: Set<string>): string[] {
  const out: string[] = [];
  let plain = '';
  for (let at = 0; at < token.length;) {
    const word = whole.find((w) => token.startsWith(w, at));
    if (word === undefined) {
      plain += token[at++];
      continue;
    }
    out.push(plain, word);
    found.add(word);
    plain = '';
    at += word.length;
  }
  return [...out, plain];
}

/** At most this many lexicon entries may contain a word for it to borrow their meaning: more, and the word is too vague. */
const PART_OF_ENTRIES = 2;

/**
 * A word no phrase covered. Latin words are pinyin candidates. A Chinese word
 * that is part of a known everyday word (产假 in 产假工资, 津贴 in 生育津贴) also
 * stands for what that word means, since the index holds whole words and would
 * not find the part alone.
 */
function wordConcept(word: string, common: ReadonlySet<string>, data: Phrasing, latin?: LatinReader): Concept | undefined {
  // Without the Latin reader a Latin word is still a word of the query, one that spells nothing.
  if (LATIN.test(word))
    return word.length < 2 ? undefined : latin ? latin.concept(word) : { say: word, means: [], related: [], kind: 'thing', source: 'pinyin', spelled: [] };
  if (!HAN.test(word) || [...word].length < 2 || data.fillerSet.has(word) || common.has(word)) return undefined;
  // Who applies (个人) borrows no everyday word's meaning (个人交社保): it names no service.
  if (data.applicantWords.has(word)) return { say: word, means: [], related: [], kind: 'thing', source: 'word', applicant: true };
  const containing = data.services.filter((e) => (e.means ?? []).length > 0 && e.say.some((s) => s !== word && s.includes(word)));
  const means = containing.length <= PART_OF_ENTRIES ? [...new Set(containing.flatMap((e) => e.means ?? []))] : [];
  return { say: word, means, related: [], kind: 'thing', source: 'word' };
}
