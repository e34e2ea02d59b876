import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Page } from 'puppeteer-core';
import { ENGINES, goto, newPage, setViewport, type ColorScheme } from '../harness/driver.ts';
import { browserFixture, buttonNamed, showsButton } from '../harness/fixture.ts';
import { AXE_SOURCE, AXE_TAGS, axeViolations, COLOUR_RULES, EVERY_KIND_OF_PAGE, ONE_PAGE_OF_EACH_KIND } from '../harness/pages.ts';
import { meanBrightness, pdfFirstPage } from '../harness/pixels.ts';
import {
  contrastFigures,
  FIRST_SCREENS,
  inEachMode,
  MODE_COMBINATIONS,
  rememberModes,
  spacingProblems,
  switchModes,
  type Modes,
} from '../harness/elder-mode.ts';

/** A page of every kind, for the checks that must hold everywhere. */
const PAGES = EVERY_KIND_OF_PAGE;

/** Runs in the page before its own scripts: records what <html> carries when <body> first appears (a flash of the wrong mode would show here). */
function recordFirstBody(): void {
  const w = window as unknown as { atFirstBody?: string };
  new MutationObserver((_, observer) => {
    if (!document.body) return;
    w.atFirstBody = `${document.documentElement.dataset.textSize ?? '-'} ${document.documentElement.dataset.contrast ?? '-'}`;
    observer.disconnect();
  }).observe(document, { childList: true, subtree: true });
}

/** Runs in the page: the three text and contrast toggles, each with its box (document coordinates) and whether it is in 菜单. */
function entranceBoxes(): { id: string; shown: boolean; bottom: number; width: number; height: number; inMenu: boolean }[] {
  return ['text-size-toggle', 'text-xlarge-toggle', 'contrast-toggle'].map((id) => {
    const el = document.getElementById(id);
    if (!el) return { id, shown: false, bottom: NaN, width: 0, height: 0, inMenu: false };
    const r = el.getBoundingClientRect();
    const shown = r.width > 0 && r.height > 0 && getComputedStyle(el).visibility !== 'hidden';
    return { id, shown, bottom: r.bottom + scrollY, width: r.width, height: r.height, inMenu: !!el.closest('#site-menu') };
  });
}

/** Runs in the page, in print media: the printed look of an item page, and the colours of every element that prints (to show that every mode prints the same colours). */
function printedLook(): { color: string; background: string; size: number; colours: string[] } {
  // The first paragraph that goes on paper: the read-aloud slot's note is screen-only (.no-print).
  const p = [...document.querySelectorAll('main p')].find((el) => !el.closest('.no-print'))!;
  return {
    color: getComputedStyle(p).color,
    background: getComputedStyle(document.body).backgroundColor,
    size: parseFloat(getComputedStyle(p).fontSize),
    // Only what goes on paper: the pressed toggles are styled apart, but print.css hides every button.
    colours: [document.documentElement, ...document.querySelectorAll('body, body *')]
      .filter((el) => el.getClientRects().length > 0)
      .map((el) => {
        const s = getComputedStyle(el);
        return `${el.tagName.toLowerCase()}.${el.classList[0] ?? ''}: ${s.color} on ${s.backgroundColor}, border ${s.borderTopColor} ${s.borderRightColor} ${s.borderBottomColor} ${s.borderLeftColor}`;
      }),
  };
}

/**
 * The modes printed to PDF in each engine, with the system's colour scheme: 标准 on a light system, and the two looks
 * that are dark on screen, dark mode (with 特大字, the most ink on paper) and 高对比's 黑底黄字 (with 大字版). The other
 * combinations print exactly the same colours, which the print-style check shows in Chromium for every mode and scheme.
 */
const PRINTED: [string, ColorScheme][] = [
  ['标准', 'light'],
  ['特大字', 'dark'],
  ['大字版+高对比', 'dark'],
];

