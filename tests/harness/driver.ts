/**
 * The one browser driver of the tests: puppeteer-core drives Debian's Chromium
 * (over the Chrome DevTools Protocol, which every test's needs are met by: print
 * media, PDF, colour scheme, response bodies, network throttling) and Debian's
 * Firefox ESR (over WebDriver BiDi, the only protocol Firefox speaks), so one
 * test body runs in both engines:
 *
 * ```ts
 * for (const engine of ENGINES) {
 *   it(`shows the answer first (${engine})`, () =>
 *     withBrowser(engine, async (browser) => {
 *       const page = await openPage(browser, url, { width: 390, height: 844 });
 *       assert.equal(await page.$eval('h1', (h) => h.textContent), '…');
 *     }));
 * }
 * ```
 *
 * A file whose tests share one browser per engine registers it with
 * `browserFixture(engine, site)` (or `siteFixture(site, () => launch(engine))`)
 * from fixture.ts inside a `describe` per engine; its `after` hook closes the
 * browser. tests/README.md documents this API.
 *
 * No browser is ever downloaded. Every browser this module launches is closed
 * by `withBrowser` (also when the test fails), by `closeBrowser`, or, as a last
 * guard, when the file runs past FILE_LIMIT_MS: then its browsers are killed
 * and the process fails, so a test file never hangs.
 */
import type { ChildProcess } from 'node:child_process';
import puppeteer, { type Browser, type CDPSession, type Page } from 'puppeteer-core';
import { checkFirefox } from './firefox-esr.ts';
import { firefoxProfile, removeProfile } from './firefox-profile.ts';

/** The two browser engines every browser test runs in. */
export type Engine = 'chromium' | 'firefox';

/** Every engine, in the order tests run them: loop over it so that one test body runs in both. */
export const ENGINES: readonly Engine[] = ['chromium', 'firefox'];

/** Debian's Chromium; the project never downloads a browser (CHROMIUM_PATH overrides it). */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Debian's Firefox ESR, 140 or later (FIREFOX_PATH overrides it). */
export const FIREFOX_PATH = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';

/** The flags this sandboxed, offline machine needs: no sandbox, no GPU, no background traffic. */
export const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/**
 * Chromium flag for a computer with a mouse, as Playwright set it: headless
 * Chromium otherwise matches neither `(hover: hover)` nor `(pointer: fine)`.
 */
export const CHROMIUM_MOUSE = '--blink-settings=primaryHoverType=2,availableHoverTypes=2,primaryPointerType=4,availablePointerTypes=4';

/** Firefox preferences for a computer with a mouse, as CHROMIUM_MOUSE is for Chromium. */
export const FIREFOX_MOUSE = { 'ui.primaryPointerCapabilities': 6, 'ui.allPointerCapabilities': 6 };

/** Chromium flag for a touch screen: a coarse pointer that cannot hover (pointer type 2 coarse, hover type 1 none). */
export const CHROMIUM_TOUCH = '--blink-settings=primaryHoverType=1,availableHoverTypes=1,primaryPointerType=2,availablePointerTypes=2';

/** Firefox preferences for a touch screen, as CHROMIUM_TOUCH is for Chromium (capability bits: 1 coarse, 2 fine, 4 hover). */
export const FIREFOX_TOUCH = { 'ui.primaryPointerCapabilities': 1, 'ui.allPointerCapabilities': 1 };

/** What points: a mouse (fine, can hover) or a finger on a touch screen (coarse, no hover). */
export type Pointer = 'mouse' | 'touch';

/** The colour scheme the page's `prefers-color-scheme` reports. */
export type ColorScheme = 'light' | 'dark';

/**
 * How long one test file may keep browsers open, in ms (TEST_FILE_LIMIT_MS
 * overrides it): past it, the browsers this process launched are killed and the
 * process exits with a failure naming them. The timer does not keep a finished
 * file alive; it only fires in a file that would otherwise hang.
 */
export const FILE_LIMIT_MS = Number(process.env.TEST_FILE_LIMIT_MS ?? 30 * 60_000);

/** How long closing a browser may take before its process is killed, in ms. */
const CLOSE_LIMIT_MS = 20_000;

