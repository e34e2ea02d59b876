import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readBuilt } from '../harness/build.ts';
import { ENGINES, goto, newPage } from '../harness/driver.ts';
import { allowClipboard, browserFixture, buttonNamed } from '../harness/fixture.ts';
import { loadPage } from '../harness/html.ts';
import { cspHeader, cspMeta } from '../../src/lib/publish/csp.ts';

describe('Content-Security-Policy', () => {
  it('ships in a headers file and as a <meta> fallback, with no inline code to allow', () => {
    assert.ok(readBuilt('kstb', '_headers').includes(`Content-Security-Policy: ${cspHeader()}`));
    for (const path of ['index.html', 'items/2-15/index.html', 'search/index.html', 'bureaus/human-resources/index.html']) {
      const doc = loadPage('kstb', path);
      assert.equal(doc.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content'), cspMeta(), path);
      for (const script of doc.querySelectorAll('script')) {
        const type = script.getAttribute('type');
        // Data blocks (JSON, text, or markup kept for a script) never run, so the policy need not allow them.
        const data = type === 'application/json' || type === 'application/ld+json' || type === 'text/html' || type === 'text/plain';
        assert.ok(data || script.hasAttribute('src'), `${path}: inline executable script`);
      }
      assert.equal(doc.querySelectorAll('style, [style]').length, 0, `${path}: inline style`);
      assert.equal(doc.querySelectorAll('[onclick], [onload], [onerror], [onsubmit], [oninput]').length, 0, `${path}: inline handler`);
    }
  });

  for (const engine of ENGINES) {
    describe(engine, () => {
      const fx = browserFixture(engine, 'kstb');

      it('the main pages work under it with no violation reported', async () => {
        const page = await newPage(fx.browser);
        await allowClipboard(page, fx.server.origin);
        await page.evaluateOnNewDocument(() => {
          (window as unknown as { violations: string[] }).violations = [];
          document.addEventListener('securitypolicyviolation', (e) =>
            (window as unknown as { violations: string[] }).violations.push(`${e.violatedDirective} ${e.blockedURI}`),
          );
        });
        const errors: string[] = [];
        page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
        page.on('pageerror', (e) => errors.push((e as Error).message));
        const violations = async () => page.evaluate(() => (window as unknown as { violations: string[] }).violations);
        for (const path of ['', 'items/2-15/', 'bureaus/human-resources/', 'overview/', 'data-notes/', 'topics/', 'about/']) {
          await page.goto(fx.server.url + path);
          assert.deepEqual(await violations(), [], path);
        }
        await page.goto(`${fx.server.url}items/2-15/`);
        await (await buttonNamed(page, '复制链接')).click();
        await (await buttonNamed(page, '大字版')).click();
        assert.deepEqual(await violations(), []);
        await goto(page, `${fx.server.url}search/?q=${encodeURIComponent('社保卡补办')}`);
        assert.ok((await page.$$('#search-results li')).length > 0, 'search (Pagefind and its WebAssembly) works under the policy');
        assert.deepEqual(await violations(), []);
        // Pinyin needs the engine's code that only some queries load (src/lib/search/extras.ts): a chunk the worker imports then.
        await goto(page, `${fx.server.url}search/?q=shebaoka`);
        assert.ok((await page.$$('#search-results li')).length > 0, 'the search worker’s chunk loaded on demand works under the policy');
        assert.deepEqual(await violations(), []);
        assert.deepEqual(errors, []);
        await page.close();
      });
    });
  }
});
