/**
 * Word segmentation shared by the build (indexing) and the browser (queries):
 * one module without heavy imports, so that browser code can use it instead of
 * keeping a copy.
 */
const segmenter = new Intl.Segmenter('zh-CN', { granularity: 'word' });

/** A letter or a digit: what makes a segment a word rather than spaces or punctuation. */
const WORD = /[\p{L}\p{N}]/u;

/** Splits text into words; the engine takes one so that a test can run it with another platform's segmentation. */
export type Segment = (text: string) => string[];

/**
 * The words among a segmenter's segments: those with a letter or digit. Not
 * `isWordLike`: Firefox ESR's segmenter (ICU4X) reports a Chinese word that ends
 * a run of Han characters before anything else, or stands alone (学历 in
 * 学历公证。, or 学历 by itself), as not word-like, so a query planned in Firefox
 * lost such words and ranked differently from Chromium and Node. On ICU
 * (Chromium, Node) the two tests agree.
 */
export function wordsOf(segments: Iterable<{ segment: string }>): string[] {
  return [...segments].filter((s) => WORD.test(s.segment)).map((s) => s.segment);
}

/**
 * Splits text into words the way this platform's `Intl.Segmenter` does. ICU
 * (Node, Chromium) and ICU4X (Firefox ESR) split some runs of words the catalog
 * does not know differently (家人手里: 家人 手里 in ICU, 家 人手 里 in ICU4X), so
 * a long question can name its unknown words differently in Firefox.
 */
export const segmentWords: Segment = (text) => wordsOf(segmenter.segment(text));
