/**
 * Which voice may read a page aloud (src/client/read-aloud.ts). Apart from the text
 * splitting in speech.ts, so that a page without a usable voice loads none of the reader.
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
