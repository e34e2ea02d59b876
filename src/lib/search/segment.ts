/**
 * Word segmentation shared by the build (indexing) and the browser (queries):
 * one module without heavy imports, so that browser code can use it instead of
 * keeping a copy.
 */
const segmenter = new Intl.Segmenter('zh-CN', { granularity: 'word' });

/** Splits text into words the way browsers do (ICU), keeping only word-like segments. */
export function segmentWords(text: string): string[] {
  return [...segmenter.segment(text)].filter((s) => s.isWordLike).map((s) => s.segment);
}
