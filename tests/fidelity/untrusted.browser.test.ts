import assert from 'node:assert/strict';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { parseHTML } from 'linkedom';
import { buildSite, copyProject } from '../harness/build.ts';
import { FROZEN_SEED_PATH, freezeProject, rerecordSeed } from '../harness/inputs.ts';
import { ENGINES, newPage, withBrowser } from '../harness/driver.ts';
import { parseCsv } from '../harness/csv.ts';
import { searchViaUi } from '../harness/search-ui.ts';
import { serveStatic, type StaticServer } from '../harness/static-server.ts';

const NAME = '学历公证<script>alert("name")</script>&amp;';
// The row keeps the real scenario's words the lexicon names (大学本科, 大学专科: a wording in no item stops the build).
const SCENARIO = '申请人可异地申请博士研究生、硕士研究生、大学本科、大学专科学历公证<img src=x onerror="alert(1)">，&lt;b&gt;不受&#x9650;制。';
const project = copyProject();
// The frozen first table, so that the hostile row is the same item whatever table seeds/ holds later.
freezeProject(project);
const outDir = join(project, 'dist');
let server: StaticServer;

before(async () => {
  const path = join(project, FROZEN_SEED_PATH);
  const lines = readFileSync(path, 'utf8').split('\n');
  const i = lines.findIndex((l) => l.startsWith('1\t学历公证\t'));
  lines[i] = ['1', NAME, SCENARIO, '市司法局', '市教育局', ''].join('\t');
  writeFileSync(path, lines.join('\n'));
  rerecordSeed(project);
  // With SITE_URL, so that the JSON-LD, og:image alt text and share images carry the name too.
  const result = buildSite({ root: project, outDir, siteUrl: 'https://kstb.example.org' });
  assert.equal(result.status, 0, result.output);
  server = await serveStatic(outDir, '/');
});
after(async () => {
  await server?.close();
  rmSync(project, { recursive: true, force: true });
});

describe('markup in the source table is text everywhere', () => {
  it('on the item page, the lists and the data notes', () => {
    const doc = parseHTML(readFileSync(join(outDir, 'items/1-1/index.html'), 'utf8')).document;
    assert.equal(doc.querySelector('h1')?.textContent, NAME);
    assert.equal(doc.querySelector('.scenario')?.textContent, SCENARIO);
    assert.equal(doc.querySelectorAll('img').length, 0);
    const executable = [...doc.querySelectorAll('script')].filter((s) => !/json/.test(s.getAttribute('type') ?? ''));
    assert.ok(executable.every((s) => !s.textContent?.includes('alert(')));
    // In the JSON-LD data block the name stays data: "<" is escaped, so it cannot end the element.
    const ld = doc.querySelector('script[type="application/ld+json"]')!;
    assert.equal(JSON.parse(ld.textContent!)[0].name, NAME);
    // Inside a quoted attribute "<" is inert; what matters is the parsed value.
    assert.equal(doc.querySelector('meta[property="og:title"]')?.getAttribute('content'), NAME);
    assert.ok(doc.querySelector('meta[property="og:image:alt"]')?.getAttribute('content')?.includes(NAME));
    for (const page of ['items/index.html', 'batches/1/index.html', 'bureaus/justice/index.html', 'topics/notarization/index.html']) {
      const list = parseHTML(readFileSync(join(outDir, page), 'utf8')).document;
      assert.ok(
        [...list.querySelectorAll('a')].some((a) => a.textContent?.trim() === NAME),
        page,
      );
      assert.equal(list.querySelectorAll('img').length, 0, page);
    }
  });

  it('in the JSON and the CSV', () => {
    const record = JSON.parse(readFileSync(join(outDir, 'data/items.json'), 'utf8')).find((r: { id: string }) => r.id === '1-1');
    assert.equal(record.name, NAME);
    assert.equal(record.source.scenario, SCENARIO);
    const rows = parseCsv(readFileSync(join(outDir, 'data/items.csv'), 'utf8'));
    const row = rows.find((r) => r[0] === '1-1')!;
    assert.equal(row[rows[0]!.indexOf('name')], NAME);
    assert.equal(row[rows[0]!.indexOf('source_scenario')], SCENARIO);
  });

  for (const engine of ENGINES) {
    it(`in search results, with no script run (${engine})`, () =>
      withBrowser(engine, async (browser) => {
        const page = await newPage(browser);
        const dialogs: string[] = [];
        page.on('dialog', (d) => {
          dialogs.push(d.message());
          void d.dismiss();
        });
        const result = await searchViaUi(page, server.url, '学历公证');
        assert.equal(result.ids[0], '1-1', `${result.ids.join(' ')} | ${result.status}`);
        assert.equal(await page.$eval('#search-results > li a', (a) => a.textContent), NAME);
        assert.ok(result.texts[0]!.includes('<img src=x onerror="alert(1)">'), 'the scenario shows as text');
        assert.equal((await page.$$('#search-results img')).length, 0);
        await page.goto(`${server.url}items/1-1/`);
        assert.deepEqual(dialogs, []);
      }));
  }
});
