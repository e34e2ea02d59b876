import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'puppeteer-core';
import { SITES } from '../harness/build.ts';
import { closeBrowser, engineOf, ENGINES, goto, launch, newPage } from '../harness/driver.ts';
import { SINGLE_MODES, switchModes } from '../harness/elder-mode.ts';
import { contrastingChange, decodePng } from '../harness/pixels.ts';
import { serveStatic, type StaticServer } from '../harness/static-server.ts';

/**
 * Visible keyboard focus, measured on the rendered pixels (WCAG 2.4.7, with the
 * measure of 2.4.13) on every kind of page a citizen starts from, at 1280 px
 * (header search box) and 390 px (phone header), in Chromium and Firefox ESR:
 *
 * - Tab, pressed until focus comes back round, reaches only elements that the
 *   measurement below lists (so what is measured covers everything Tab reaches),
 *   and at least the page's controls.
 * - In every mode (标准, 大字版, 特大字, 高对比) and light and dark system, each
 *   distinct look is focused after a Tab key press (so the browser draws its
 *   keyboard focus, `:focus-visible`), shot focused and then blurred, and the
 *   pixels that changed with a contrast of 3:1 or more between the two states
 *   must cover at least a 1 px line around the element. The modes are switched
 *   on the loaded page with its own toggles, on the page the Tab walk loaded.
 *
 * What runs where (the pixels are the cost: two shots per look):
 * - Chromium measures every look of every mode in light, then switches the same
 *   page to dark and shoots each look whose colours differ: dark sets colour
 *   tokens only (src/styles/colour-modes.test.ts), so a look's shape, size and
 *   place are the light one's and only its colours can hide its ring.
 * - Firefox walks every kind of page at 1280 px and measures, in light, one look of each shape
 *   (tag, display, region) per mode, the looks Chromium found closest to the
 *   limit and any look Chromium did not meet (every look when run alone by
 *   name); in dark, in a second Firefox (the scheme is a launch preference), each
 *   look whose colours differ on every kind of page at 1280 px.
 */

/** The kinds of page a citizen starts from, at 1280 px; the phone header is checked on two of them at 390 px. */
const WIDE_PAGES = ['', 'items/1-8/', 'bureaus/civil-affairs/', 'batches/3/', 'topics/housing-fund/', 'search/?q=%E7%A4%BE%E4%BF%9D%E5%8D%A1', 'overview/'];
const PHONE_PAGES = ['', 'items/1-8/'];
const SCREENS = [
  [1280, 800, WIDE_PAGES],
  [390, 844, PHONE_PAGES],
] as const;
/** How far outside the element a focus ring may reach (two 3 px rings, with room). */
const RING = 10;

let server: StaticServer;
before(async () => {
  server = await serveStatic(SITES.root.dir, SITES.root.base);
});
after(() => server?.close());

/**
 * A focusable element as the page lists it: its key, its look (what decides how its focus ring renders) and its
 * colours (the part of its look the colour scheme changes: the focus rule it takes, its own colours, what is behind
 * it and the focus colours).
 */
interface Focusable {
  key: string;
  look: string;
  colours: string;
}

/** A look's shape, what an engine draws a ring around differently: tag, display and the region it is in (see `listFocusables`). */
function shapeOf(look: string): string {
  const parts = look.split('|');
  return [parts[0], parts[5], parts[8]].join('|');
}

/**
 * Runs in the page: every element the keyboard can focus and the reader can see,
 * in document order, remembered as `window.focusables` for `focusAt`. `look` holds
 * what decides how the focus ring renders: tag, classes, colours, size and what
 * is behind it, so elements of one look draw the same ring.
 */
