import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { renderAsync } from '@resvg/resvg-js';
import satori from 'satori';
import { SHARE_IMAGE_SIZE, type ShareCard } from '../lib/publish/share-card.ts';
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
    {
      width: width - bar - pad.left - pad.right,
      height: height - pad.top - pad.bottom,
      margin: `${pad.top}px ${pad.right}px ${pad.bottom}px ${pad.left}px`,
      display: 'flex',
      flexDirection: 'column',
    },
    [
      el('div', { fontSize: 32, color: COLOURS.secondary, fontWeight: 400 }, card.kicker),
      el('div', { fontSize: titleSize, fontWeight: 700, lineHeight: 1.25, marginTop: 12, display: 'block', lineClamp: 3 }, card.title),
      el(
        'div',
        { display: 'flex', flexDirection: 'column', marginTop: 24, fontSize: 34, lineHeight: 1.4, fontWeight: 400 },
        card.lines.map((line) => el('div', { display: 'flex' }, line)),
      ),
      el('div', { marginTop: 'auto', paddingTop: 16, borderTop: `3px solid ${COLOURS.border}`, fontSize: 34, fontWeight: 700, display: 'flex' }, card.siteName),
    ],
  );
  return el('div', { width, height, display: 'flex', background: '#ffffff', fontFamily: fontFamilyList(fonts), color: COLOURS.text }, [
    el('div', { width: bar, height, background: COLOURS.accent }, []),
    content,
  ]);
}

/** Lays a card out as an SVG, text as paths: the part that runs on the main thread. */
async function cardSvg(card: ShareCard): Promise<string> {
  const text = [card.kicker, card.title, ...card.lines, card.siteName].join('');
  const fonts = fontsFor(text);
  return satori(layout(card, fonts) as Parameters<typeof satori>[0], { ...SHARE_IMAGE_SIZE, fonts: [...fonts] });
}

/** Rasterises on libuv's thread pool, so that the next card's layout can run meanwhile. */
async function rasterise(svg: string): Promise<Buffer> {
  return (await renderAsync(svg, { fitTo: { mode: 'original' }, font: { loadSystemFonts: false } })).asPng();
}

/** Draws a card as a PNG, uncached. */
export async function drawShareImage(card: ShareCard): Promise<Buffer> {
  return rasterise(await cardSvg(card));
}

const cacheFile = (card: ShareCard) =>
  join(CACHE_DIR, `${createHash('sha256').update(CACHE_KEY_PREFIX).update('\0').update(JSON.stringify(card)).digest('hex')}.png`);

function store(file: string, png: Buffer): void {
  mkdirSync(CACHE_DIR, { recursive: true });
  // Write then rename, so that a parallel build never reads half a file.
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, png);
  renameSync(tmp, file);
}

/**
 * The PNG for a card, 1200×630, byte-identical for the same card. Cached on
 * disk by a hash of the card and the renderer, so a rebuild of an unchanged
 * catalog draws nothing and a 10,000-item catalog pays once.
 */
export async function shareImagePng(card: ShareCard): Promise<Buffer> {
  const file = cacheFile(card);
  if (existsSync(file)) return readFileSync(file);
  const png = await drawShareImage(card);
  store(file, png);
  return png;
}

/**
 * Draws every card missing from the cache ahead of the pages that serve them,
 * laying out on the main thread while up to `inFlight` earlier cards are
 * rasterised on the thread pool, so that spare cores share the work.
 */
export async function warmShareImages(cards: Iterable<ShareCard>, inFlight = 4): Promise<number> {
  const pending = new Set<Promise<void>>();
  let drawn = 0;
  for (const card of cards) {
    const file = cacheFile(card);
    if (existsSync(file)) continue;
    const svg = await cardSvg(card);
    const job = rasterise(svg).then((png) => store(file, png));
    pending.add(job);
    void job.finally(() => pending.delete(job));
    drawn += 1;
    if (pending.size >= inFlight) await Promise.race(pending);
  }
  await Promise.all(pending);
  return drawn;
}
