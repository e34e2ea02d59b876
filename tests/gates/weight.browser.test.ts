import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, it } from 'node:test';
import type { WebWorker } from 'puppeteer-core';
import { loadCatalog } from '../../src/build/load-catalog.ts';
import { browserFixture, isVisible, textOf } from '../harness/fixture.ts';
import { newPage } from '../harness/driver.ts';
import { PROJECT_ROOT, SITES } from '../harness/build.ts';
import { loadPage } from '../harness/html.ts';
import { searchViaUi } from '../harness/search-ui.ts';
import { pageWeight } from '../harness/weight.ts';

const BUDGET = 30 * 1024;
/** The search page with its first results (issue 19): page, CSS, scripts, lexicon, Pagefind's runtime, wasm, index and fragments. */
const SEARCH_BUDGET = 110 * 1024;
// Chromium only: the bytes come from response bodies and the worker's own timeline, both read over CDP
// (puppeteer over WebDriver BiDi exposes neither in Firefox ESR); what is fetched does not depend on the engine.
const fx = browserFixture('chromium', 'root');

describe('page weight (Chromium)', () => {
  it('every item page is at most 30 KiB gzipped on first visit, with no search code', async () => {
    // Measure one page in Chromium for real: everything it loads before any interaction.
    const measured = await pageWeight(fx.browser, `${fx.server.url}items/2-15/`);
    assert.ok(measured.loadBytes <= BUDGET, `items/2-15/ weighs ${measured.loadBytes} bytes`);
    const assets = measured.loadUrls.map((u) => new URL(u).pathname).filter((p) => p !== '/items/2-15/');
    // Every item page loads the same assets, so its weight is its own HTML plus those.
    const assetBytes = assets.reduce((n, p) => n + gzipSync(readFileSync(join(SITES.root.dir, p))).length, 0);
    for (const item of loadCatalog(PROJECT_ROOT).items) {
      const html = readFileSync(join(SITES.root.dir, `items/${item.id}/index.html`));
      const doc = loadPage('root', `items/${item.id}/index.html`);
      const refs = [...doc.querySelectorAll('link[rel="stylesheet"], link[rel="icon"], script[src]')].map(
        (el) => el.getAttribute('href') ?? el.getAttribute('src'),
      );
      assert.deepEqual(new Set(refs), new Set(assets), `${item.id} loads the same assets`);
      const bytes = gzipSync(html).length + assetBytes;
      assert.ok(bytes <= BUDGET, `items/${item.id}/ weighs ${bytes} bytes`);
      assert.ok(!refs.some((r) => r?.includes('/pagefind/')), `${item.id} loads search code`);
    }
  });

  it('reads without JavaScript', async () => {
    const page = await newPage(fx.browser, { javaScript: false });
    await page.goto(`${fx.server.url}items/2-15/`);
    assert.equal(await textOf(page, 'h1'), '社会保障卡补领、换领、换发');
    assert.ok(await isVisible(page, '.scenario'));
    // The table's row and, apart from it, the site's own classification: two lists, each shown.
    const facts = await page.$$eval('.facts', (lists) => lists.map((l) => l.getClientRects().length > 0 && getComputedStyle(l).visibility !== 'hidden'));
    assert.ok(facts.length > 0, 'the table’s row is on the page');
    assert.ok(facts.every(Boolean), 'every list of facts is shown');
    await page.close();
  });

  it('the search page with its first results is at most 110 KiB gzipped, and fetches the Latin data (pinyin) only for Latin letters', async () => {
    // As npm run bench measures it (searchWeight in scripts/bench-site.ts): the page loaded, then its first search.
    const search = (query: string) =>
      pageWeight(fx.browser, `${fx.server.url}search/`, async (page) => {
        await page.evaluate((q) => {
          const form = document.getElementById('search-form') as HTMLFormElement;
          (form.elements.namedItem('q') as HTMLInputElement).value = q;
          form.requestSubmit();
        }, query);
        await page.waitForFunction(() => document.getElementById('search-app')?.dataset.state === 'done');
      });
    const first = await search('社保卡');
    const bytes = first.loadBytes + first.actBytes;
    assert.ok(bytes <= SEARCH_BUDGET, `the search page and its first results weigh ${bytes} bytes (${(bytes / 1024).toFixed(1)} KiB)`);
    assert.ok(!first.actUrls.some((u) => u.endsWith('/pagefind/latin.txt')), 'a Chinese query needs no pinyin');
    const pinyin = await search('shebaoka');
    assert.ok(
      pinyin.actUrls.some((u) => u.endsWith('/pagefind/latin.txt')),
      'a pinyin query loads the pinyin map',
    );
  });

  it('the search page loads Pagefind only when someone searches', async () => {
    const w = await pageWeight(fx.browser, `${fx.server.url}search/`, async (page) => {
      await page.type('#q', '公积金');
      await page.keyboard.press('Enter');
      await page.waitForFunction(() => document.getElementById('search-app')?.dataset.state === 'done');
    });
    assert.ok(!w.loadUrls.some((u) => u.includes('/pagefind/')), 'nothing of Pagefind before a search');
    assert.ok(
      w.actUrls.some((u) => u.endsWith('/pagefind/pagefind.js')),
      'Pagefind loads on the first search',
    );
    // No action but waiting for the results: whether they come before the network first goes quiet depends on the machine's load.
    const shared = await pageWeight(fx.browser, `${fx.server.url}search/?q=${encodeURIComponent('公积金')}`, async (page) => {
      await page.waitForFunction(() => document.getElementById('search-app')?.dataset.state === 'done');
    });
    assert.ok(
      [...shared.loadUrls, ...shared.actUrls].some((u) => u.includes('/pagefind/')),
      'a shared search link runs at once',
    );
    const page = await newPage(fx.browser);
    assert.ok((await searchViaUi(page, fx.server.url, '公积金')).ids.length > 0);
    await page.close();
  });

  it('searches in a Web Worker: Pagefind and its WebAssembly are fetched by the worker, and the page’s script holds no search code', async (t) => {
    const page = await newPage(fx.browser);
    t.after(() => page.close());
    const started = new Promise<WebWorker>((resolve) => page.once('workercreated', resolve));
    assert.ok((await searchViaUi(page, fx.server.url, '社保卡')).ids.length > 0);
    const worker = await started;
    // Each context's own resource timeline: what the page fetched, and what the worker fetched.
    const fetched = () => performance.getEntriesByType('resource').map((e) => new URL(e.name).pathname);
    const [byPage, byWorker] = await Promise.all([page.evaluate(fetched), worker.evaluate(fetched)]);
    assert.deepEqual(
      byPage.filter((p) => p.includes('/pagefind/')),
      [],
      'the page itself fetches nothing of Pagefind',
    );
    assert.ok(byWorker.includes('/pagefind/pagefind.js'), 'the worker loads Pagefind');
    assert.ok(
      byWorker.some((p) => /^\/pagefind\/wasm\.[^/]+\.pagefind$/.test(p)),
      'the worker loads Pagefind’s WebAssembly',
    );
    assert.ok(
      byWorker.some((p) => p.startsWith('/pagefind/fragment/')),
      'the worker loads the candidates’ records',
    );
    // The page's bundle renders only: no engine (its status wording) and no code shipped in both bundles.
    const scripts = [...loadPage('root', 'search/index.html').querySelectorAll('script[type="module"][src]')].map((el) => el.getAttribute('src') ?? '');
    const own = scripts.map((src) => readFileSync(join(SITES.root.dir, src), 'utf8')).join('\n');
    const engine = readFileSync(join(SITES.root.dir, new URL(worker.url()).pathname), 'utf8');
    assert.ok(engine.includes('相关的事项') && !own.includes('相关的事项'), 'the engine is in the worker’s bundle only');
    assert.ok(!own.includes('pagefind.js'), 'the page’s bundle does not load Pagefind');
    const WINDOW = 64;
    const pieces = new Set(Array.from({ length: Math.max(0, own.length - WINDOW) }, (_, i) => own.slice(i, i + WINDOW)));
    const shared = Array.from({ length: Math.max(0, engine.length - WINDOW) }, (_, i) => engine.slice(i, i + WINDOW)).find((w) => pieces.has(w));
    assert.equal(shared, undefined, 'code in both the page’s and the worker’s bundle');
    // Pagefind's own worker is never loaded (it runs inside ours, which has no `window`, so it starts none), so it is not published.
    assert.ok(!existsSync(join(SITES.root.dir, 'pagefind/pagefind-worker.js')), 'pagefind-worker.js is published');
  });

  it('starts the search worker, which loads Pagefind, when the search box gets focus, before any search', async (t) => {
    const page = await newPage(fx.browser);
    t.after(() => page.close());
    await page.goto(`${fx.server.url}search/`);
    assert.equal(page.workers().length, 0, 'no worker while nobody is about to search');
    const started = new Promise<WebWorker>((resolve) => page.once('workercreated', resolve));
    await page.focus('#q');
    const worker = await started;
    // Resolves once Pagefind's WebAssembly is in the worker's own resource timeline.
    await worker.evaluate(
      () =>
        new Promise<void>((resolve) => {
          const check = () => (performance.getEntriesByType('resource').some((e) => e.name.includes('/pagefind/wasm.')) ? resolve() : setTimeout(check, 50));
          check();
        }),
    );
    assert.equal(await page.evaluate(() => document.getElementById('search-app')?.hidden), true, 'no search was run');
  });

  it('says so and leads on when the search cannot load, instead of searching for ever', async (t) => {
    const page = await newPage(fx.browser);
    t.after(() => page.close());
    // The worker's script is missing, as on a host that lost it.
    await page.setRequestInterception(true);
    page.on('request', (r) => void (/search-worker-[^/]*\.js$/.test(r.url()) ? r.respond({ status: 404, body: '' }) : r.continue()));
    await page.goto(`${fx.server.url}search/?q=${encodeURIComponent('社保卡')}`);
    await page.waitForFunction(() => document.getElementById('search-app')?.dataset.state === 'done');
    assert.match((await textOf(page, '#search-status')) ?? '', /^搜索暂时无法使用/);
    assert.equal(await page.$eval('#search-app', (el) => el.getAttribute('data-result')), 'error', 'shown as a notice, not as a result line');
    assert.equal(await isVisible(page, '#browse'), true, 'the other ways to find an item are shown');
  });
});
