import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'puppeteer-core';
import { SITES } from '../harness/build.ts';
import { closeBrowser, ENGINES, goto, launch, newPage, setViewport, type ColorScheme } from '../harness/driver.ts';
import { rememberModes, SINGLE_MODES } from '../harness/elder-mode.ts';
import { contrastingChange, decodePng } from '../harness/pixels.ts';
import { serveStatic, type StaticServer } from '../harness/static-server.ts';

/**
 * Visible keyboard focus, measured on the rendered pixels (WCAG 2.4.7, with the
 * measure of 2.4.13): Tab reaches each focusable element of every kind of page a
 * citizen starts from; the element's area (plus the ring around it) is shot
 * focused and then blurred, and the pixels that changed with a contrast of 3:1 or
 * more between the two states must cover at least a 1 px line around the element.
 * Each distinct look is shot once per page (see invisibleFocus).
 * Every mode (标准, 大字版, 特大字, 高对比), light and dark system, Chromium and
 * Firefox ESR, 1280 px (header search box) and 390 px (phone header).
 */

/** The kinds of page a citizen starts from, at 1280 px; the phone header is checked on two of them at 390 px. */
const WIDE_PAGES = ['', 'items/1-8/', 'bureaus/civil-affairs/', 'batches/3/', 'topics/housing-fund/', 'search/?q=%E7%A4%BE%E4%BF%9D%E5%8D%A1', 'overview/'];
const PHONE_PAGES = ['', 'items/1-8/'];
/** How far outside the element a focus ring may reach (two 3 px rings, with room). */
const RING = 10;
/** A page's Tab order is followed until it comes back round, or this many presses. */
const MAX_PRESSES = 160;

let server: StaticServer;
before(async () => {
  server = await serveStatic(SITES.root.dir, SITES.root.base);
});
after(() => server?.close());

/** The focused element: its key, its look (what decides how its focus ring renders) and its box in document coordinates. */
interface Focused {
  key: string;
  look: string;
  x: number;
  y: number;
  w: number;
  h: number;
  /** The visible part of the document: scroll offsets and viewport size. */
  view: { x: number; y: number; w: number; h: number };
}

/** Runs in the page: the focused element, or null when nothing in the page has focus. */
function focused(): Focused | null {
  const el = document.activeElement as HTMLElement | null;
  if (!el || el === document.body || el === document.documentElement) return null;
  const r = el.getBoundingClientRect();
  const text = (el.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 16);
  const key = `${el.tagName.toLowerCase()}${el.id ? '#' + el.id : ''} “${text}”${el.getAttribute('href') ? ' ' + el.getAttribute('href') : ''}`;
  const s = getComputedStyle(el);
  let behind = 'none';
  for (let e: Element | null = el; e; e = e.parentElement) {
    const bg = getComputedStyle(e).backgroundColor;
    if (bg !== 'transparent' && !/, 0\)$/.test(bg)) {
      behind = bg;
      break;
    }
  }
  const look = [
    el.tagName,
    el.getAttribute('class'),
    el.parentElement?.getAttribute('class'),
    s.color,
    s.backgroundColor,
    s.display,
    s.fontSize,
    behind,
    el.closest('header, footer, main, nav')?.tagName,
  ].join('|');
  return { key, look, x: r.left + scrollX, y: r.top + scrollY, w: r.width, h: r.height, view: { x: scrollX, y: scrollY, w: innerWidth, h: innerHeight } };
}

/** The area of the focused element and its ring inside the visible part of the page, in whole CSS px (document coordinates). */
function clipOf(box: Focused) {
  const x = Math.max(box.view.x, Math.floor(box.x - RING));
  const y = Math.max(box.view.y, Math.floor(box.y - RING));
  const right = Math.min(box.view.x + box.view.w, Math.ceil(box.x + box.w + RING));
  const bottom = Math.min(box.view.y + box.view.h, Math.ceil(box.y + box.h + RING));
  return { x, y, width: right - x, height: bottom - y };
}

/**
 * Tabs through the open page, every element in turn, and shoots each look once
 * (elements of the same tag, classes, colours, size and surroundings draw the
 * same ring; shooting each of a list's 50 links would only repeat the first):
 * lists each element whose focus does not show.
 */
async function invisibleFocus(page: Page, label: string): Promise<{ problems: string[]; reached: number; shot: number }> {
  const problems: string[] = [];
  const seen = new Set<string>();
  const looks = new Set<string>();
  for (let i = 0; i < MAX_PRESSES; i++) {
    await page.keyboard.press('Tab');
    const box = await page.evaluate(focused);
    if (!box) continue;
    if (seen.has(box.key)) break;
    seen.add(box.key);
    if (looks.has(box.look)) continue;
    looks.add(box.look);
    const clip = clipOf(box);
    if (clip.width <= 0 || clip.height <= 0) {
      problems.push(`${label}: ${box.key} focused outside the screen`);
      continue;
    }
    const shoot = async () => decodePng(await page.screenshot({ clip, type: 'png' }));
    const on = await shoot();
    await page.evaluate(() => {
      (window as unknown as { lastFocus?: Element }).lastFocus = document.activeElement ?? undefined;
      (document.activeElement as HTMLElement).blur();
    });
    const off = await shoot();
    await page.evaluate(() => ((window as unknown as { lastFocus?: HTMLElement }).lastFocus as HTMLElement).focus({ preventScroll: true }));
    const changed = contrastingChange(off, on);
    // A 1 CSS px line around the element's visible part: its perimeter.
    const needed = Math.max(8, Math.round(2 * (Math.min(box.w, clip.width) + Math.min(box.h, clip.height))));
    if (changed < needed) problems.push(`${label}: ${box.key}: ${changed} px changed at ≥ 3:1, ${needed} needed`);
  }
  return { problems, reached: seen.size, shot: looks.size };
}

for (const engine of ENGINES) {
  for (const colorScheme of ['light', 'dark'] as ColorScheme[]) {
    describe(`visible focus in ${engine}, ${colorScheme} system`, () => {
      let browser: Browser;
      before(async () => {
        browser = await launch(engine, { colorScheme });
      });
      after(() => browser && closeBrowser(browser));

      for (const [name, modes] of SINGLE_MODES) {
        it(`${name}: every element Tab reaches shows its focus, 3:1 against what was there`, async () => {
          const problems: string[] = [];
          for (const [width, height, paths] of [
            [1280, 800, WIDE_PAGES],
            [390, 844, PHONE_PAGES],
          ] as const) {
            const page = await newPage(browser, { width, height });
            await page.evaluateOnNewDocument(rememberModes, modes);
            for (const path of paths) {
              await goto(page, server.url + path);
              await setViewport(page, { width, height });
              const found = await invisibleFocus(page, `${width} ${path || '/'}`);
              problems.push(...found.problems);
              assert.ok(found.reached > 8, `${width} ${path || '/'}: Tab reaches the page's controls (${found.reached})`);
            }
            await page.close();
          }
          assert.deepEqual(problems, []);
        });
      }
    });
  }
}
