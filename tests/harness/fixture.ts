import { after, before } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { SITES, type SiteName } from './build.ts';
import { launchBrowser } from './browser.ts';
import { serveStatic, type StaticServer } from './static-server.ts';

/** A browser and a server for one built site, started before a test file's tests and stopped after. */
export interface SiteFixture<B> {
  browser: B;
  server: StaticServer;
}

/** Registers the hooks that start a browser with `launch` and serve `site` for the calling test file. */
export function siteFixture<B extends { close(): Promise<void> }>(site: SiteName, launch: () => Promise<B>): SiteFixture<B> {
  const fixture = {} as SiteFixture<B>;
  before(async () => {
    [fixture.browser, fixture.server] = await Promise.all([launch(), serveStatic(SITES[site].dir, SITES[site].base)]);
  });
  after(async () => {
    await fixture.browser?.close();
    await fixture.server?.close();
  });
  return fixture;
}

/** Chromium and a server for one built site. */
export type BrowserFixture = SiteFixture<Browser>;

/** Registers the hooks that start Chromium and serve `site` for the calling test file. */
export function browserFixture(site: SiteName): BrowserFixture {
  return siteFixture(site, launchBrowser);
}

/** Opens `url` in a new tab of `context`; a search link counts as open once its results (or its no-result message) show. */
export async function openPage(context: BrowserContext, url: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(url);
  if (new URL(url).pathname.endsWith('/search/') && new URL(url).search !== '')
    await page.waitForFunction(() => document.getElementById('search-app')?.dataset.state === 'done');
  return page;
}