/** What the driver knows of a browser it launched. */
interface Launched {
  engine: Engine;
  options: LaunchOptions;
  colorScheme: ColorScheme;
  javaScript: boolean;
  /** Firefox only: browsers launched for another colour scheme or scripting, by `profileKey`, closed with this one. */
  companions: Map<string, Promise<Browser>>;
}

const launched = new Map<Browser, Launched>();
let guard: NodeJS.Timeout | undefined;

/** Starts, once per process, the timer that stops a test file keeping browsers open past FILE_LIMIT_MS. */
function startGuard(): void {
  if (guard) return;
  guard = setTimeout(() => {
    const open = [...launched.values()].map((b) => b.engine);
    console.error(`driver: the test file ran past ${FILE_LIMIT_MS / 1000} s with browsers open (${open.join(', ')}); killing them and failing.`);
    for (const browser of launched.keys()) browser.process()?.kill('SIGKILL');
    process.exit(1);
  }, FILE_LIMIT_MS);
  guard.unref();
}

/** Options for `launch` and `withBrowser`. */
export interface LaunchOptions {
  /**
   * The colour scheme of every page (default light). In Chromium `newPage` can
   * also set it per page; Firefox takes it from a preference at launch only
   * (WebDriver BiDi cannot emulate the media feature), so `newPage` opens a page
   * asking for the other scheme in a second Firefox, launched once and closed with this one.
   */
  colorScheme?: ColorScheme;
  /**
   * Whether pages run scripts (default true). Firefox takes it from a
   * preference at launch only (ESR 140 and 153 know no BiDi command for it), so
   * `newPage` opens a page asking otherwise in a second Firefox, as for `colorScheme`.
   */
  javaScript?: boolean;
  /** A mouse (default) or a touch screen: both engines take the pointer at launch only. */
  pointer?: Pointer;
  /**
   * Further Firefox preferences (ignored by Chromium), for what only a preference
   * sets, such as printing silently into a file as a reader's print command does.
   */
  firefoxPrefs?: Record<string, string | number | boolean>;
}

/** The launch-time settings a Firefox page needs, as a key. */
function profileKey(colorScheme: ColorScheme, javaScript: boolean): string {
  return `${colorScheme}${javaScript ? '' : ' no-js'}`;
}

/**
 * Launches the headless browser of `engine`: Chromium over CDP with
 * CHROMIUM_FLAGS and CHROMIUM_MOUSE or CHROMIUM_TOUCH (puppeteer adds `--hide-scrollbars`), or Firefox ESR over WebDriver BiDi with
 * FIREFOX_MOUSE or FIREFOX_TOUCH, overlay scrollbars and the colour scheme as preferences. A Firefox older than ESR 140 stops here with the
 * command that installs a newer one. No default viewport: `newPage` sets it.
 * Close it with `closeBrowser` (or use `withBrowser`, which does).
 */
export async function launch(engine: Engine, options: LaunchOptions = {}): Promise<Browser> {
  const { colorScheme = 'light', javaScript = true, pointer = 'mouse', firefoxPrefs = {} } = options;
  startGuard();
  let browser: Browser;
  if (engine === 'chromium') {
    browser = await puppeteer.launch({
      browser: 'chrome',
      protocol: 'cdp',
      executablePath: CHROMIUM_PATH,
      headless: true,
      args: [...CHROMIUM_FLAGS, pointer === 'touch' ? CHROMIUM_TOUCH : CHROMIUM_MOUSE],
      defaultViewport: null,
    });
  } else {
    checkFirefox(FIREFOX_PATH);
    // 0 dark, 1 light: what `prefers-color-scheme` reports to pages.
    const scheme = { 'layout.css.prefers-color-scheme.content-override': colorScheme === 'dark' ? 0 : 1 };
    // A copy of a profile that has started once: half the CPU of a launch on an empty one (firefox-profile.ts).
    const profile = await firefoxProfile(FIREFOX_PATH);
    browser = await puppeteer
      .launch({
        browser: 'firefox',
        executablePath: FIREFOX_PATH,
        userDataDir: profile,
        headless: true,
        // puppeteer would set a default viewport with a command ESR 140 does not know (see setViewport).
        defaultViewport: null,
        // The asynchronous clipboard readable without a paste prompt, as Chromium's clipboard permission allows (see allowClipboard in fixture.ts).
        extraPrefsFirefox: {
          ...(pointer === 'touch' ? FIREFOX_TOUCH : FIREFOX_MOUSE),
          ...scheme,
          'javascript.enabled': javaScript,
          'dom.events.testing.asyncClipboard': true,
          // Scrollbars over the page, as on a phone: a classic 12 px scrollbar made a 390 px viewport lay out at 378 px,
          // where Chromium (puppeteer adds --hide-scrollbars) lays it out at 390 px.
          'ui.useOverlayScrollbars': 1,
          ...firefoxPrefs,
        },
      })
      .catch((error: unknown) => {
        removeProfile(profile);
        throw error;
      });
    // Removed once Firefox has exited (closed, or killed by closeBrowser or the file guard), not while it still writes.
    const proc = browser.process();
    if (proc) proc.once('exit', () => removeProfile(profile));
  }
  launched.set(browser, { engine, options, colorScheme, javaScript, companions: new Map() });
  // A plain browser.close() (as in siteFixture's after hook) closes the companions too.
  browser.once('disconnected', () => {
    const info = launched.get(browser);
    launched.delete(browser);
    for (const companion of info?.companions.values() ?? []) void companion.then(closeBrowser, () => undefined);
  });
  return browser;
}