const atFirstBody = (page: Page) => page.evaluate(() => (window as unknown as { atFirstBody?: string }).atFirstBody);
const pressed = (page: Page, id: string) => page.$eval(`#${id}`, (b) => b.getAttribute('aria-pressed'));

for (const engine of ENGINES) {
  describe(engine, () => {
    // Served under /kstb/: the toggles and the pointer pictures must work under a sub-path too (read-aloud: elder-read-aloud.browser.test.ts).
    const fx = browserFixture(engine, 'kstb');

    /** A fresh tab (its own storage) of the given size and colour scheme, with `modes` remembered from an earlier visit. */
    async function tab(options: { modes?: Modes; width?: number; height?: number; colorScheme?: ColorScheme } = {}): Promise<Page> {
      const { modes, width = 390, height = 844, colorScheme = 'light' } = options;
      const page = await newPage(fx.browser, { width, height, colorScheme });
      // Without `modes`, the page keeps whatever the test's own clicks store.
      if (modes) await page.evaluateOnNewDocument(rememberModes, modes);
      return page;
    }

    /**
     * The pages swept: every kind of page in Chromium, one page of each kind in Firefox (tests/README.md: the
     * exhaustive sweep in one engine, the same test body in both). The entrance, the spacing and the 高对比 colours
     * are one template's CSS in every page; a page or rule that breaks them breaks them in Chromium's sweep.
     */
    const SWEPT = engine === 'chromium' ? PAGES : ONE_PAGE_OF_EACH_KIND;
    const which = engine === 'chromium' ? `all ${PAGES.length} pages` : `one page of each kind, ${SWEPT.length} pages`;

    interface Swept {
      entrance: string[];
      spacing: string[];
      light: { problems: string[]; figures: Map<string, Record<string, number>> };
      dark: { problems: string[]; figures: Map<string, Record<string, number>> };
    }
    let swept: Promise<Swept> | undefined;
    /** Loads each page once (twice in Firefox: its dark pages need the other scheme's browser) and takes every measurement of the sweep's tests on it; run once, read by each test. */
    const sweep = () => (swept ??= runSweep());

    /**
     * 高对比, then 高对比 with 大字版, switched on the loaded page (axe already in it): axe's violations and the contrast
     * figures into `into`. 高对比 sets colour tokens only (src/styles/colour-modes.test.ts): the rules that read the
     * DOM and the layout run in full once, with 大字版 (every toggle pressed) on a light system, on every page swept;
     * the colour rules alone (the other three looks) on one page of each kind (`colourRules`), as colours are tokens.
     */
    async function highContrastAxe(page: Page, colorScheme: ColorScheme, at: string, into: Swept['light'], colourRules: boolean): Promise<void> {
      assert.equal(await page.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches), colorScheme === 'dark', `${at}: the colour scheme`);
      for (const modes of [{ contrast: true }, { contrast: true, large: true }]) {
        await page.evaluate(switchModes, modes);
        const label = `${at}${modes.large ? ' 大字版' : ''}`;
        if (!modes.large) into.figures.set(at, await page.evaluate(contrastFigures));
        const full = modes.large && colorScheme === 'light';
        if (!full && !colourRules) continue;
        const spec = full ? { tags: AXE_TAGS, rules: ['color-contrast-enhanced'] } : { rules: [...COLOUR_RULES, 'color-contrast-enhanced'] };
        for (const v of await page.evaluate(axeViolations, spec))
          into.problems.push(`${label}${v.startsWith('color-contrast-enhanced ') ? ' (AAA)' : ''}: ${v}`);
      }
    }

    async function runSweep(): Promise<Swept> {
      const out: Swept = { entrance: [], spacing: [], light: { problems: [], figures: new Map() }, dark: { problems: [], figures: new Map() } };
      const page = await tab();
      for (const path of SWEPT) {
        const at = path || '/';
        // Loaded in 标准 (the previous page switched back to it); the layout follows the viewport as on a resized window.
        await goto(page, fx.server.url + path);
        for (const [width, height] of FIRST_SCREENS) {
          await setViewport(page, { width, height });
          for (const box of await page.evaluate(entranceBoxes)) {
            if (!box.shown) out.entrance.push(`${width} ${at}: #${box.id} hidden`);
            else {
              if (box.bottom > height) out.entrance.push(`${width} ${at}: #${box.id} below the first screen`);
              if (box.height < 44 || box.width < 44) out.entrance.push(`${width} ${at}: #${box.id} smaller than 44 px`);
              if (box.inMenu) out.entrance.push(`${width} ${at}: #${box.id} inside 菜单`);
            }
          }
          if (width === 320) continue;
          // Every mode at this width in one round trip, switched with the page's own toggles.
          const spacing = await inEachMode(
            page,
            MODE_COMBINATIONS.map(([, modes]) => modes),
            spacingProblems,
          );
          spacing.forEach((problems, i) => out.spacing.push(...problems.map((p) => `${width} ${MODE_COMBINATIONS[i]![0]} ${at}: ${p}`)));
        }
        await setViewport(page, { width: 390, height: 844 });
        await page.evaluate(AXE_SOURCE);
        const colourRules = ONE_PAGE_OF_EACH_KIND.includes(path);
        await highContrastAxe(page, 'light', at, out.light, colourRules);
        if (engine === 'chromium') {
          // Chromium emulates the scheme on the loaded page; Firefox takes it at launch (below).
          await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: 'dark' }]);
          await highContrastAxe(page, 'dark', at, out.dark, colourRules);
          await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: 'light' }]);
        }
        await page.evaluate(switchModes, {});
      }
      await page.close();
      if (engine === 'firefox') {
        const dark = await tab({ colorScheme: 'dark' });
        for (const path of SWEPT) {
          await goto(dark, fx.server.url + path);
          await dark.evaluate(AXE_SOURCE);
          await highContrastAxe(dark, 'dark', path || '/', out.dark, true);
          await dark.evaluate(switchModes, {});
        }
        await dark.close();
      }
      return out;
    }

    // In this file rather than a11y.browser.test.ts: Firefox takes the colour scheme at launch, and the dark browser
    // this file needs for 高对比's 黑底黄字 and the printouts serves this test too (one Firefox launch fewer).
    it('dark mode follows the system setting, with no page or console error', async () => {
      const problems: string[] = [];
      const page = await tab({ colorScheme: 'dark' });
      page.on('pageerror', (e) => problems.push(`page error: ${(e as Error).message}`));
      page.on('console', (m) => m.type() === 'error' && problems.push(`console: ${m.text()}`));
      await goto(page, `${fx.server.url}items/2-15/`);
      const [bg, fg] = await page.evaluate(() => [getComputedStyle(document.documentElement).backgroundColor, getComputedStyle(document.body).color]);
      assert.equal(bg, 'rgb(18, 18, 18)');
      assert.equal(fg, 'rgb(243, 242, 241)');
      await page.close();
      assert.deepEqual(problems, []);
    });

    describe(`长辈模式 (${engine})`, () => {
      it(`大字版, 特大字 and 高对比 stand on the first screen of every page at 320, 390 and 1280 px, outside 菜单, one tap away (${which})`, async () => {
        assert.deepEqual((await sweep()).entrance, []);
      });

      it('each setting is one tap, remembered on the next page before its first paint, and the two combine', async () => {
        const page = await tab();
        await page.evaluateOnNewDocument(recordFirstBody);
        await goto(page, `${fx.server.url}items/2-15/`);
        const size = () => page.evaluate(() => parseFloat(getComputedStyle(document.body).fontSize));
        const base = await size();
        await (await buttonNamed(page, '大字版')).click();
        await (await buttonNamed(page, '高对比')).click();
        assert.equal(await pressed(page, 'text-size-toggle'), 'true');
        assert.equal(await pressed(page, 'contrast-toggle'), 'true');
        assert.ok((await size()) >= base * 1.2, 'the text is larger');
        assert.equal(await page.evaluate(() => getComputedStyle(document.body).color), 'rgb(0, 0, 0)');
        for (const path of ['bureaus/court/', 'batches/2/', 'batches/3/', 'topics/', '']) {
          await goto(page, fx.server.url + path);
          assert.equal(await atFirstBody(page), 'large high', `${path}: applied before the first paint`);
          assert.equal(await pressed(page, 'contrast-toggle'), 'true', path);
        }
        await (await buttonNamed(page, '高对比')).click();
        await page.reload();
        assert.equal(await atFirstBody(page), 'large -', '高对比 off, 大字版 still on');
        await page.close();
      });

      it('the keyboard alone reaches and switches every setting, and the next page keeps them', async () => {
        const page = await tab({ width: 1280, height: 800 });
        await goto(page, `${fx.server.url}items/1-8/`);
        const reached = new Set<string>();
        for (let i = 0; i < 8; i++) {
          await page.keyboard.press('Tab');
          const id = await page.evaluate(() => document.activeElement?.id ?? '');
          reached.add(id);
          if (id === 'contrast-toggle') await page.keyboard.press('Enter');
          if (id === 'pointer-toggle') await page.keyboard.press('Space');
        }
        for (const id of ['text-size-toggle', 'text-xlarge-toggle', 'contrast-toggle', 'pointer-toggle']) assert.ok(reached.has(id), `Tab reaches #${id}`);
        const modes = () => page.evaluate(() => [document.documentElement.dataset.contrast, document.documentElement.dataset.pointer]);
        assert.deepEqual(await modes(), ['high', 'large']);
        await goto(page, `${fx.server.url}bureaus/court/`);
        assert.deepEqual(await modes(), ['high', 'large'], 'remembered on the next page');
        await page.close();
      });

      it('大鼠标 is offered with a mouse at any width and draws a large pointer from the site’s own files under its sub-path', async () => {
        const page = await tab({ width: 1280, height: 800 });
        await goto(page, `${fx.server.url}items/1-8/`);
        await (await buttonNamed(page, '大鼠标')).click();
        const cursors = await page.evaluate(() => [getComputedStyle(document.body).cursor, getComputedStyle(document.querySelector('main a')!).cursor]);
        assert.match(cursors[0]!, /^url\(".*pointer-large\.[\w-]+\.svg"\) 4 4, default$/);
        assert.match(cursors[1]!, /^url\(".*pointer-large-hand\.[\w-]+\.svg"\) 22 4, pointer$/);
        const src = cursors[0]!.match(/url\("(.*?)"\)/)![1]!;
        assert.match(src, /\/kstb\/_astro\/pointer-large\.[\w-]+\.svg$/);
        const svg = await page.evaluate(async (u) => {
          const response = await fetch(u);
          return { status: response.status, text: await response.text() };
        }, src);
        assert.equal(svg.status, 200);
        assert.match(svg.text, /width="64" height="64"/);
        // With a mouse at any width: a 1280 px screen zoomed to 200% is 640 CSS px wide.
        for (const width of [1280, 640, 320]) {
          await setViewport(page, { width, height: 800 });
          assert.equal(await showsButton(page, '大鼠标'), true, `${width} px with a mouse`);
          const height = await page.$eval('#pointer-toggle', (b) => b.getBoundingClientRect().height);
          assert.ok(height >= 44, `${width} px: 大鼠标 ${height} px high`);
        }
        await page.close();
        // A touch screen does not show it: elder-targets.browser.test.ts, in its touch-screen browser.
      });

      for (const colorScheme of ['light', 'dark'] as const) {
        const rules =
          colorScheme === 'light'
            ? `every AA rule and AAA colours with 大字版 on ${which}, the colour rules at AA and AAA without it on one page of each kind`
            : `the colour rules at AA and AAA, with and without 大字版, on one page of each kind (every AA rule: in light)`;
        it(`高对比 (${colorScheme === 'light' ? '白底黑字' : '黑底黄字'}): 0 axe violations (${rules}); body text at AAA (7:1) on ${which}`, async () => {
          const { problems, figures } = (await sweep())[colorScheme];
          assert.equal(figures.size, SWEPT.length, 'every page measured');
          const body = Math.min(...[...figures.values()].map((f) => f.body!).filter(Number.isFinite));
          const link = Math.min(...[...figures.values()].map((f) => f.link!).filter(Number.isFinite));
          console.log(`${engine} 高对比 ${colorScheme}: lowest ratio on any page: body text ${body}:1, links ${link}:1, header ${figures.get('/')?.header}:1`);
          assert.ok(body >= 7 && link >= 7, `body ${body}, links ${link}`);
          assert.deepEqual(problems, []);
        });
      }

      it(`line spacing ≥ 1.3 and paragraph spacing ≥ 1.3 × line spacing on every kind of page, in every mode, at 390 and 1280 px (${which})`, async () => {
        assert.deepEqual((await sweep()).spacing.slice(0, 20), []);
      });

      it(`on paper black on white, also on a dark system: the printed page is mostly white in ${PRINTED.map(([name, scheme]) => `${name} ${scheme}`).join(', ')} (every mode prints the same colours: the print-style check)`, async () => {
        const brightness: Record<string, number> = {};
        for (const colorScheme of ['light', 'dark'] as const) {
          const page = await tab({ colorScheme });
          await goto(page, `${fx.server.url}items/2-15/`);
          for (const [name] of PRINTED.filter(([, scheme]) => scheme === colorScheme)) {
            await page.evaluate(switchModes, new Map(MODE_COMBINATIONS).get(name)!);
            brightness[`${name} ${colorScheme}`] = meanBrightness(pdfFirstPage(await page.pdf({ format: 'A4', printBackground: true })));
          }
          await page.close();
        }
        for (const [key, mean] of Object.entries(brightness)) assert.ok(mean > 0.85, `${key}: mean brightness ${mean}`);
      });

      // The computed print styles need the print media emulated, a CDP command: Firefox over WebDriver BiDi
      // cannot, so there the printed PDF above is what is checked.
      if (engine === 'chromium')
        it('on paper every mode, light and dark, prints the same colours, black text on white, and 大字版 prints larger (print styles, Chromium)', async () => {
          const printed = new Map<string, ReturnType<typeof printedLook>>();
          // One load; each scheme emulated and each mode switched on the page, in print media.
          const page = await tab();
          await goto(page, `${fx.server.url}items/2-15/`);
          await page.emulateMediaType('print');
          for (const colorScheme of ['light', 'dark'] as const) {
            await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: colorScheme }]);
            const looks = await inEachMode(
              page,
              MODE_COMBINATIONS.map(([, modes]) => modes),
              printedLook,
            );
            looks.forEach((look, i) => printed.set(`${MODE_COMBINATIONS[i]![0]} ${colorScheme}`, look));
          }
          await page.close();
          const plain = printed.get('标准 light')!;
          assert.ok(plain.colours.length > 50, `${plain.colours.length} elements`);
          for (const [key, p] of printed) {
            assert.equal(p.background, 'rgb(255, 255, 255)', key);
            assert.match(p.color, /^rgb\((\d), \1, \1\)$|^rgb\(1\d, 1\d, 1\d\)$/, `${key}: ${p.color}`);
            if (key.includes('大字版')) assert.ok(p.size >= plain.size * 1.2, `${key}: ${p.size} vs ${plain.size}`);
            const differ = p.colours.findIndex((c, i) => c !== plain.colours[i]);
            assert.equal(differ, -1, `${key} prints other colours than 标准 light: ${p.colours[differ]} (标准 light: ${plain.colours[differ]})`);
            assert.equal(p.colours.length, plain.colours.length, key);
          }
        });
    });
  });
}
