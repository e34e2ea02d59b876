/**
 * Pure helpers for the read-aloud control (src/client/read-aloud.ts): which
 * voice may read, and how a page's text is cut into utterances.
 */

/** What the read-aloud control needs of a SpeechSynthesisVoice. */
export interface VoiceLike {
  name: string;
  lang: string;
  /** False for a voice that sends the text to a server to be spoken. */
  localService: boolean;
  default?: boolean;
}

/** Language tags of Mandarin in simplified script, lower case, `_` read as `-`. */
const MANDARIN_CN = /^(zh|cmn)(-hans)?(-cn)?$/;

/**
 * The voice to read a Chinese page with: a Mandarin (zh-CN) voice that speaks on
 * this device, preferring the exact tag zh-CN and then the system's default.
 * A voice that is not a local service would send the page's text off the
 * device, so it is never chosen; undefined when no voice qualifies.
 */
export function pickChineseVoice<V extends VoiceLike>(voices: readonly V[]): V | undefined {
  const tag = (v: V) => v.lang.toLowerCase().replace(/_/g, '-');
  const usable = voices.filter((v) => v.localService && MANDARIN_CN.test(tag(v)));
  const rank = (v: V) => (tag(v) === 'zh-cn' ? 0 : 2) + (v.default ? 0 : 1);
  return [...usable].sort((a, b) => rank(a) - rank(b))[0];
}

/** Sentence ends in Chinese and Western text; the mark stays with its sentence. */
const SENTENCE = /[^。！？；!?;\n]+[。！？；!?;]*|[。！？；!?;]+/g;

/**
 * Cuts a block's text into utterances of at most `max` characters, at sentence
 * ends where it can, then at commas, then anywhere: some engines stop reading
 * a long utterance part-way, and short ones let pause and stop act at once.
 */
export function splitForSpeech(text: string, max = 120): string[] {
  const clean = text.replace(/\s+/g, ' ').trim();
  if (!clean) return [];
  const pieces: string[] = [];
  for (const sentence of clean.match(SENTENCE) ?? []) {
    let rest = sentence.trim();
    while (rest.length > max) {
      const comma = Math.max(...['，', '、', ',', ' '].map((c) => rest.lastIndexOf(c, max - 1)));
      const cut = comma > max / 3 ? comma + 1 : max;
      pieces.push(rest.slice(0, cut).trim());
      rest = rest.slice(cut).trim();
    }
    if (rest) pieces.push(rest);
  }
  // Join short sentences back up to `max`, so that a list of short items is not read word by word with pauses.
  return pieces.reduce<string[]>((out, p) => {
    const last = out.at(-1);
    if (last !== undefined && last.length + p.length <= max) out[out.length - 1] = last + p;
    else out.push(p);
    return out;
  }, []);
}
