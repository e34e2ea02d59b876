import puppeteer, { type Browser } from 'puppeteer-core';
import type { SiteName } from './build.ts';
import { siteFixture, type SiteFixture } from './fixture.ts';

/** Debian's Firefox ESR; puppeteer-core never downloads a browser. */
export const FIREFOX_PATH = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';

/** Launches headless Firefox ESR, driven over WebDriver BiDi. */
export function launchFirefox(): Promise<Browser> {
  return puppeteer.launch({ browser: 'firefox', executablePath: FIREFOX_PATH, headless: true });
}

/** Registers the hooks that start Firefox and serve `site` for the calling test file. */
export function firefoxFixture(site: SiteName): SiteFixture<Browser> {
  return siteFixture(site, launchFirefox);
}
