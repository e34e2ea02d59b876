import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Browser, Page } from 'puppeteer-core';
import { PROJECT_ROOT } from '../harness/build.ts';
import { ENGINES, newPage, setViewport } from '../harness/driver.ts';
import { browserFixture, isVisible, linkNamed, tap, until } from '../harness/fixture.ts';
import { installReadIntoTab, type ReadIntoTab } from '../harness/pages.ts';
import { loadCatalog } from '../../src/build/load-catalog.ts';

const catalog = loadCatalog(PROJECT_ROOT);
const bureauName = new Map(catalog.bureaus.map((b) => [b.slug, b.name]));
const PHONE = { width: 390, height: 844 };
/** The tallest an item page may be at 390 px in normal text: what is the same on every item lives on /how-to-apply/. */
const MAX_PHONE_HEIGHT = 2600;
/** Normal text and 大字版, each with the height of the first screen the answer must fit: a 390×844 phone's, and 1.5 screens in 大字版. */
const MODES = [
  ['normal text', false, 844],
  ['大字版', true, 1266],
] as const;

/** A phone page; 大字版 is switched on the loaded page where a check needs it. */
function phonePage(browser: Browser, javaScript = true): Promise<Page> {
  return newPage(browser, { ...PHONE, javaScript });
}

/** Where the answer's parts end, in CSS px from the top of the page (null when missing), in one text size. */
interface Layout {
  height: number;
  answer: number | null;
  firstLine: string;
  h1: number | null;
  deadline: number | null;
  lead: number | null;
  leadText: string;
  howTo: number | null;
  large: boolean;
  /** The 推定 mark of an inferred lead bureau: its text and where it ends, or null. */
  mark: { text: string; bottom: number } | null;
}

/** A table cell's text, the width its text gets (its box less its padding) and its font size, in CSS px. */
interface Cell {
  text: string;
  width: number;
  em: number;
}

/** What `phoneLayouts` measures in each text size: an item page's answer, or every table cell of a page. */
interface Measures {
  answer: Layout;
  cells: Cell[];
}
type InModes<T> = Record<(typeof MODES)[number][0], T>;

/**
 * Runs in the page: `what` of a page in normal text and then in 大字版. Without `urls`, of the loaded page, switched
 * with the page's own toggle. With `urls`, of each of those pages read into this tab in turn with its scripts run
 * again (`readIntoTab`, installed by `installReadIntoTab`), 大字版 set as the toggle sets it (`data-text-size="large"`
 * on <html>); or why a page could not be read. What the scripts do later (the read-aloud slot's sentence, 1.5 s after
 * load when no voice comes) is not waited for: the tests compare the measure with real loads, done waiting.
 */
async function phoneLayouts<K extends keyof Measures>(what: K, urls: string[] = []): Promise<(InModes<Measures[K]> | string)[]> {
  const root = document.documentElement;
  const bottom = (el: Element | null | undefined) => (el ? el.getBoundingClientRect().bottom + window.scrollY : null);
  const answer = (): Layout => {
    const box = document.querySelector('.answer');
    const byText = (re: RegExp) => [...(box?.querySelectorAll('p, a, strong') ?? [])].find((el) => re.test(el.textContent ?? ''));
    const mark = box?.querySelector('.lead .mark');
    return {
      height: root.scrollHeight,
      answer: bottom(box),
      firstLine: box?.querySelector('p')?.className ?? '',
      h1: bottom(document.querySelector('h1')),
      deadline: bottom(byText(/要求.+实现/)),
      lead: bottom(box?.querySelector('.lead')),
      leadText: box?.querySelector('.lead')?.textContent ?? '',
      howTo: bottom([...document.querySelectorAll('a[href="#how-to"], h2')].find((el) => (el.textContent ?? '').includes('怎么办理'))),
      large: root.dataset.textSize === 'large',
      mark: mark ? { text: mark.textContent ?? '', bottom: bottom(mark)! } : null,
    };
  };
  const cells = (): Cell[] =>
    [...document.querySelectorAll('td, th')]
      .filter((c) => !c.closest('.visually-hidden'))
      .filter((c) => c.getClientRects().length > 0 && (c.textContent ?? '').trim() !== '')
      .map((c) => {
        const style = getComputedStyle(c);
        const width = c.getBoundingClientRect().width - parseFloat(style.paddingInlineStart) - parseFloat(style.paddingInlineEnd);
        return { text: (c.textContent ?? '').trim().slice(0, 12), width, em: parseFloat(style.fontSize) };
      });
  const measure = (() => (what === 'answer' ? answer() : cells())) as () => Measures[K];
  if (urls.length === 0) {
    // The toggle's setting is remembered: the tab's next page opens in 大字版, so each mode is set, not toggled blindly.
    const textSize = (large: boolean) => {
      const toggle = document.getElementById('text-size-toggle');
      if (!toggle) throw new Error(`no #text-size-toggle on ${location.pathname}`);
      if ((root.dataset.textSize === 'large') !== large) toggle.click();
      if ((root.dataset.textSize === 'large') !== large) throw new Error(`${location.pathname}: the toggle did not switch 大字版`);
    };
    textSize(false);
    const normal = measure();
    textSize(true);
    return [{ 'normal text': normal, 大字版: measure() }];
  }
  const readIntoTab = (window as unknown as { readIntoTab: ReadIntoTab }).readIntoTab;
  const out: (InModes<Measures[K]> | string)[] = [];
  for (const url of urls) {
    const error = await readIntoTab(url, true);
    if (error !== null) {
      out.push(error);
      continue;
    }
    const normal = measure();
    root.setAttribute('data-text-size', 'large');
    out.push({ 'normal text': normal, 大字版: measure() });
  }
  return out;
}

