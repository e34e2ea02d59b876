import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A greyscale image: width, height and one byte (0 black … 255 white) per pixel, row by row. */
export interface GreyImage {
  width: number;
  height: number;
  pixels: Uint8Array;
}

/** Reads a binary PGM (P5, 8 bits a sample), the greyscale image pdftoppm writes with `-gray`. */
export function parsePgm(data: Buffer): GreyImage {
  // Header: magic, width, height, maximum value, each after whitespace (comments start with #); then one byte of whitespace.
  const tokens: string[] = [];
  let i = 0;
  while (tokens.length < 4) {
    while (/\s/.test(String.fromCharCode(data[i]!))) i++;
    if (data[i] === 0x23) {
      while (data[i] !== 0x0a) i++;
      continue;
    }
    let token = '';
    while (!/\s/.test(String.fromCharCode(data[i]!))) token += String.fromCharCode(data[i++]!);
    tokens.push(token);
  }
  const [magic, width, height, max] = [tokens[0], Number(tokens[1]), Number(tokens[2]), Number(tokens[3])];
  if (magic !== 'P5' || max !== 255) throw new Error(`not an 8-bit binary PGM: ${tokens.join(' ')}`);
  const pixels = data.subarray(i + 1, i + 1 + width * height);
  if (pixels.length !== width * height) throw new Error(`PGM cut short: ${pixels.length} of ${width * height} pixels`);
  return { width, height, pixels: new Uint8Array(pixels) };
}

/** The mean brightness of an image, from 0 (all black) to 1 (all white). */
export function meanBrightness(image: GreyImage): number {
  let sum = 0;
  for (const p of image.pixels) sum += p;
  return sum / image.pixels.length / 255;
}

/**
 * Renders the first page of a PDF in grey at `dpi` with poppler's pdftoppm
 * (poppler-utils, in .ci/packages.txt) and reads its pixels in Node: no image tool needed.
 */
export function pdfFirstPage(pdf: Uint8Array, dpi = 30): GreyImage {
  const dir = mkdtempSync(join(tmpdir(), 'kstb-pixels-'));
  try {
    writeFileSync(join(dir, 'page.pdf'), pdf);
    execFileSync('pdftoppm', ['-gray', '-r', String(dpi), '-f', '1', '-l', '1', '-singlefile', join(dir, 'page.pdf'), join(dir, 'page')]);
    return parsePgm(readFileSync(join(dir, 'page.pgm')));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
