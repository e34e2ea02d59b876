import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { BrowserContext, Page } from 'playwright-core';
import { browserFixture } from '../harness/fixture.ts';
import { AXE_SOURCE, AXE_TAGS, axeViolations, EVERY_KIND_OF_PAGE } from '../harness/pages.ts';
import { contrastFigures, FIRST_SCREENS, MODE_COMBINATIONS, rememberModes, spacingProblems, type Modes } from '../harness/elder-mode.ts';

const fx = browserFixture('root');

/** A page of every kind, for the checks that must hold everywhere. */
const PAGES = EVERY_KIND_OF_PAGE;

/** A browser context with `modes` remembered from an earlier visit (set again on every page it opens). */
async function contextWith(options: { modes?: Modes; width?: number; height?: number; colorScheme?: 'light' | 'dark' } = {}): Promise<BrowserContext> {
  const { modes, width = 390, height = 844, colorScheme = 'light' } = options;
  const context = await fx.browser.newContext({ viewport: { width, height }, colorScheme });
  // Without `modes`, the page keeps whatever the test's own clicks store.
  if (modes) await context.addInitScript(rememberModes, modes);
  return context;
}

async function open(context: BrowserContext, path: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(fx.server.url + path);
  if (path.startsWith('search/?')) await page.waitForFunction(() => document.getElementById('search-app')?.dataset.state === 'done');
  return page;
}