function listFocusables(): Focusable[] {
  const key = (el: Element) => {
    const text = (el.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 16);
    return `${el.tagName.toLowerCase()}${el.id ? '#' + el.id : ''} “${text}”${el.getAttribute('href') ? ' ' + el.getAttribute('href') : ''}`;
  };
  const look = (el: Element) => {
    const s = getComputedStyle(el);
    let behind = 'none';
    for (let e: Element | null = el; e; e = e.parentElement) {
      const bg = getComputedStyle(e).backgroundColor;
      if (bg !== 'transparent' && !/, 0\)$/.test(bg)) {
        behind = bg;
        break;
      }
    }
    return [
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
  };
  const root = getComputedStyle(document.documentElement);
  const focusColours = `${root.getPropertyValue('--color-focus')} ${root.getPropertyValue('--color-focus-text')}`;
  const colours = (el: Element, look: string) => {
    const s = getComputedStyle(el);
    const [, , , color, background, , , behind] = look.split('|');
    return [el.tagName === 'A', color, background, s.borderTopColor, behind, focusColours].join('|');
  };
  const selector = 'a[href], button, input:not([type="hidden"]), select, textarea, summary, [tabindex]';
  const found = [...document.querySelectorAll<HTMLElement>(selector)].filter(
    (el) =>
      el.tabIndex >= 0 &&
      !(el as HTMLButtonElement).disabled &&
      el.getClientRects().length > 0 &&
      getComputedStyle(el).visibility === 'visible' &&
      !el.closest('[inert]') &&
      // Inside a closed <details>, only its summary can be reached.
      !(el.closest('details:not([open])') && el.closest('summary') !== el.closest('details:not([open])')?.querySelector('summary')),
  );
  (window as unknown as { focusables: HTMLElement[] }).focusables = found;
  return found.map((el) => {
    const l = look(el);
    return { key: key(el), look: l, colours: colours(el, l) };
  });
}

/**
 * Runs in the page: focuses the `index`th of `window.focusables` (after a Tab key
 * press, the browser draws keyboard focus on it) and returns its box and the
 * visible part of the document, in document coordinates, and whether it matches
 * `:focus-visible`.
 */
function focusAt(index: number) {
  const el = (window as unknown as { focusables: HTMLElement[] }).focusables[index]!;
  // focusVisible: Firefox draws keyboard focus on request; Chromium, after the Tab key press before it.
  el.focus({ focusVisible: true } as FocusOptions);
  const r = el.getBoundingClientRect();
  return {
    focused: document.activeElement === el,
    visible: el.matches(':focus-visible'),
    x: r.left + scrollX,
    y: r.top + scrollY,
    w: r.width,
    h: r.height,
    view: { x: scrollX, y: scrollY, w: innerWidth, h: innerHeight },
  };
}

type Box = Awaited<ReturnType<typeof focusAt>>;

/** The area of the focused element and its ring inside the visible part of the page, in whole CSS px (document coordinates). */
function clipOf(box: Box) {
  const x = Math.max(box.view.x, Math.floor(box.x - RING));
  const y = Math.max(box.view.y, Math.floor(box.y - RING));
  const right = Math.min(box.view.x + box.view.w, Math.ceil(box.x + box.w + RING));
  const bottom = Math.min(box.view.y + box.view.h, Math.ceil(box.y + box.h + RING));
  return { x, y, width: right - x, height: bottom - y };
}

/** The part of puppeteer's BiDi frame that performs WebDriver BiDi input actions. */
interface BidiInput {
  browsingContext: { performActions(actions: object[]): Promise<void> };
}

/**
 * Presses Tab `times` times, as `page.keyboard.press` would each time. Firefox gets them as one WebDriver BiDi
 * `input.performActions` command (its key down and up for each press, dispatched in order as separate presses):
 * a command per press cost most of the walk's CPU there. Chromium takes a CDP command per key event either way.
 */
async function pressTab(page: Page, times: number): Promise<void> {
  if (engineOf(page.browser()) === 'chromium') {
    for (let i = 0; i < times; i++) await page.keyboard.press('Tab');
    return;
  }
  const tab = '\uE004';
  const actions = Array.from({ length: times }, () => [
    { type: 'keyDown', value: tab },
    { type: 'keyUp', value: tab },
  ]).flat();
  // The id puppeteer's own keyboard uses, so that both share one input source.
  await (page.mainFrame() as unknown as BidiInput).browsingContext.performActions([{ type: 'key', id: '__puppeteer_keyboard', actions }]);
}

/**
 * Presses Tab until focus comes back to the first element it reached (or twice
 * the number of listed elements, plus a few presses for the browser's own stops),
 * recording each element focused through a `focusin` listener. Returns, for each
 * element reached, its index in `window.focusables` (`listFocusables`), or -1 and
 * its markup when the list lacks it.
 */
