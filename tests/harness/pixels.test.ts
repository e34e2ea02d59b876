import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { meanBrightness, parsePgm } from './pixels.ts';

describe('reading pixels in Node (no image tool)', () => {
  it('reads a binary PGM, comments included, and its mean brightness', () => {
    const image = parsePgm(Buffer.concat([Buffer.from('P5\n# pdftoppm\n2 2\n255\n'), Buffer.from([0, 255, 255, 255])]));
    assert.deepEqual([image.width, image.height, [...image.pixels]], [2, 2, [0, 255, 255, 255]]);
    assert.equal(meanBrightness(image), 0.75);
  });

  it('refuses what is not an 8-bit PGM, or is cut short', () => {
    assert.throws(() => parsePgm(Buffer.from('P6\n1 1\n255\n\0\0\0')), /not an 8-bit binary PGM/);
    assert.throws(() => parsePgm(Buffer.concat([Buffer.from('P5 2 2 255\n'), Buffer.from([1, 2])])), /cut short/);
  });
});
