import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'puppeteer-core';
import { SITES } from '../harness/build.ts';
import { closeBrowser, ENGINES, goto, launch, newPage, setViewport, withBrowser } from '../harness/driver.ts';
import { FIRST_SCREENS, inEachMode, type Modes } from '../harness/elder-mode.ts';
import { showsButton } from '../harness/fixture.ts';
import { serveStatic, type StaticServer } from '../harness/static-server.ts';

/**
 * The sizes the App norm sets (clauses 1.1 and 2.1), measured at 320, 390 and
 * 1280 px in Chromium and Firefox ESR: main controls at least 44 × 44 px, and
 * 60 × 60 px in 大字版 and 特大字; main text of 30 px or more in 特大字 with no
 * sideways scrolling; the header leaving the first screen to the content.
 * The large pointer wherever there is a mouse: elder-mode.browser.test.ts.
 */

/** The kinds of page a citizen starts from, and the lists. */
const PAGES = [
  '',
  'items/1-8/',
  'bureaus/human-resources/',
  'batches/3/',
  'topics/housing-fund/',
  'topics/',
  'bureaus/',
  'items/',
  'search/?q=%E7%A4%BE%E4%BF%9D%E5%8D%A1',
];

/** Each text step, with the smallest side a main control may have in it. */
const STEPS: [string, Modes, number][] = [
  ['标准', {}, 44],
  ['大字版', { large: true }, 60],
  ['特大字', { xlarge: true }, 60],
];

/**
 * Runs in the page: every visible main control (header and footer links and
 * buttons, the search box, links that start a list row or table cell, buttons
 * and disclosures in the content) with its size, whether the page fits the
 * viewport's width (no sideways scrolling), and the main text's size.
 * Links inside running text are not controls of their own.
 */
function sizesInPage(): { controls: { key: string; w: number; h: number }[]; fits: boolean; text: number } {
  const selector = [
    '.site-header :is(a, button, input)',
    '.site-footer li > a',
    'main :is(li, th, td) > a:first-child',
    'main :is(button, summary, input[type="search"])',
  ].join(', ');
  const controls = [...document.querySelectorAll<HTMLElement>(selector)]
    .filter((el) => el.getClientRects().length > 0 && !el.closest('.visually-hidden, .skip-link, .print-only') && getComputedStyle(el).visibility !== 'hidden')
    .map((el) => {
      const r = el.getBoundingClientRect();
      return { key: `${el.tagName.toLowerCase()} “${(el.textContent ?? el.getAttribute('aria-label') ?? '').trim().slice(0, 12)}”`, w: r.width, h: r.height };
    });
  // As pages.ts's fitsWidth, here so that one round trip measures everything.
  const fits = document.documentElement.scrollWidth <= document.documentElement.clientWidth;
  return { controls, fits, text: parseFloat(getComputedStyle(document.body).fontSize) };
}

let server: StaticServer;
before(async () => {
  server = await serveStatic(SITES.root.dir, SITES.root.base);
});
after(() => server?.close());

for (const engine of ENGINES) {
  describe(`sizes of the 长辈 modes in ${engine}`, () => {
    let browser: Browser;
    before(async () => {
      browser = await launch(engine);
    });
    after(() => browser && closeBrowser(browser));

    /** Each step's problems, and the main text's size in each step on an item page at 390 px. */
    let measured: Promise<{ problems: Map<string, string[]>; text: Map<string, number> }> | undefined;
    /**
     * One tab, one load per page, measured at each width in every step (switched with the page's own toggles, all
     * steps in one round trip); run once, read by each test.
     */
    const measure = () =>
      (measured ??= (async () => {
        const problems = new Map(STEPS.map(([name]) => [name, [] as string[]]));
        const text = new Map<string, number>();
        const page = await newPage(browser, { width: 1280, height: 800 });
        for (const path of PAGES) {
          await goto(page, server.url + path);
          for (const [width, height] of FIRST_SCREENS) {
            await setViewport(page, { width, height });
            const steps = await inEachMode(
              page,
              STEPS.map(([, modes]) => modes),
              sizesInPage,
            );
            steps.forEach(({ controls, fits, text: size }, i) => {
              const [name, , min] = STEPS[i]!;
              const out = problems.get(name)!;
              const small = controls.filter((c) => c.w < min - 0.5 || c.h < min - 0.5);
              for (const c of small.slice(0, 5)) out.push(`${width} ${path || '/'}: ${c.key} ${c.w.toFixed(1)} × ${c.h.toFixed(1)}`);
              if (small.length > 5) out.push(`${width} ${path || '/'}: and ${small.length - 5} more`);
              if (!fits) out.push(`${width} ${path || '/'}: scrolls sideways`);
              if (path === 'items/1-8/' && width === 390) text.set(name, size);
            });
          }
        }
        await page.close();
        return { problems, text };
      })());

    for (const [name, , min] of STEPS) {
      it(`${name}: main controls at least ${min} × ${min} px and no sideways scrolling at 320, 390 and 1280 px`, async () => {
        assert.deepEqual((await measure()).problems.get(name), []);
      });
    }

    it('main text: 18 px, 22.5 px in 大字版, 30 px or more in 特大字', async () => {
      const sizes = (await measure()).text;
      assert.ok(sizes.get('标准')! >= 18, `标准 ${sizes.get('标准')}`);
      assert.ok(sizes.get('大字版')! >= 22.5, `大字版 ${sizes.get('大字版')}`);
      assert.ok(sizes.get('特大字')! >= 30, `特大字 ${sizes.get('特大字')}`);
    });

    // The one touch-screen browser of the 长辈模式 tests: elder-mode.browser.test.ts offers 大鼠标 with a mouse.
    it('on a 320 px touch screen: no 大鼠标, and in 大字版 and 特大字 the header takes less than 30% of the first screen', async () => {
      const problems: string[] = [];
      await withBrowser(
        engine,
        async (phone) => {
          // One load per page, both steps switched on it.
          const page = await newPage(phone, { width: 320, height: 568 });
          for (const path of ['', 'items/1-8/', 'bureaus/human-resources/']) {
            await goto(page, server.url + path);
            if (path === 'items/1-8/') {
              assert.equal(await page.evaluate(() => matchMedia('(pointer: fine)').matches), false, 'a touch screen');
              assert.equal(await showsButton(page, '大鼠标'), false);
              assert.equal(await page.evaluate(() => document.getElementById('pointer-toggle')?.getClientRects().length ?? 0), 0, 'no box at all');
            }
            const bottoms = await inEachMode(
              page,
              STEPS.slice(1).map(([, modes]) => modes),
              () => document.querySelector('.site-header')!.getBoundingClientRect().bottom,
            );
            bottoms.forEach((bottom, i) => {
              if (bottom > 568 * 0.3) problems.push(`${STEPS[i + 1]![0]} ${path || '/'}: header ends at ${bottom.toFixed(0)} px of 568`);
            });
          }
          await page.close();
        },
        { pointer: 'touch' },
      );
      assert.deepEqual(problems, []);
    });
  });
}
