import assert from 'node:assert/strict';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { synthesizeProject } from '../../scripts/synth.ts';
import { syntheticCityName } from '../../src/lib/catalog/synthetic-table.ts';
import { frozenInputs } from '../harness/inputs.ts';
import { buildSiteAsync } from '../harness/build.ts';
import { ENGINES, newPage, searchDone, withBrowser } from '../harness/driver.ts';
import { textOf } from '../harness/fixture.ts';
import { searchViaUi } from '../harness/search-ui.ts';
import { serveStatic, type StaticServer } from '../harness/static-server.ts';

/**
 * A catalog of two cities: the real table and one fictional copy (276 items,
 * npm run synth), the smallest national catalog. Built here, once, in a copy
 * of the project: about 8 s on a quiet machine.
 */
const CITY = syntheticCityName(1);
/** The items of the table the synthetic catalog copies (the first recorded one): the own city's, and the fictional city's copy. */
const N = Number(frozenInputs().seed.text.match(/\(共 (\d+) 项\)/)![1]);

describe('a catalog of several cities', () => {
  let dir: string;
  let dist: string;
  let server: StaticServer;
  before(async () => {
    dir = synthesizeProject(2 * N);
    dist = join(dir, 'dist');
    const built = await buildSiteAsync({ root: dir, outDir: dist });
    assert.equal(built.status, 0, built.output);
    server = await serveStatic(dist, '/');
  });
  after(async () => {
    await server?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('has one search bundle per city: the own city in pagefind/, the other in pagefind-cities/c001/', () => {
    const pages = (bundle: string) => JSON.parse(readFileSync(join(dist, bundle, 'pagefind-entry.json'), 'utf8')).languages['zh-cn'].page_count;
    assert.equal(pages('pagefind'), N);
    assert.equal(pages('pagefind-cities/c001'), N);
    assert.ok(!existsSync(join(dist, 'pagefind-cities/local')));
  });

  for (const engine of ENGINES)
    it(`searches the own city by default and says so; a city name switches to that city, kept in the link (${engine})`, () =>
      withBrowser(engine, async (browser) => {
        const page = await newPage(browser);
        const own = await searchViaUi(page, server.url, '社保卡');
        assert.match(own.status, new RegExp(`^在石家庄市的 ${N} 项事项中查找：找到 \\d+ 项`));
        assert.ok(
          own.texts.every((t) => !t.includes('虚构')),
          'only the own city’s items',
        );
        const options = await page.$$eval('#search-city option', (os) => os.map((o) => o.textContent ?? ''));
        assert.deepEqual(options, [`石家庄市（${N} 项），本站所在城市`, `${CITY}（虚构城市）（${N} 项）`]);

        const switched = await searchViaUi(page, server.url, CITY);
        assert.match(switched.status, new RegExp(`^已改为查找${CITY}（虚构城市）的事项：共 ${N} 项`));
        assert.equal(switched.ids.length, 10);
        assert.equal(await page.$eval('#search-city', (el) => (el as HTMLSelectElement).value), 'c001');
        assert.match(page.url(), /[?&]city=c001/);

        const there = await searchViaUi(page, server.url, '社保卡');
        assert.match(there.status, new RegExp(`^在${CITY}（虚构城市）的 ${N} 项事项中查找：`));
        assert.ok(there.texts.length > 0 && there.texts.every((t) => t.includes(CITY)), 'only that city’s items');

        // A shared link opens in the same city.
        await page.goto(`${server.url}search/?q=${encodeURIComponent('市')}&city=c001`);
        await searchDone(page);
        // Every item of a fictional city carries its name, so all of them have 市.
        assert.match((await textOf(page, '#search-status')) ?? '', new RegExp(`^${CITY}（虚构城市）全部 ${N} 项事项都含有“市”字`));
      }));
});
