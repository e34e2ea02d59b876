/**
 * Large data files as a stream of text pieces instead of one string. At
 * national scale /data/items.json and /data/items.csv are 20–45 MB: built as
 * one string (UTF-16 in memory, twice the bytes of Chinese UTF-8), next to
 * every item's record and then the encoded body, they made the build's largest
 * memory peak. Piece by piece, each record is made, encoded and dropped in turn,
 * and the bytes are exactly those of the one-string forms.
 */

/**
 * The text of `JSON.stringify([...values], null, 2)`, then a newline, one value
 * at a time: each element is indented by two spaces, as the whole array's
 * stringify indents it (JSON strings never hold a raw line break).
 */
export function* jsonArrayPieces(values: Iterable<unknown>): Generator<string> {
  let first = true;
  for (const value of values) {
    yield `${first ? '[\n' : ',\n'}  ${JSON.stringify(value, null, 2).replaceAll('\n', '\n  ')}`;
    first = false;
  }
  yield first ? '[]\n' : '\n]\n';
}

/** Bytes of text per chunk of the stream: large enough that the per-chunk cost vanishes, small next to a national file. */
const CHUNK_CHARS = 1 << 16;

/**
 * A UTF-8 byte stream of the pieces, for a `Response` body: pieces are joined
 * into chunks of about 64 K characters and encoded as they are pulled, so that
 * only the encoded bytes are ever held whole. An error while making a piece
 * errors the stream, and with it the response (the build stops).
 */
export function textStream(pieces: Iterable<string>): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const iterator = pieces[Symbol.iterator]();
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      let text = '';
      while (text.length < CHUNK_CHARS) {
        const next = iterator.next();
        if (next.done) {
          if (text) controller.enqueue(encoder.encode(text));
          controller.close();
          return;
        }
        text += next.value;
      }
      controller.enqueue(encoder.encode(text));
    },
  });
}
