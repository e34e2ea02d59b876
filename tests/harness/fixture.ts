import { after, before } from 'node:test';
import type { Browser, ElementHandle, Page } from 'puppeteer-core';
import { SITES, type SiteName } from './build.ts';
import { closeBrowser, engineOf, launch, type Engine, type LaunchOptions } from './driver.ts';
import { serveStatic, type StaticServer } from './static-server.ts';

/** A browser and a server for one built site, started before a test file's (or a describe block's) tests and stopped after. */
export interface SiteFixture<B> {
  browser: B;
  server: StaticServer;
}

/** Registers the hooks that start a browser with `launch` and serve `site` for the calling test file or describe block; `after` closes the browser even when tests failed. */
export function siteFixture(site: SiteName, launch: () => Promise<Browser>): SiteFixture<Browser> {
  const fixture = {} as SiteFixture<Browser>;
  before(async () => {
    // Both started at once; whichever started is kept for `after` to close, also when the other failed
    // (a server left open keeps the test file from ending).
    const [browser, server] = await Promise.allSettled([launch(), serveStatic(SITES[site].dir, SITES[site].base)]);
    if (browser.status === 'fulfilled') fixture.browser = browser.value;
    if (server.status === 'fulfilled') fixture.server = server.value;
    for (const started of [browser, server]) if (started.status === 'rejected') throw started.reason;
  });
  after(async () => {
    await Promise.all([fixture.browser && closeBrowser(fixture.browser), fixture.server?.close()]);
  });
  return fixture;
}

/** A browser of one engine (tests/harness/driver.ts) and a server for one built site. */
export type BrowserFixture = SiteFixture<Browser>;

/**
 * Registers the hooks that start the browser of `engine` and serve `site`;
 * call it inside a `describe` per engine so that each engine's tests share one browser:
 * `for (const engine of ENGINES) describe(engine, () => { const fx = browserFixture(engine, 'root'); … })`.
 */
export function browserFixture(engine: Engine, site: SiteName, options: LaunchOptions = {}): BrowserFixture {
  return siteFixture(site, () => launch(engine, options));
}

/** Runs in the page: whether the element `selector` matches is rendered (has a box and is not visibility: hidden), as Playwright's isVisible. */
export function visible(selector: string): boolean {
  const el = document.querySelector(selector);
  return !!el && el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden';
}

/** Whether the first element matching `selector` is visible on `page`. */
export function isVisible(page: Page, selector: string): Promise<boolean> {
  return page.evaluate(visible, selector);
}

/** The text content of the first element matching `selector`, or null when there is none. */
export function textOf(page: Page, selector: string): Promise<string | null> {
  return page.evaluate((s) => document.querySelector(s)?.textContent ?? null, selector);
}

/**
 * Clicks `element` with the mouse at its centre, after scrolling it into view. Use it on pages without JavaScript:
 * ElementHandle.click waits, over WebDriver BiDi, on a promise in the page that never settles in Firefox with
 * scripts off (script.callFunction timed out), while the mouse needs no script in the page.
 */
export async function tap(page: Page, element: ElementHandle<Element>): Promise<void> {
  await element.evaluate((el) => el.scrollIntoView({ block: 'center', inline: 'center' }));
  const box = await element.boundingBox();
  if (!box) throw new Error(`tap: the element has no box on ${page.url()}`);
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
}

/**
 * Resolves once `check` holds, asked from Node, not in the page (page.waitForFunction polls with a script in the
 * page, which a page without JavaScript never runs in Firefox); fails with `what` after `timeoutMs`.
 */
export async function until(check: () => Promise<boolean>, what: string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Clicks and waits for the navigation it starts. */
export async function clickAndWait(page: Page, selector: string): Promise<void> {
  await Promise.all([page.waitForNavigation(), page.click(selector)]);
}

/**
 * Runs in the page: the first button (or link, with `kind` 'a') inside `scope`
 * whose name, its aria-label or else its text, is `name`, among those a screen
 * reader is given (rendered, not hidden by visibility or aria-hidden), as Playwright's getByRole.
 */
function named(name: string, kind: string, scope: string): Element | null {
  const selector = kind === 'a' ? 'a[href]' : 'button, [role="button"]';
  const root = document.querySelector(scope) ?? document;
  return (
    [...root.querySelectorAll(selector)].find(
      (el) =>
        (el.getAttribute('aria-label') ?? el.textContent ?? '').trim() === name &&
        el.getClientRects().length > 0 &&
        getComputedStyle(el).visibility !== 'hidden' &&
        !el.closest('[aria-hidden="true"]'),
    ) ?? null
  );
}

/** The button named `name` (its aria-label or text, exactly), as Playwright's getByRole('button', { name, exact: true }); throws when there is none. */
export async function buttonNamed(page: Page, name: string, scope = 'html'): Promise<ElementHandle<Element>> {
  const el = (await page.evaluateHandle(named, name, 'button', scope)).asElement() as ElementHandle<Element> | null;
  if (!el) throw new Error(`no button named “${name}” in ${scope} on ${page.url()}`);
  return el;
}

/** The link named `name` inside `scope` (default the whole page); throws when there is none. */
export async function linkNamed(page: Page, name: string, scope = 'html'): Promise<ElementHandle<Element>> {
  const el = (await page.evaluateHandle(named, name, 'a', scope)).asElement() as ElementHandle<Element> | null;
  if (!el) throw new Error(`no link named “${name}” in ${scope} on ${page.url()}`);
  return el;
}

/** How many buttons named `name` the page has, rendered or not. */
export function countButtons(page: Page, name: string): Promise<number> {
  return page.evaluate(
    (n) =>
      [...document.querySelectorAll('button, [role="button"]')].filter((el) => (el.getAttribute('aria-label') ?? el.textContent ?? '').trim() === n).length,
    name,
  );
}

/**
 * Lets `origin` read and write the clipboard without asking, as a reader who
 * allowed it. Chromium takes a permission over CDP; Firefox lets a page write on a
 * click and read under the `dom.events.testing.asyncClipboard` preference driver.ts sets.
 */
export async function allowClipboard(page: Page, origin: string): Promise<void> {
  if (engineOf(page.browser()) === 'chromium')
    await page
      .browserContext()
      .setPermission(
        origin,
        { permission: { name: 'clipboard-read' }, state: 'granted' },
        { permission: { name: 'clipboard-write' }, state: 'granted' },
        { permission: { name: 'clipboard-write', allowWithoutSanitization: true }, state: 'granted' },
      );
}

/** Whether the page shows a button named `name` (rendered and given to screen readers), as Playwright's getByRole(…).isVisible(). */
export async function showsButton(page: Page, name: string): Promise<boolean> {
  return (await page.evaluateHandle(named, name, 'button', 'html')).asElement() !== null;
}