/**
 * Loads a page as a reader does and waits for its scripts' last change: on a page with read-aloud, its slot filled
 * (a voice's controls, or the sentence saying there is none, 1.5 s after load when no voice comes).
 */
async function load(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.waitForFunction(() => document.readyState === 'complete' && document.getElementById('read-aloud-slot')?.childElementCount !== 0);
}

/**
 * Measures `what` of every page of `paths` in one tab (`phoneLayouts`), and confirms the measure with real loads: the
 * first page, and the pages `confirm` picks out of the measure, each loaded as a reader loads it, its scripts done and
 * 大字版 switched with its own toggle, must measure exactly the same, so that anything the page's scripts add or
 * change, or a page laid out differently in the tab, fails.
 */
async function measureInOneTab<K extends keyof Measures>(
  browser: Browser,
  origin: string,
  what: K,
  paths: string[],
  confirm: (measured: Map<string, InModes<Measures[K]>>) => Iterable<string>,
): Promise<Map<string, InModes<Measures[K]>>> {
  const page = await phonePage(browser);
  const real = async (path: string) => {
    await load(page, origin + path);
    return (await page.evaluate(phoneLayouts, what))[0] as InModes<Measures[K]>;
  };
  const loaded = await real(paths[0]!);
  await page.evaluate(installReadIntoTab);
  const layouts = (await page.evaluate(
    phoneLayouts,
    what,
    paths.map((path) => origin + path),
  )) as (InModes<Measures[K]> | string)[];
  const measured = new Map<string, InModes<Measures[K]>>();
  paths.forEach((path, i) => {
    const got = layouts[i]!;
    assert.ok(typeof got !== 'string', `${path}: ${got}`);
    measured.set(path, got);
  });
  assert.deepEqual(measured.get(paths[0]!), loaded, `${paths[0]}: measured in the tab as when loaded`);
  for (const path of new Set(confirm(measured))) assert.deepEqual(measured.get(path), await real(path), `${path}: measured in the tab as when loaded`);
  await page.close();
  return measured;
}

/** How far each limit is from being crossed, in px: the normal and 大字版 first screens, the page's height. */
function slack(got: InModes<Layout>) {
  const parts = (l: Layout) => Math.max(...[l.h1, l.deadline, l.lead, l.howTo, l.answer].map((y) => y ?? Infinity));
  return {
    'normal text': MODES[0][2] - parts(got['normal text']),
    大字版: MODES[1][2] - parts(got['大字版']),
    height: MAX_PHONE_HEIGHT - got['normal text'].height,
    mark: Math.min(...MODES.map(([mode, , limit]) => limit - (got[mode].mark?.bottom ?? -Infinity))),
  };
}

