import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/** One subset file of the npm font package, with the code points it covers. */
interface FontChunk {
  file: string;
  weight: 400 | 700;
  ranges: [number, number][];
}

const require = createRequire(import.meta.url);
/** @fontsource/noto-sans-sc: Noto Sans SC (OFL-1.1) split into unicode-range subsets. */
const FONT_DIR = dirname(require.resolve('@fontsource/noto-sans-sc/package.json'));

/** The package's version, part of every share image's cache key. */
export const FONT_VERSION: string = (JSON.parse(readFileSync(join(FONT_DIR, 'package.json'), 'utf8')) as { version: string }).version;

/** Reads the package's CSS for a weight: which WOFF file covers which code points. */
function chunksOf(weight: 400 | 700): FontChunk[] {
  const css = readFileSync(join(FONT_DIR, `${weight}.css`), 'utf8');
  return [...css.matchAll(/@font-face\s*{([^}]*)}/g)].map(([, body]) => {
    const file = /url\(\.\/files\/([^)]+\.woff)\)/.exec(body!)?.[1];
    const range = /unicode-range:\s*([^;]+);/.exec(body!)?.[1];
    if (!file || !range) throw new Error(`@fontsource/noto-sans-sc/${weight}.css: unexpected @font-face block`);
    const ranges = range.split(',').map((r) => {
      const [from, to] = r.trim().replace(/^U\+/i, '').split('-');
      return [parseInt(from!, 16), parseInt(to ?? from!, 16)] as [number, number];
    });
    return { file, weight, ranges };
  });
}

let chunks: FontChunk[] | undefined;

/** The family name a subset is registered under: its subset number, same in both weights. */
const familyOf = (file: string) => `NotoSansSC-${/noto-sans-sc-([\w-]+?)-\d00-normal\.woff$/.exec(file)?.[1] ?? file}`;

/** The CSS font-family list naming every subset, for the card's root element. */
export function fontFamilyList(fonts: readonly SatoriFont[]): string {
  return [...new Set(fonts.map((f) => f.name))].join(', ');
}
const loaded = new Map<string, Buffer>();

/** A font as satori takes it. */
export interface SatoriFont {
  name: string;
  data: Buffer;
  weight: 400 | 700;
  style: 'normal';
}

/**
 * The WOFF subsets of Noto Sans SC needed to draw `text` in both weights,
 * read from node_modules (no download) and kept in memory for later cards.
 * Satori falls back from one font to the next per glyph, so the subsets
 * together act as one font.
 */
export function fontsFor(text: string): SatoriFont[] {
  chunks ??= [...chunksOf(700), ...chunksOf(400)];
  // Latin letters always: satori needs at least one font even for an empty card.
  const codes = [...new Set([...`A${text}`].map((c) => c.codePointAt(0)!))];
  const needed = chunks.filter((chunk) => codes.some((code) => chunk.ranges.some(([a, b]) => code >= a && code <= b)));
  return needed.map((chunk) => {
    let data = loaded.get(chunk.file);
    if (!data) {
      data = readFileSync(join(FONT_DIR, 'files', chunk.file));
      loaded.set(chunk.file, data);
    }
    // One family name per subset: satori keeps one font per name and weight,
    // and falls back across the names listed in font-family.
    return { name: familyOf(chunk.file), data, weight: chunk.weight, style: 'normal' };
  });
}
