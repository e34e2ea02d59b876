import { after, before } from 'node:test';
import type { Browser } from 'playwright-core';
import { SITES, type SiteName } from './build.ts';
import { launchBrowser } from './browser.ts';
import { serveStatic, type StaticServer } from './static-server.ts';

/** A browser and a server for one built site, started before a test file's tests and stopped after. */
export interface BrowserFixture {
  browser: Browser;
  server: StaticServer;
}

/** Registers the hooks that start Chromium and serve `site` for the calling test file. */
export function browserFixture(site: SiteName): BrowserFixture {
  const fixture = {} as BrowserFixture;
  before(async () => {
    fixture.browser = await launchBrowser();
    fixture.server = await serveStatic(SITES[site].dir, SITES[site].base);
  });
  after(async () => {
    await fixture.browser?.close();
    await fixture.server?.close();
  });
  return fixture;
}