for (const engine of ENGINES) {
  describe(engine, () => {
    const fx = browserFixture(engine, 'root');

    describe(`answer first on item pages, on a 390×844 phone (${engine})`, () => {
      /**
       * Every item's layout, measured once for both tests below (by whichever runs first) in one tab: loading 138
       * pages was the slow part. The real loads confirm it on the first item and the item closest to each limit (the
       * first screen in normal text and in 大字版, the page's height, the 推定 mark).
       */
      let sweep: Promise<Map<string, InModes<Layout>>> | undefined;
      const measured = async () => {
        sweep ??= measureInOneTab(
          fx.browser,
          fx.server.url,
          'answer',
          catalog.items.map((item) => `items/${item.id}/`),
          (byPath) => {
            const closest = (key: keyof ReturnType<typeof slack>) => [...byPath].reduce((x, y) => (slack(y[1])[key] < slack(x[1])[key] ? y : x))[0];
            return [closest('normal text'), closest('大字版'), closest('height'), closest('mark')];
          },
        );
        const byPath = await sweep;
        return new Map(catalog.items.map((item) => [item.id, byPath.get(`items/${item.id}/`)!]));
      };

      it(`opens with the table's scenario and shows name, planned deadline, lead bureau and how to apply within the first screen (844 px; 1,266 px in 大字版) for all ${catalog.items.length} items, on a page at most ${MAX_PHONE_HEIGHT} px tall in normal text`, async () => {
        const byId = await measured();
        for (const item of catalog.items) {
          for (const [mode, large, limit] of MODES) {
            const got = byId.get(item.id)![mode];
            const at = `${item.id} (${mode})`;
            assert.equal(got.large, large, `${at}: text size`);
            for (const part of ['h1', 'deadline', 'lead', 'howTo'] as const) {
              const y = got[part];
              assert.ok(y !== null, `${at}: ${part} is on the page`);
              assert.ok(y <= limit, `${at}: ${part} ends at ${Math.round(y)} px, below ${limit} px`);
            }
            for (const slug of item.lead) assert.ok(got.leadText.includes(bureauName.get(slug)!), `${at}: names ${slug}`);
            // The answer box opens with what the table says the citizen can do, and fits the first screen.
            assert.equal(got.firstLine, 'can', `${at}: first line of the answer`);
            assert.ok(got.answer !== null && got.answer <= limit, `${at}: answer box ends at ${got.answer} px`);
            // An item page is about its item: at most 2,600 px tall on a phone in normal text.
            if (!large) assert.ok(got.height <= MAX_PHONE_HEIGHT, `${at}: page is ${got.height} px tall`);
          }
        }
      });

      it('marks the inferred lead bureau of 1-8..1-18 and 2-19 with 推定 within the first screen', async () => {
        const inferred = catalog.items.filter((i) => i.notes.some((n) => n.field === 'lead' && n.inferred)).map((i) => i.id);
        assert.deepEqual(inferred, ['1-8', '1-9', '1-10', '1-11', '1-12', '1-13', '1-14', '1-15', '1-16', '1-17', '1-18', '2-19']);
        const byId = await measured();
        for (const id of inferred) {
          for (const [mode, , limit] of MODES) {
            const mark = byId.get(id)![mode].mark;
            assert.match(mark?.text ?? '', /推定/, `${id} (${mode})`);
            assert.ok(mark && mark.bottom <= limit, `${id} (${mode}): the mark is within the first screen`);
          }
        }
      });
    });

    describe(`phones and older readers, at 390 px (${engine})`, () => {
      it('no table cell on batch, bureau, data or overview pages is narrower than two characters, in normal text and 大字版', async () => {
        // Every page measured in one tab (measureInOneTab): the bureau pages come from one template and differ only
        // in their rows, and every page here has the site's one stylesheet. The page with the narrowest cell is loaded
        // as a reader loads it, and must measure the same.
        const paths = [
          'batches/1/',
          'batches/2/',
          'batches/3/',
          'bureaus/',
          'data/',
          'data-notes/',
          'overview/',
          ...catalog.bureaus.map((b) => `bureaus/${b.slug}/`),
        ];
        const narrowest = (cells: InModes<Cell[]>) => Math.min(...[...cells['normal text'], ...cells['大字版']].map((c) => c.width / c.em));
        const measured = await measureInOneTab(fx.browser, fx.server.url, 'cells', paths, (byPath) => [
          [...byPath].reduce((x, y) => (narrowest(y[1]) < narrowest(x[1]) ? y : x))[0],
        ]);
        for (const path of paths)
          for (const [mode, large] of MODES)
            assert.deepEqual(
              measured.get(path)![mode].filter((c) => c.width < 2 * c.em),
              [],
              `${path}${large ? ' (大字版)' : ''}`,
            );
      });

      it('gives menu, breadcrumbs, cards and jump links touch targets of at least 44×44 px', async () => {
        const page = await phonePage(fx.browser);
        const checks: [string, string][] = [
          ['', '.site-header .tool'],
          ['', '.topic-cards li'],
          ['', '.cards a'],
          ['items/2-15/', '.breadcrumbs a'],
          ['items/', '.jump a'],
          ['items/2-15/#site-menu', '#site-menu a'],
        ];
        // One load per page: the checks of one page read it as loaded.
        for (const [path, selector] of checks) {
          if (page.url() !== fx.server.url + path) await page.goto(fx.server.url + path);
          const boxes = await page.$$eval(selector, (els) =>
            els
              .filter((e) => e.getClientRects().length > 0)
              .map((e) => ({ t: (e.textContent ?? '').trim().slice(0, 10), w: e.getBoundingClientRect().width, h: e.getBoundingClientRect().height })),
          );
          assert.ok(boxes.length > 0, `${path} ${selector} exists`);
          for (const b of boxes) assert.ok(b.w >= 44 && b.h >= 44, `${path} ${selector} "${b.t}" is ${Math.round(b.w)}×${Math.round(b.h)}`);
        }
        await page.close();
      });

      it('makes a topic card tappable anywhere, not only on its title', async () => {
        const page = await phonePage(fx.browser);
        await page.goto(fx.server.url);
        const card = (await page.$('.topic-cards li'))!;
        const href = await card.$eval('a', (a) => a.getAttribute('href'));
        await card.scrollIntoView();
        const box = (await card.boundingBox())!;
        await Promise.all([page.waitForNavigation(), page.mouse.click(box.x + box.width - 8, box.y + box.height - 6)]);
        assert.equal(new URL(page.url()).pathname, href);
        await page.close();
      });

      it('opens the phone menu without JavaScript, and keeps search one tap away', async () => {
        const page = await phonePage(fx.browser, false);
        await page.goto(`${fx.server.url}items/2-15/`);
        assert.equal(await isVisible(page, '#site-menu'), false, 'the menu starts closed');
        await tap(page, await linkNamed(page, '菜单'));
        await until(async () => (await page.evaluate(() => location.hash)) === '#site-menu', 'the menu’s fragment');
        assert.equal(await isVisible(page, '#site-menu'), true);
        assert.equal(await (await linkNamed(page, '按部门')).isVisible(), true);
        await Promise.all([page.waitForNavigation(), tap(page, await linkNamed(page, '搜索'))]);
        assert.equal(new URL(page.url()).pathname, '/search/');
        await page.close();
      });

      it('shows exactly one search box on every kind of page, at phone and desktop widths', async () => {
        // One load per page, measured at both widths: the header follows the width as on a resized window.
        const page = await phonePage(fx.browser);
        for (const path of ['', 'search/', 'does-not-exist/', 'items/2-15/', 'bureaus/']) {
          await page.goto(fx.server.url + path);
          for (const viewport of [PHONE, { width: 1280, height: 900 }]) {
            await setViewport(page, viewport);
            const visible = await page.$$eval('input[type="search"]', (els) => els.filter((e) => e.getClientRects().length > 0).length);
            const expected = viewport.width < 500 && ['items/2-15/', 'bureaus/'].includes(path) ? 0 : 1;
            assert.equal(visible, expected, `${path} at ${viewport.width} px`);
          }
          await setViewport(page, PHONE);
        }
        await page.close();
      });

      it('draws overview charts with labels of at least 12 px, each bar linking to its page', async () => {
        const page = await phonePage(fx.browser);
        await page.goto(`${fx.server.url}overview/`);
        const labels = await page.$$eval('svg .label', (els) => els.map((e) => e.getBoundingClientRect().height));
        assert.ok(labels.length >= 20);
        for (const h of labels) assert.ok(h >= 12, `label glyphs ${h.toFixed(1)} px high`);
        const hrefs = await page.$$eval('svg a', (els) => els.map((a) => a.getAttribute('href') ?? ''));
        for (const href of new Set(hrefs)) {
          const response = await fetch(new URL(href, page.url()));
          assert.equal(response.status, 200, href);
        }
        await page.close();
      });
    });
  });
}