/** The engine of a browser `launch` started. */
export function engineOf(browser: Browser): Engine {
  const info = launched.get(browser);
  if (!info) throw new Error('driver: this browser was not launched by tests/harness/driver.ts (or is closed)');
  return info.engine;
}

/**
 * Closes a browser `launch` started, and any Firefox launched beside it for
 * another colour scheme. A browser that does not close within 20 s is killed.
 */
export async function closeBrowser(browser: Browser): Promise<void> {
  const info = launched.get(browser);
  const companions = info ? [...info.companions.values()] : [];
  const closeOne = async (b: Browser) => {
    const proc: ChildProcess | null = b.process();
    let timer: NodeJS.Timeout | undefined;
    const killed = new Promise<void>((resolve) => {
      timer = setTimeout(() => {
        proc?.kill('SIGKILL');
        resolve();
      }, CLOSE_LIMIT_MS);
    });
    try {
      await Promise.race([b.close().catch(() => proc?.kill('SIGKILL')), killed]);
    } finally {
      clearTimeout(timer);
      launched.delete(b);
    }
  };
  await Promise.all([closeOne(browser), ...companions.map(async (c) => closeOne(await c).catch(() => undefined))]);
}

/**
 * Launches the browser of `engine`, runs `fn` with it and ALWAYS closes it
 * (also when `fn` throws or an assertion fails), returning what `fn` returns.
 */
export async function withBrowser<T>(engine: Engine, fn: (browser: Browser) => Promise<T>, options: LaunchOptions = {}): Promise<T> {
  const browser = await launch(engine, options);
  try {
    return await fn(browser);
  } finally {
    await closeBrowser(browser);
  }
}

/** A viewport: CSS pixels, and device pixels per CSS pixel (default 1). */
export interface Viewport {
  width: number;
  height: number;
  deviceScaleFactor?: number;
}

/** Each Chromium tab's own CDP session, which holds its viewport (Emulation overrides last as long as the session). */
const sessions = new WeakMap<Page, CDPSession>();

/** The parts of puppeteer's BiDi frame that reach the WebDriver BiDi session. */
interface BidiFrame {
  browsingContext: { id: string; userContext: { browser: { session: { send(method: string, params: object): Promise<unknown> } } } };
}

/**
 * Sets an open page's viewport in either engine; the layout follows as on a
 * resized window. In Firefox it sends the plain WebDriver BiDi command
 * `browsingContext.setViewport` over puppeteer's own connection: puppeteer's
 * page.setViewport also sends `emulation.setScreenOrientationOverride`, which
 * Firefox ESR 140 does not know (every Firefox takes this path, so the one ESR
 * 140 needs is exercised on newer ones too). Never call page.setViewport directly.
 */
