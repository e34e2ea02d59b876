import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'puppeteer-core';
import { setViewport } from '../harness/firefox-esr.ts';
import { FIREFOX_DARK, FIREFOX_MOUSE, firefoxFixture, launchFirefox } from '../harness/firefox.ts';
import { decodePng, meanBrightness } from '../harness/pixels.ts';
import { AXE_SOURCE, AXE_TAGS, axeViolations, EVERY_KIND_OF_PAGE } from '../harness/pages.ts';
import { contrastFigures, FIRST_SCREENS, MODE_COMBINATIONS, rememberModes, spacingProblems, type Modes } from '../harness/elder-mode.ts';

// Served under /kstb/: the toggles, the pointer pictures and read-aloud must work under a sub-path too.
const fx = firefoxFixture('kstb', FIREFOX_MOUSE);

/** A new tab of the given size, with `modes` remembered from an earlier visit. */
async function newPage(options: { width?: number; height?: number; modes?: Modes; browser?: Browser } = {}): Promise<Page> {
  const { width = 390, height = 844, modes, browser = fx.browser } = options;
  const page = await browser.newPage();
  await setViewport(page, { width, height });
  if (modes) await page.evaluateOnNewDocument(rememberModes, modes);
  return page;
}

async function open(page: Page, path: string): Promise<void> {
  await page.goto(fx.server.url + path);
  if (path.startsWith('search/?')) await page.waitForFunction(() => document.getElementById('search-app')?.dataset.state === 'done');
}

