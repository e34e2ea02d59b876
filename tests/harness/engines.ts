import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { CHROMIUM_FLAGS, CHROMIUM_PATH } from './browser.ts';
import { setViewport } from './firefox-esr.ts';
import { FIREFOX_DARK, FIREFOX_MOUSE, launchFirefox } from './firefox.ts';

/** The two engines every browser test of the 长辈 modes runs in, through one driver (puppeteer-core). */
export const ENGINES = ['chromium', 'firefox'] as const;
export type Engine = (typeof ENGINES)[number];

/** The system's colour scheme. */
export type Scheme = 'light' | 'dark';

/** What points: a mouse (fine, can hover) or a finger on a touch screen (coarse, no hover). */
export type Pointer = 'mouse' | 'touch';

/** Chromium's Blink settings for each pointer (pointer types: 2 coarse, 4 fine; hover types: 1 none, 2 hover). */
const CHROMIUM_POINTER: Record<Pointer, string> = {
  mouse: '--blink-settings=primaryPointerType=4,availablePointerTypes=4,primaryHoverType=2,availableHoverTypes=2',
  touch: '--blink-settings=primaryPointerType=2,availablePointerTypes=2,primaryHoverType=1,availableHoverTypes=1',
};

/** Firefox's preferences for each pointer (capability bits: 1 coarse, 2 fine, 4 hover). */
const FIREFOX_POINTER: Record<Pointer, Record<string, number>> = {
  mouse: FIREFOX_MOUSE,
  touch: { 'ui.primaryPointerCapabilities': 1, 'ui.allPointerCapabilities': 1 },
};

/** A browser of `engine` whose system is set to `scheme`, with a mouse or a touch screen. */
export interface EngineBrowser {
  engine: Engine;
  scheme: Scheme;
  browser: Browser;
}

/**
 * Launches Debian's Chromium or Firefox ESR with puppeteer-core. Both take the
 * pointer at launch (Blink settings, Firefox preferences); Firefox takes the colour
 * scheme as a preference too (WebDriver BiDi cannot emulate media features),
 * Chromium per tab (newTab).
 */
export async function launchEngine(engine: Engine, scheme: Scheme, pointer: Pointer = 'mouse'): Promise<EngineBrowser> {
  const browser =
    engine === 'chromium'
      ? await puppeteer.launch({ executablePath: CHROMIUM_PATH, headless: true, args: [...CHROMIUM_FLAGS, CHROMIUM_POINTER[pointer]], defaultViewport: null })
      : await launchFirefox({ ...FIREFOX_POINTER[pointer], ...(scheme === 'dark' ? FIREFOX_DARK : {}) });
  return { engine, scheme, browser };
}

/** A new tab of `width` × `height` CSS px (device pixel ratio 1), in the browser's colour scheme. */
export async function newTab(eb: EngineBrowser, width: number, height: number): Promise<Page> {
  const page = await eb.browser.newPage();
  if (eb.engine === 'firefox') await setViewport(page, { width, height });
  else {
    await page.setViewport({ width, height, deviceScaleFactor: 1 });
    await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: eb.scheme }]);
  }
  return page;
}

/** Resizes an open tab, in either engine. */
export function resizeTab(eb: EngineBrowser, page: Page, width: number, height: number): Promise<void> {
  return eb.engine === 'firefox' ? setViewport(page, { width, height }) : page.setViewport({ width, height, deviceScaleFactor: 1 });
}

/** Opens `url`; a search page counts as open once its results (or its no-result message) show. */
export async function openUrl(page: Page, url: string): Promise<void> {
  await page.goto(url);
  const u = new URL(url);
  if (u.pathname.endsWith('/search/') && u.search !== '') await page.waitForFunction(() => document.getElementById('search-app')?.dataset.state === 'done');
}