async function tabWalk(page: Page, listed: number): Promise<{ index: number; markup: string }[]> {
  await page.evaluate(() => {
    const w = window as unknown as { tabbed: Element[] };
    w.tabbed = [];
    document.addEventListener('focusin', (event) => w.tabbed.push(event.target as Element));
  });
  const reached = () =>
    page.evaluate(() => {
      const w = window as unknown as { tabbed: Element[]; focusables: Element[] };
      const again = w.tabbed.indexOf(w.tabbed[0]!, 1);
      const round = again > 0 ? w.tabbed.slice(0, again) : w.tabbed;
      return { done: again > 0, round: round.map((el) => ({ index: w.focusables.indexOf(el), markup: el.outerHTML.slice(0, 80) })) };
    });
  let last: { index: number; markup: string }[] = [];
  for (let presses = 0; presses < 2 * listed + 4;) {
    // Presses in runs, read once per run: focus comes back round after the listed elements.
    const run = Math.max(4, listed + 2 - presses);
    await pressTab(page, run);
    presses += run;
    const { done, round } = await reached();
    last = round;
    if (done) break;
  }
  return last;
}

/**
 * Shoots each look of the listed elements not yet in `looks` once (with `byColour`, each set of colours; with
 * `pick`, only the looks it picks), focused and blurred, and lists each element whose focus does not show, with
 * the changed pixels over those needed of each look shot.
 */
async function invisibleFocus(
  page: Page,
  listed: Focusable[],
  looks: Set<string>,
  label: string,
  options: { byColour?: boolean; pick?: (look: string) => boolean } = {},
): Promise<{ problems: string[]; margins: Map<string, number> }> {
  const problems: string[] = [];
  const margins = new Map<string, number>();
  const todo = [...listed.entries()].filter(([, el]) => {
    const id = options.byColour ? el.colours : el.look;
    if (looks.has(id)) return false;
    looks.add(id);
    return !options.pick || options.pick(el.look);
  });
  if (todo.length === 0) return { problems, margins };
  // A key press first: the browser then draws keyboard focus (:focus-visible) on elements focused after it.
  await page.keyboard.press('Tab');
  for (const [index, { key, look }] of todo) {
    const box = await page.evaluate(focusAt, index);
    if (!box.focused || !box.visible) {
      problems.push(`${label}: ${key} ${box.focused ? 'is not drawn as keyboard focus (:focus-visible)' : 'cannot take focus'}`);
      continue;
    }
    const clip = clipOf(box);
    if (clip.width <= 0 || clip.height <= 0) {
      problems.push(`${label}: ${key} focused outside the screen`);
      continue;
    }
    // Chromium shoots inside the viewport (capturing beyond it first resizes the page to its full height, slowly);
    // Firefox shoots in document coordinates, which hold even if the page scrolled after the box was read.
    const shoot = async () => decodePng(await page.screenshot({ clip, type: 'png', captureBeyondViewport: engineOf(page.browser()) === 'firefox' }));
    const on = await shoot();
    await page.evaluate(() => (document.activeElement as HTMLElement).blur());
    const off = await shoot();
    const changed = contrastingChange(off, on);
    // A 1 CSS px line around the element's visible part: its perimeter.
    const needed = Math.max(8, Math.round(2 * (Math.min(box.w, clip.width) + Math.min(box.h, clip.height))));
    margins.set(look, changed / needed);
    if (changed < needed) problems.push(`${label}: ${key}: ${changed} px changed at ≥ 3:1, ${needed} needed`);
  }
  return { problems, margins };
}

/** How many looks of each mode Firefox shoots among those Chromium found closest to the limit (besides one of each shape). */
const FIREFOX_EACH = 6;

/**
 * What Chromium measured, by mode and look: the changed pixels over those needed. Firefox shoots, in each mode, one
 * look of each shape (tag, display, region), the `FIREFOX_EACH` looks Chromium found closest to the limit and every
 * look Chromium did not meet; all of them when this file's Chromium test did not run first (run alone by name).
 */
const chromiumMargin = new Map<string, Map<string, number>>();

/** Which looks of a mode Firefox shoots (see chromiumMargin), or undefined for all. */
function firefoxLooks(mode: string): ((look: string) => boolean) | undefined {
  const measured = chromiumMargin.get(mode);
  if (!measured || measured.size === 0) return undefined;
  const closest = new Set(
    [...measured]
      .sort((x, y) => x[1] - y[1])
      .slice(0, FIREFOX_EACH)
      .map(([look]) => look),
  );
  const shapes = new Set<string>();
  return (look) => {
    const shape = shapeOf(look);
    const firstOfShape = !shapes.has(shape);
    shapes.add(shape);
    return firstOfShape || closest.has(look) || !measured.has(look);
  };
}