describe('长辈模式 in Firefox ESR', () => {
  it('大字版 and 高对比 stand on the first screen of every page at 320, 390 and 1280 px, outside 菜单', async () => {
    const problems: string[] = [];
    const page = await newPage();
    for (const path of EVERY_KIND_OF_PAGE) {
      await open(page, path);
      // One load per page, measured at each screen size: the layout follows the viewport as on a resized window.
      for (const [width, height] of FIRST_SCREENS) {
        await setViewport(page, { width, height });
        for (const id of ['text-size-toggle', 'text-xlarge-toggle', 'contrast-toggle']) {
          const box = await page.$eval(`#${id}`, (el) => {
            const r = el.getBoundingClientRect();
            return { top: r.top, bottom: r.bottom, width: r.width, height: r.height, inMenu: !!el.closest('#site-menu') };
          });
          if (box.height < 44 || box.width < 44) problems.push(`${width} ${path || '/'}: #${id} hidden or smaller than 44 px`);
          if (box.bottom > height) problems.push(`${width} ${path || '/'}: #${id} below the first screen`);
          if (box.inMenu) problems.push(`${width} ${path || '/'}: #${id} inside 菜单`);
        }
      }
    }
    await page.close();
    assert.deepEqual(problems, []);
  });

  it('the settings combine and are remembered on the next page before its first paint', async () => {
    const page = await newPage();
    await page.evaluateOnNewDocument(() => {
      new MutationObserver((_, observer) => {
        if (!document.body) return;
        (window as unknown as { atFirstBody?: string }).atFirstBody =
          `${document.documentElement.dataset.textSize ?? '-'} ${document.documentElement.dataset.contrast ?? '-'}`;
        observer.disconnect();
      }).observe(document, { childList: true, subtree: true });
    });
    await open(page, 'items/2-15/');
    await page.click('#text-size-toggle');
    await page.click('#contrast-toggle');
    for (const path of ['bureaus/court/', 'batches/3/', '']) {
      await open(page, path);
      assert.equal(await page.evaluate(() => (window as unknown as { atFirstBody?: string }).atFirstBody), 'large high', path);
      assert.equal(await page.$eval('#contrast-toggle', (b) => b.getAttribute('aria-pressed')), 'true', path);
    }
    await page.close();
  });

  // The two colour schemes run side by side, each in a browser of its own (separate profiles, so one
  // page's remembered settings cannot reach the other's): together they are this file's longest test.
  it('高对比 (白底黑字, and 黑底黄字 on a dark system): 0 axe violations at AA and text at AAA (7:1) on every kind of page, also with 大字版', async () => {
    const check = async (dark: boolean) => {
      const problems: string[] = [];
      const lowest = { body: Infinity, link: Infinity };
      const browser = dark ? await launchFirefox({ ...FIREFOX_MOUSE, ...FIREFOX_DARK }) : fx.browser;
      try {
        for (const modes of [{ contrast: true }, { contrast: true, large: true }]) {
          const page = await newPage({ modes, browser });
          if (dark) assert.ok(await page.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches));
          for (const path of EVERY_KIND_OF_PAGE) {
            await open(page, path);
            await page.evaluate(AXE_SOURCE);
            for (const v of await page.evaluate(axeViolations, AXE_TAGS)) problems.push(`${path || '/'}: ${v}`);
            for (const v of await page.evaluate(axeViolations, { rules: ['color-contrast-enhanced'] })) problems.push(`${path || '/'} (AAA): ${v}`);
            const f = await page.evaluate(contrastFigures);
            if (Number.isFinite(f.body)) lowest.body = Math.min(lowest.body, f.body!);
            if (Number.isFinite(f.link)) lowest.link = Math.min(lowest.link, f.link!);
          }
          await page.close();
        }
      } finally {
        if (dark) await browser.close();
      }
      console.log(`Firefox 高对比 ${dark ? 'dark' : 'light'}: lowest ratio on any page: body text ${lowest.body}:1, links ${lowest.link}:1`);
      return { dark, lowest, problems };
    };
    for (const { dark, lowest, problems } of await Promise.all([check(false), check(true)])) {
      assert.ok(lowest.body >= 7 && lowest.link >= 7, `${dark ? 'dark' : 'light'}: ${JSON.stringify(lowest)}`);
      assert.deepEqual(problems, [], dark ? 'dark' : 'light');
    }
  });

  it('line spacing ≥ 1.3 and paragraph spacing ≥ 1.3 × line spacing on every kind of page, in every mode', async () => {
    const problems: string[] = [];
    for (const [name, modes] of MODE_COMBINATIONS) {
      const page = await newPage({ modes });
      for (const path of EVERY_KIND_OF_PAGE) {
        await open(page, path);
        for (const p of await page.evaluate(spacingProblems)) problems.push(`${name} ${path || '/'}: ${p}`);
      }
      await page.close();
    }
    assert.deepEqual(problems.slice(0, 20), []);
  });

  it('on paper 高对比 prints black on white, also on a dark system: the printed page is mostly white', async () => {
    const browser = await launchFirefox({ ...FIREFOX_MOUSE, ...FIREFOX_DARK });
    const dir = mkdtempSync(join(tmpdir(), 'elder-print-'));
    const brightness: Record<string, number> = {};
    for (const [name, modes] of MODE_COMBINATIONS) {
      const page = await newPage({ modes, browser });
      await open(page, 'items/2-15/');
      writeFileSync(join(dir, 'page.pdf'), await page.pdf({ format: 'A4', printBackground: true }));
      await page.close();
      execFileSync('pdftoppm', ['-png', '-r', '30', '-f', '1', '-l', '1', '-singlefile', join(dir, 'page.pdf'), join(dir, 'page')]);
      // Read in Node: the tests need no image tool beyond poppler's pdftoppm.
      brightness[name] = meanBrightness(decodePng(readFileSync(join(dir, 'page.png'))));
    }
    await browser.close();
    for (const [name, mean] of Object.entries(brightness)) assert.ok(mean > 0.85, `${name}: mean brightness ${mean}`);
  });

  it('大鼠标 draws the large pointer from the site’s own files under its sub-path', async () => {
    const page = await newPage({ width: 1280, height: 800 });
    await open(page, 'items/1-8/');
    await page.click('#pointer-toggle');
    const cursor = await page.evaluate(() => getComputedStyle(document.body).cursor);
    const src = cursor.match(/url\("(.*?)"\)/)?.[1] ?? '';
    assert.match(src, /\/kstb\/_astro\/pointer-large\.[\w-]+\.svg$/);
    assert.equal(await page.evaluate(async (u) => (await fetch(u)).status, src), 200);
    await page.close();
  });
});
