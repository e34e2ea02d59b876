import puppeteer, { type Browser } from 'puppeteer-core';
import type { SiteName } from './build.ts';
import { checkFirefox } from './firefox-esr.ts';
import { siteFixture, type SiteFixture } from './fixture.ts';

/** Debian's Firefox ESR; puppeteer-core never downloads a browser. */
export const FIREFOX_PATH = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';

/**
 * Launches headless Firefox ESR, driven over WebDriver BiDi. A Firefox too old
 * stops here (checkFirefox); no default viewport, which puppeteer would set
 * with a command ESR 140 does not know (see setViewport in firefox-esr.ts).
 */
export function launchFirefox(): Promise<Browser> {
  checkFirefox(FIREFOX_PATH);
  return puppeteer.launch({ browser: 'firefox', executablePath: FIREFOX_PATH, headless: true, defaultViewport: null });
}

/** Registers the hooks that start Firefox and serve `site` for the calling test file. */
export function firefoxFixture(site: SiteName): SiteFixture<Browser> {
  return siteFixture(site, launchFirefox);
}
