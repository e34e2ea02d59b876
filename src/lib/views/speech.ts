/**
 * How the read-aloud control (src/client/read-aloud-player.ts) cuts a page's
 * text into utterances; which voice reads it is voice.ts.
 */

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