export async function setViewport(page: Page, viewport: Viewport): Promise<void> {
  const { width, height, deviceScaleFactor } = viewport;
  if (engineOf(page.browser()) === 'chromium') {
    // The one CDP command, not page.setViewport: puppeteer's also sends Emulation.setTouchEmulationEnabled, after which
    // Chromium no longer reports the mouse of CHROMIUM_MOUSE to a loaded page ((pointer: fine) turns false on a resize).
    let session = sessions.get(page);
    if (!session) sessions.set(page, (session = await page.createCDPSession()));
    await session.send('Emulation.setDeviceMetricsOverride', { width, height, deviceScaleFactor: deviceScaleFactor ?? 1, mobile: false });
    return;
  }
  const context = (page.mainFrame() as unknown as BidiFrame).browsingContext;
  await context.userContext.browser.session.send('browsingContext.setViewport', {
    context: context.id,
    viewport: { width, height },
    devicePixelRatio: deviceScaleFactor ?? null,
  });
}

/** Options for `newPage` and `openPage`. */
export interface PageOptions {
  /** Viewport width in CSS pixels (default 1280). */
  width?: number;
  /** Viewport height in CSS pixels (default 720). */
  height?: number;
  /** Device pixels per CSS pixel (default 1). */
  deviceScaleFactor?: number;
  /** `prefers-color-scheme` (default: the browser's, light unless launched dark). */
  colorScheme?: ColorScheme;
  /** Whether the page runs scripts (default: as the browser was launched, true unless said otherwise). */
  javaScript?: boolean;
  /** Open the page in the browser's default context, shared with other such pages (default false: a fresh, isolated context). */
  shared?: boolean;
}

/**
 * Opens a blank tab with the given viewport, colour scheme and scripting, in
 * an isolated browser context of its own (empty storage and cache), closed
 * with the tab. Register init scripts (`page.evaluateOnNewDocument`) and
 * listeners on it before navigating, or use `openPage`.
 */
export async function newPage(browser: Browser, options: PageOptions = {}): Promise<Page> {
  const info = launched.get(browser);
  if (!info) throw new Error('driver: newPage needs a browser from launch() or withBrowser()');
  const { width = 1280, height = 720, deviceScaleFactor, colorScheme, javaScript = info.javaScript, shared = false } = options;
  let host = browser;
  const key = profileKey(colorScheme ?? info.colorScheme, javaScript);
  if (info.engine === 'firefox' && key !== profileKey(info.colorScheme, info.javaScript)) {
    let companion = info.companions.get(key);
    if (!companion) info.companions.set(key, (companion = launch('firefox', { ...info.options, colorScheme: colorScheme ?? info.colorScheme, javaScript })));
    host = await companion;
  }
  const context = shared ? host.defaultBrowserContext() : await host.createBrowserContext();
  const page = await context.newPage();
  if (!shared) page.once('close', () => void context.close().catch(() => undefined));
  await setViewport(page, { width, height, deviceScaleFactor });
  if (info.engine === 'chromium' && colorScheme) await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: colorScheme }]);
  if (info.engine === 'chromium' && !javaScript) await page.setJavaScriptEnabled(false);
  return page;
}

/** Whether `url` is a search with a query, which counts as open only once its results (or its no-result message) show. */
function isSearch(url: string): boolean {
  const u = new URL(url);
  return u.pathname.endsWith('/search/') && u.search !== '';
}

/** Waits until the search page has finished its search (its results, or its no-result message, show). */
export async function searchDone(page: Page): Promise<void> {
  await page.waitForFunction(() => document.getElementById('search-app')?.dataset.state === 'done');
}

/**
 * Goes to `url` in `page` and waits for the load event; a search link counts
 * as open once its results or its no-result message show (unless
 * `waitForSearch` is false, as for a page without JavaScript).
 */
export async function goto(page: Page, url: string, options: { waitForSearch?: boolean } = {}): Promise<void> {
  await page.goto(url);
  if (isSearch(url) && options.waitForSearch !== false) await searchDone(page);
}

/**
 * Opens `url` in a new tab (see `newPage` for the options) and waits as `goto`
 * does. Close it with `page.close()`, which also closes its context.
 */
export async function openPage(browser: Browser, url: string, options: PageOptions = {}): Promise<Page> {
  const page = await newPage(browser, options);
  await goto(page, url, { waitForSearch: options.javaScript !== false });
  return page;
}
