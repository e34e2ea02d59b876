import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { Resvg } from '@resvg/resvg-js';
import satori from 'satori';
import { SHARE_IMAGE_SIZE, type ShareCard } from './share-card.ts';
import { FONT_VERSION, fontFamilyList, fontsFor, type SatoriFont } from './share-fonts.ts';

const require = createRequire(import.meta.url);
const versionOf = (pkg: string) => (require(`${pkg}/package.json`) as { version: string }).version;

/**
 * Bump when the drawing below changes: together with the card's text and the
 * versions of the libraries and font, it keys the on-disk cache.
 */
const DESIGN_VERSION = 1;
const CACHE_KEY_PREFIX = `design ${DESIGN_VERSION}; satori ${versionOf('satori')}; resvg ${versionOf('@resvg/resvg-js')}; font ${FONT_VERSION}`;

/** Rendered images survive between builds here, so a rebuild only draws what changed. */
const CACHE_DIR = join(process.cwd(), 'node_modules', '.cache', 'kstb-share-images');

/** Colours from src/styles/tokens.css (light theme): a share image has no CSS. */
const COLOURS = { text: '#0b0c0c', secondary: '#484949', accent: '#1d70b8', surface: '#f3f2f1', border: '#b1b4b6' };

type Node = { type: string; props: Record<string, unknown> };
const el = (type: string, style: Record<string, unknown>, children: unknown): Node => ({ type, props: { style, children } });

/** The card's layout: a satori element tree (no JSX needed for five boxes). */
function layout(card: ShareCard, fonts: readonly SatoriFont[]): Node {
  const titleSize = card.title.length > 40 ? 52 : card.title.length > 24 ? 60 : 72;
  const { width, height } = SHARE_IMAGE_SIZE;
  // Satori sizes boxes without their padding, so the content box is given exactly.
  const bar = 24;
  const pad = { top: 48, right: 72, bottom: 40, left: 64 };
  const content = el(
    'div',
    { width: width - bar - pad.left - pad.right, height: height - pad.top - pad.bottom, margin: `${pad.top}px ${pad.right}px ${pad.bottom}px ${pad.left}px`, display: 'flex', flexDirection: 'column' },
    [
      el('div', { fontSize: 32, color: COLOURS.secondary, fontWeight: 400 }, card.kicker),
      el('div', { fontSize: titleSize, fontWeight: 700, lineHeight: 1.25, marginTop: 12, display: 'block', lineClamp: 3 }, card.title),
      el('div', { display: 'flex', flexDirection: 'column', marginTop: 24, fontSize: 34, lineHeight: 1.4, fontWeight: 400 }, card.lines.map((line) => el('div', { display: 'flex' }, line))),
      el('div', { marginTop: 'auto', paddingTop: 16, borderTop: `3px solid ${COLOURS.border}`, fontSize: 34, fontWeight: 700, display: 'flex' }, card.siteName),
    ],
  );
  return el('div', { width, height, display: 'flex', background: '#ffffff', fontFamily: fontFamilyList(fonts), color: COLOURS.text }, [
    el('div', { width: bar, height, background: COLOURS.accent }, []),
    content,
  ]);
}

/** Draws a card as an SVG (text as paths) and rasterises it to PNG bytes, uncached. */
export async function drawShareImage(card: ShareCard): Promise<Buffer> {
  const text = [card.kicker, card.title, ...card.lines, card.siteName].join('');
  const fonts = fontsFor(text);
  const svg = await satori(layout(card, fonts) as Parameters<typeof satori>[0], { ...SHARE_IMAGE_SIZE, fonts: [...fonts] });
  return new Resvg(svg, { fitTo: { mode: 'original' }, font: { loadSystemFonts: false } }).render().asPng();
}

/**
 * The PNG for a card, 1200×630, byte-identical for the same card. Cached on
 * disk by a hash of the card and the renderer, so a rebuild of an unchanged
 * catalog draws nothing and a 10,000-item catalog pays once.
 */
export async function shareImagePng(card: ShareCard): Promise<Buffer> {
  const key = createHash('sha256').update(CACHE_KEY_PREFIX).update('\0').update(JSON.stringify(card)).digest('hex');
  const file = join(CACHE_DIR, `${key}.png`);
  try {
    return readFileSync(file);
  } catch {
    const png = await drawShareImage(card);
    mkdirSync(CACHE_DIR, { recursive: true });
    // Write then rename, so that a parallel build never reads half a file.
    const tmp = `${file}.${process.pid}.tmp`;
    writeFileSync(tmp, png);
    renameSync(tmp, file);
    return png;
  }
}