describe('长辈模式 in Chromium', () => {
  it('大字版 and 高对比 stand on the first screen of every page at 320, 390 and 1280 px, outside 菜单, one tap away', async () => {
    const problems: string[] = [];
    const context = await contextWith();
    const page = await context.newPage();
    for (const path of PAGES) {
      await page.goto(fx.server.url + path);
      // One load per page, measured at each screen size: the layout follows the viewport as on a resized window.
      for (const [width, height] of FIRST_SCREENS) {
        await page.setViewportSize({ width, height });
        for (const id of ['text-size-toggle', 'text-xlarge-toggle', 'contrast-toggle']) {
          const toggle = page.locator(`#${id}`);
          if (!(await toggle.isVisible())) problems.push(`${width} ${path || '/'}: #${id} hidden`);
          else {
            const box = (await toggle.boundingBox())!;
            if (box.y + box.height > height) problems.push(`${width} ${path || '/'}: #${id} below the first screen`);
            if (box.height < 44 || box.width < 44) problems.push(`${width} ${path || '/'}: #${id} smaller than 44 px`);
            if (await page.evaluate((i) => !!document.getElementById(i)?.closest('#site-menu'), id))
              problems.push(`${width} ${path || '/'}: #${id} inside 菜单`);
          }
        }
      }
    }
    await context.close();
    assert.deepEqual(problems, []);
  });

  it('each setting is one tap, remembered on the next page before its first paint, and the two combine', async () => {
    const context = await contextWith();
    // What <html> carries when <body> first appears: a flash of the wrong mode would show here.
    await context.addInitScript(() => {
      const w = window as unknown as { atFirstBody?: string };
      new MutationObserver((_, observer) => {
        if (!document.body) return;
        w.atFirstBody = `${document.documentElement.dataset.textSize ?? '-'} ${document.documentElement.dataset.contrast ?? '-'}`;
        observer.disconnect();
      }).observe(document, { childList: true, subtree: true });
    });
    const page = await open(context, 'items/2-15/');
    const size = () => page.evaluate(() => parseFloat(getComputedStyle(document.body).fontSize));
    const base = await size();
    await page.getByRole('button', { name: '大字版' }).click();
    await page.getByRole('button', { name: '高对比' }).click();
    assert.equal(await page.locator('#text-size-toggle').getAttribute('aria-pressed'), 'true');
    assert.equal(await page.locator('#contrast-toggle').getAttribute('aria-pressed'), 'true');
    assert.ok((await size()) >= base * 1.2, 'the text is larger');
    assert.equal(await page.evaluate(() => getComputedStyle(document.body).color), 'rgb(0, 0, 0)');
    for (const path of ['bureaus/court/', 'batches/2/', 'topics/', '']) {
      await page.goto(fx.server.url + path);
      assert.equal(
        await page.evaluate(() => (window as unknown as { atFirstBody?: string }).atFirstBody),
        'large high',
        `${path}: applied before the first paint`,
      );
      assert.equal(await page.locator('#contrast-toggle').getAttribute('aria-pressed'), 'true', path);
    }
    await page.getByRole('button', { name: '高对比' }).click();
    await page.reload();
    assert.equal(await page.evaluate(() => (window as unknown as { atFirstBody?: string }).atFirstBody), 'large -', '高对比 off, 大字版 still on');
    await context.close();
  });

  it('the keyboard alone reaches and switches every setting, and the next page keeps them', async () => {
    const context = await contextWith({ width: 1280, height: 800 });
    const page = await open(context, 'items/1-8/');
    const reached = new Set<string>();
    for (let i = 0; i < 8; i++) {
      await page.keyboard.press('Tab');
      const id = await page.evaluate(() => document.activeElement?.id ?? '');
      reached.add(id);
      if (id === 'contrast-toggle') await page.keyboard.press('Enter');
      if (id === 'pointer-toggle') await page.keyboard.press('Space');
    }
    for (const id of ['text-size-toggle', 'text-xlarge-toggle', 'contrast-toggle', 'pointer-toggle']) assert.ok(reached.has(id), `Tab reaches #${id}`);
    assert.deepEqual(await page.evaluate(() => [document.documentElement.dataset.contrast, document.documentElement.dataset.pointer]), ['high', 'large']);
    await page.goto(fx.server.url + 'bureaus/court/');
    assert.deepEqual(
      await page.evaluate(() => [document.documentElement.dataset.contrast, document.documentElement.dataset.pointer]),
      ['high', 'large'],
      'remembered on the next page',
    );
    await context.close();
  });

  it('大鼠标 is offered with a mouse and draws a large pointer; a touch screen does not show it', async () => {
    const context = await contextWith({ width: 1280, height: 800 });
    const page = await open(context, 'items/1-8/');
    await page.getByRole('button', { name: '大鼠标' }).click();
    const cursors = await page.evaluate(() => [getComputedStyle(document.body).cursor, getComputedStyle(document.querySelector('main a')!).cursor]);
    assert.match(cursors[0]!, /^url\(".*pointer-large\.[\w-]+\.svg"\) 4 4, default$/);
    assert.match(cursors[1]!, /^url\(".*pointer-large-hand\.[\w-]+\.svg"\) 22 4, pointer$/);
    const svg = await page.evaluate(async (u) => (await fetch(u)).text(), cursors[0]!.match(/url\("(.*?)"\)/)![1]!);
    assert.match(svg, /width="64" height="64"/);
    // With a mouse at any width: a 1280 px screen zoomed to 200% is 640 CSS px wide.
    for (const width of [640, 320]) {
      await page.setViewportSize({ width, height: 800 });
      assert.equal(await page.locator('#pointer-toggle').isVisible(), true, `${width} px with a mouse`);
    }
    await context.close();
    const phone = await fx.browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    const touch = await phone.newPage();
    await touch.goto(fx.server.url + 'items/1-8/');
    assert.equal(await touch.evaluate(() => matchMedia('(pointer: fine)').matches), false, 'a touch screen');
    assert.equal(await touch.locator('#pointer-toggle').isVisible(), false);
    await phone.close();
  });

  for (const colorScheme of ['light', 'dark'] as const) {
    it(`高对比 (${colorScheme === 'light' ? '白底黑字' : '黑底黄字'}): 0 axe violations at AA and body text at AAA (7:1) on every kind of page, also with 大字版`, async () => {
      const problems: string[] = [];
      const figures = new Map<string, Record<string, number>>();
      for (const modes of [{ contrast: true }, { contrast: true, large: true }]) {
        const context = await contextWith({ modes, colorScheme });
        const page = await context.newPage();
        for (const path of PAGES) {
          await page.goto(fx.server.url + path);
          if (path.startsWith('search/?')) await page.waitForFunction(() => document.getElementById('search-app')?.dataset.state === 'done');
          await page.evaluate(AXE_SOURCE);
          for (const v of await page.evaluate(axeViolations, AXE_TAGS)) problems.push(`${path || '/'}: ${v}`);
          for (const v of await page.evaluate(axeViolations, { rules: ['color-contrast-enhanced'] })) problems.push(`${path || '/'} (AAA): ${v}`);
          if (!modes.large) figures.set(path || '/', await page.evaluate(contrastFigures));
        }
        await context.close();
      }
      const body = Math.min(...[...figures.values()].map((f) => f.body!).filter(Number.isFinite));
      const link = Math.min(...[...figures.values()].map((f) => f.link!).filter(Number.isFinite));
      console.log(`高对比 ${colorScheme}: lowest ratio on any page: body text ${body}:1, links ${link}:1, header ${figures.get('/')?.header}:1`);
      assert.ok(body >= 7 && link >= 7, `body ${body}, links ${link}`);
      assert.deepEqual(problems, []);
    });
  }

  it('line spacing ≥ 1.3 and paragraph spacing ≥ 1.3 × line spacing on every kind of page, in every mode, at 390 and 1280 px', async () => {
    const problems: string[] = [];
    for (const [name, modes] of MODE_COMBINATIONS) {
      const context = await contextWith({ modes });
      const page = await context.newPage();
      for (const path of PAGES) {
        await page.goto(fx.server.url + path);
        if (path.startsWith('search/?')) await page.waitForFunction(() => document.getElementById('search-app')?.dataset.state === 'done');
        // One load per page, measured at both widths.
        for (const width of [390, 1280]) {
          await page.setViewportSize({ width, height: 844 });
          for (const p of await page.evaluate(spacingProblems)) problems.push(`${width} ${name} ${path || '/'}: ${p}`);
        }
      }
      await context.close();
    }
    assert.deepEqual(problems.slice(0, 20), []);
  });

  it('on paper every mode prints black on white, and 大字版 prints larger', async () => {
    const printed = new Map<string, { color: string; background: string; size: number }>();
    for (const [name, modes] of MODE_COMBINATIONS) {
      for (const colorScheme of ['light', 'dark'] as const) {
        if (colorScheme === 'dark' && !modes.contrast) continue;
        const context = await contextWith({ modes, colorScheme });
        const page = await open(context, 'items/2-15/');
        await page.emulateMedia({ media: 'print' });
        printed.set(
          `${name} ${colorScheme}`,
          await page.evaluate(() => {
            // The first paragraph that goes on paper: the read-aloud slot's note is screen-only (.no-print).
            const p = [...document.querySelectorAll('main p')].find((el) => !el.closest('.no-print'))!;
            return {
              color: getComputedStyle(p).color,
              background: getComputedStyle(document.body).backgroundColor,
              size: parseFloat(getComputedStyle(p).fontSize),
            };
          }),
        );
        await context.close();
      }
    }
    const plain = printed.get('标准 light')!;
    for (const [key, p] of printed) {
      assert.equal(p.background, 'rgb(255, 255, 255)', key);
      assert.match(p.color, /^rgb\((\d), \1, \1\)$|^rgb\(1\d, 1\d, 1\d\)$/, `${key}: ${p.color}`);
      if (key.includes('大字版')) assert.ok(p.size >= plain.size * 1.2, `${key}: ${p.size} vs ${plain.size}`);
    }
  });
});

// Read-aloud: tests/accessibility/elder-read-aloud.test.ts, in both engines.
