import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'puppeteer-core';
import { SITES } from '../harness/build.ts';
import { closeBrowser, engineOf, ENGINES, goto, launch, newPage, setViewport, type ColorScheme } from '../harness/driver.ts';
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
 *   on the loaded page with its own toggles (one load per page and scheme).
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

/** A focusable element as the page lists it: its key, its look (what decides how its focus ring renders). */
interface Focusable {
  key: string;
  look: string;
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
  return found.map((el) => ({ key: key(el), look: look(el) }));
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
    for (let i = 0; i < run; i++) await page.keyboard.press('Tab');
    presses += run;
    const { done, round } = await reached();
    last = round;
    if (done) break;
  }
  return last;
}

/**
 * Shoots each look of the listed elements not yet in `looks` once, focused and
 * blurred, and lists each element whose focus does not show.
 */
async function invisibleFocus(page: Page, listed: Focusable[], looks: Set<string>, label: string): Promise<string[]> {
  const problems: string[] = [];
  // A key press first: the browser then draws keyboard focus (:focus-visible) on elements focused after it.
  await page.keyboard.press('Tab');
  for (const [index, { key, look }] of listed.entries()) {
    if (looks.has(look)) continue;
    looks.add(look);
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
    if (changed < needed) problems.push(`${label}: ${key}: ${changed} px changed at ≥ 3:1, ${needed} needed`);
  }
  return problems;
}

for (const engine of ENGINES) {
  for (const colorScheme of ['light', 'dark'] as ColorScheme[]) {
    describe(`visible focus in ${engine}, ${colorScheme} system`, () => {
      let browser: Browser;
      before(async () => {
        browser = await launch(engine, { colorScheme });
      });
      after(() => browser && closeBrowser(browser));

      // The order Tab follows depends on the page's elements and the width, not on the colour scheme: walked once, in light.
      if (colorScheme === 'light')
        it('Tab reaches the controls of every page, and only elements the focus measurement lists', async () => {
          const problems: string[] = [];
          for (const [width, height, paths] of SCREENS) {
            for (const path of paths) {
              const page = await newPage(browser, { width, height });
              await goto(page, server.url + path);
              const listed = await page.evaluate(listFocusables);
              const reached = await tabWalk(page, listed.length);
              const label = `${width} ${path || '/'}`;
              assert.ok(reached.length > 8, `${label}: Tab reaches the page's controls (${reached.length})`);
              for (const { index, markup } of reached) if (index < 0) problems.push(`${label}: Tab reaches ${markup}, which the measurement does not list`);
              await page.close();
            }
          }
          assert.deepEqual(problems, []);
        });

      it(`标准, 大字版, 特大字 and 高对比: every look of a focusable element shows its focus, 3:1 against what was there`, async () => {
        const problems: string[] = [];
        // Each look once per mode across the pages: elements of one look draw one ring.
        const looks = new Map(SINGLE_MODES.map(([name]) => [name, new Set<string>()]));
        for (const [width, height, paths] of SCREENS) {
          const page = await newPage(browser, { width, height });
          for (const path of paths) {
            await goto(page, server.url + path);
            await setViewport(page, { width, height });
            for (const [name, modes] of SINGLE_MODES) {
              await page.evaluate(switchModes, modes);
              const listed = await page.evaluate(listFocusables);
              problems.push(...(await invisibleFocus(page, listed, looks.get(name)!, `${name} ${width} ${path || '/'}`)));
            }
          }
          await page.close();
        }
        assert.deepEqual(problems, []);
      });
    });
  }
}
