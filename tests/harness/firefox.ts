import puppeteer, { type Browser } from 'puppeteer-core';
import type { SiteName } from './build.ts';
import { checkFirefox } from './firefox-esr.ts';
import { siteFixture, type SiteFixture } from './fixture.ts';

/** Debian's Firefox ESR; puppeteer-core never downloads a browser. */
export const FIREFOX_PATH = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';

/**
 * Firefox preferences for a computer with a mouse: headless Firefox otherwise
 * matches neither `(hover: hover)` nor `(pointer: fine)`.
 */
export const FIREFOX_MOUSE = { 'ui.primaryPointerCapabilities': 6, 'ui.allPointerCapabilities': 6 };

/** Firefox preference for a system set to dark mode (WebDriver BiDi cannot emulate the media feature). */
export const FIREFOX_DARK = { 'layout.css.prefers-color-scheme.content-override': 0 };

/**
 * Launches headless Firefox ESR, driven over WebDriver BiDi, with extra
 * preferences if given. A Firefox too old stops here (checkFirefox); no default
 * viewport, which puppeteer would set with a command ESR 140 does not know (see
 * setViewport in firefox-esr.ts).
 */
export function launchFirefox(prefs: Record<string, unknown> = {}): Promise<Browser> {
  checkFirefox(FIREFOX_PATH);
  return puppeteer.launch({ browser: 'firefox', executablePath: FIREFOX_PATH, headless: true, defaultViewport: null, extraPrefsFirefox: prefs });
}

/** Registers the hooks that start Firefox (with extra preferences if given) and serve `site` for the calling test file. */
export function firefoxFixture(site: SiteName, prefs: Record<string, unknown> = {}): SiteFixture<Browser> {
  return siteFixture(site, () => launchFirefox(prefs));
}
