import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildCatalog } from '../catalog/catalog.ts';
import { csvCell, csvPieces, ITEM_CSV_COLUMNS, itemRecord, toCsv } from './open-data.ts';
import { jsonArrayPieces, textStream } from './text-stream.ts';
import { realInputs } from '../../../tests/harness/inputs.ts';

const catalog = buildCatalog(realInputs());
const records = catalog.items.map((i) =>
  itemRecord(i, {
    bureauName: (slug) => slug,
    topicName: (slug) => slug,
    url: (id) => `/items/${id}/`,
  }),
);

/** The bytes a Response with this body would hold, as Astro writes them. */
const bytesOf = async (pieces: Iterable<string>) => Buffer.from(await new Response(textStream(pieces)).arrayBuffer());

describe('data files streamed piece by piece', () => {
  it('give the bytes of JSON.stringify(records, null, 2) for the real catalog, and for no or one value', async () => {
    assert.ok(records.length > 100);
    for (const values of [records, [], [records[0]], [1, 'a\nb', null, { a: [] }]]) {
      const whole = Buffer.from(`${JSON.stringify(values, null, 2)}\n`);
      assert.ok((await bytesOf(jsonArrayPieces(values))).equals(whole));
    }
  });

  it('give the bytes of the CSV as one string, byte order mark and CRLF included', async () => {
    const rows = [ITEM_CSV_COLUMNS.map((c) => c.header), ...records.map((r) => ITEM_CSV_COLUMNS.map((c) => c.value(r)))];
    const whole = `\uFEFF${rows.map((row) => row.map(csvCell).join(',')).join('\r\n')}\r\n`;
    assert.equal(toCsv(rows), whole);
    assert.ok((await bytesOf(csvPieces(rows))).equals(Buffer.from(whole)));
    assert.equal(toCsv([]), '\uFEFF\r\n');
  });

  it('cut a long text into bounded chunks without splitting a character', async () => {
    const piece = '跨省通办'.repeat(10_000);
    const chunks: Uint8Array[] = [];
    for await (const chunk of textStream([piece, piece, piece, 'x'])) chunks.push(chunk);
    assert.ok(chunks.length >= 2, `${chunks.length} chunks`);
    assert.equal(Buffer.concat(chunks).toString('utf8'), `${piece.repeat(3)}x`);
  });

  it('fails the response when a piece cannot be made', async () => {
    function* failing() {
      yield '[';
      throw new Error('bad record');
    }
    await assert.rejects(new Response(textStream(failing())).arrayBuffer(), /bad record/);
  });
});
