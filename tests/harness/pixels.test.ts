import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { crc32, deflateSync } from 'node:zlib';
import { contrastingChange, decodePng, meanBrightness } from './pixels.ts';

/** A PNG of `width`×`height`, 8-bit RGB, each row written with the given filter byte. */
function png(width: number, height: number, rows: { filter: number; bytes: number[] }[]): Buffer {
  const chunk = (type: string, body: Buffer) => {
    const head = Buffer.alloc(4);
    head.writeUInt32BE(body.length);
    const tail = Buffer.alloc(4);
    tail.writeUInt32BE(crc32(Buffer.concat([Buffer.from(type), body])));
    return Buffer.concat([head, Buffer.from(type), body, tail]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 2, 0, 0, 0], 8);
  const raw = Buffer.from(rows.flatMap(({ filter, bytes }) => [filter, ...bytes]));
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

describe('reading pixels in Node (no image tool)', () => {
  it('decodes an RGB PNG through its row filters, and its mean brightness', () => {
    // Row 1 unfiltered: black, white. Row 2 "up" (filter 2): each byte adds to the one above, so 255 + 0 stays white and 0 + 255 turns white.
    const image = decodePng(
      png(2, 2, [
        { filter: 0, bytes: [0, 0, 0, 255, 255, 255] },
        { filter: 2, bytes: [255, 255, 255, 0, 0, 0] },
      ]),
    );
    assert.deepEqual([image.width, image.height], [2, 2]);
    assert.deepEqual([...image.rgba], [0, 0, 0, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255]);
    assert.ok(Math.abs(meanBrightness(image) - 0.75) < 1e-9, `mean brightness ${meanBrightness(image)}`);
  });

  it('counts only the pixels whose change has the contrast asked for', () => {
    const before = decodePng(png(2, 1, [{ filter: 0, bytes: [255, 255, 255, 255, 255, 255] }]));
    const after = decodePng(png(2, 1, [{ filter: 0, bytes: [0, 0, 0, 250, 250, 250] }]));
    assert.equal(contrastingChange(before, after), 1);
  });

  it('refuses a PNG it cannot read', () => {
    const grey = png(1, 1, [{ filter: 0, bytes: [0, 0, 0] }]);
    grey[8 + 8 + 9] = 0; // colour type 0 (greyscale)
    assert.throws(() => decodePng(grey), /unsupported PNG/);
  });
});