for (const engine of ENGINES) {
  describe(`visible focus in ${engine}`, () => {
    let browser: Browser;
    before(async () => {
      browser = await launch(engine);
    });
    after(() => browser && closeBrowser(browser));

    const which =
      engine === 'chromium'
        ? 'every look, light and dark (the scheme switched on the loaded page; in dark, each look whose colours differ)'
        : `in light one look of each shape and the ${FIREFOX_EACH} closest to the limit in Chromium (all when run alone)`;
    it(`Tab reaches the controls of every page${engine === 'firefox' ? ' at 1280 px' : ''}, and only elements the focus measurement lists; 标准, 大字版, 特大字 and 高对比: ${which} shows its focus, 3:1 against what was there`, async () => {
      const problems: string[] = [];
      // Each look once per mode across the pages: elements of one look draw one ring.
      const looks = new Map(SINGLE_MODES.map(([name]) => [name, new Set<string>()]));
      // In dark only colours differ from light (src/styles/colour-modes.test.ts): each set of colours once, in any mode.
      const darkColours = new Set<string>();
      const picks = new Map(SINGLE_MODES.map(([name]) => [name, engine === 'firefox' ? firefoxLooks(name) : undefined]));
      for (const [width, height, paths] of SCREENS) {
        for (const path of paths) {
          // A fresh tab per page: the Tab walk starts from the top of a page no one has focused in. The looks are then
          // measured on the same loaded page (each focused directly), in every mode switched with the page's toggles.
          let page = await newPage(browser, { width, height });
          await goto(page, server.url + path);
          const label = `${width} ${path || '/'}`;
          // Firefox walks each kind of page at 1280 px (its walk costs ~4 CPU s a page); the 390 px header's Tab order,
          // the same templates with the phone header's links, is walked in Chromium.
          if (engine === 'chromium' || width === SCREENS[0][0]) {
            const listed = await page.evaluate(listFocusables);
            const reached = await tabWalk(page, listed.length);
            assert.ok(reached.length > 8, `${label}: Tab reaches the page's controls (${reached.length})`);
            for (const { index, markup } of reached) if (index < 0) problems.push(`${label}: Tab reaches ${markup}, which the measurement does not list`);
            // Firefox keeps focus in its own window after a walk (no element then matches :focus-visible): a fresh tab.
            if (engine === 'firefox') {
              await page.close();
              page = await newPage(browser, { width, height });
              await goto(page, server.url + path);
            }
          }
          for (const [name, modes] of SINGLE_MODES) {
            await page.evaluate(switchModes, modes);
            const shot = await invisibleFocus(page, await page.evaluate(listFocusables), looks.get(name)!, `${name} ${label}`, {
              pick: picks.get(name),
            });
            problems.push(...shot.problems);
            if (engine === 'chromium') for (const [look, margin] of shot.margins) mapOf(chromiumMargin, name).set(look, margin);
          }
          if (engine === 'chromium') {
            await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: 'dark' }]);
            for (const [name, modes] of SINGLE_MODES) {
              await page.evaluate(switchModes, modes);
              problems.push(
                ...(await invisibleFocus(page, await page.evaluate(listFocusables), darkColours, `dark ${name} ${label}`, { byColour: true })).problems,
              );
            }
          }
          await page.close();
        }
      }
      assert.deepEqual(problems, []);
    });

    // Firefox takes the colour scheme at launch: the dark pages open in a second Firefox (one launch), on every kind of
    // page at 1280 px. Dark sets colours only, so each set of colours is shot once; the 390 px header's controls draw
    // the colours of the wide one's, and the layout of every mode is measured in light above.
    if (engine === 'firefox')
      it('dark system, 标准, 大字版, 特大字 and 高对比, every kind of page at 1280 px: each look whose colours differ shows its focus, 3:1 against what was there', async () => {
        const problems: string[] = [];
        const darkColours = new Set<string>();
        const [[width, height, paths]] = SCREENS;
        const page = await newPage(browser, { width, height, colorScheme: 'dark' });
        for (const path of paths) {
          await goto(page, server.url + path);
          for (const [name, modes] of SINGLE_MODES) {
            await page.evaluate(switchModes, modes);
            problems.push(
              ...(await invisibleFocus(page, await page.evaluate(listFocusables), darkColours, `dark ${name} ${width} ${path || '/'}`, { byColour: true }))
                .problems,
            );
          }
        }
        await page.close();
        assert.deepEqual(problems, []);
      });
  });
}

function mapOf<K, V, W>(maps: Map<K, Map<V, W>>, key: K): Map<V, W> {
  let map = maps.get(key);
  if (!map) maps.set(key, (map = new Map()));
  return map;
}
