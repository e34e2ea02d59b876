import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { loadCatalog } from '../../src/build/load-catalog.ts';
import { parseSourceTable } from '../../src/lib/source/parse-table.ts';
import { NEW_ITEM_ID_RE } from '../../src/lib/core/item-id.ts';
import { listFiles, PROJECT_ROOT, readBuilt, SITES, type SiteName } from '../harness/build.ts';
import { parseCsv } from '../harness/csv.ts';
import { loadPage, text } from '../harness/html.ts';

const catalog = loadCatalog(PROJECT_ROOT);
const bureauBySlug = new Map(catalog.bureaus.map((b) => [b.slug, b]));
const topicBySlug = new Map(catalog.topics.map((t) => [t.slug, t]));
const absolute = (site: SiteName, path: string) => new URL(SITES[site].base + path.replace(/^\//, ''), SITES[site].siteUrl).href;

describe('sharing metadata on item pages', () => {
  for (const site of ['root', 'kstb'] as const) {
    it(`has canonical, Open Graph and JSON-LD built from SITE_URL (${SITES[site].base})`, () => {
      for (const item of catalog.items) {
        const doc = loadPage(site, `items/${item.id}/index.html`);
        const url = absolute(site, `/items/${item.id}/`);
        const meta = (p: string) => doc.querySelector(`meta[property="${p}"]`)?.getAttribute('content');
        assert.equal(doc.querySelector('link[rel="canonical"]')?.getAttribute('href'), url);
        assert.equal(meta('og:title'), item.name);
        assert.equal(meta('og:description'), item.scenario);
        assert.equal(meta('og:url'), url);
        assert.equal(meta('og:type'), 'article');
        assert.equal(meta('og:site_name'), '石家庄市跨省通办事项目录');
        const [service, crumbs] = JSON.parse(doc.querySelector('script[type="application/ld+json"]')!.textContent!);
        const lead = bureauBySlug.get(item.lead[0]!)!;
        assert.equal(service['@type'], 'GovernmentService');
        assert.equal(service.name, item.name);
        assert.equal(service.description, item.scenario);
        // Only what the table says: its own name for the lead, none where the lead is inferred, and no city.
        const inferredLead = item.notes.some((n) => n.field === 'lead' && n.inferred);
        if (inferredLead) assert.equal(service.provider, undefined, item.id);
        else assert.deepEqual(service.provider, { '@type': 'GovernmentOrganization', name: lead.name, url: absolute(site, `/bureaus/${lead.slug}/`) });
        assert.equal(service.areaServed, undefined);
        assert.equal(service.serviceType, item.topics.map((t) => topicBySlug.get(t)!.name).join('、'));
        assert.equal(crumbs['@type'], 'BreadcrumbList');
        assert.equal(crumbs.itemListElement.at(-1).item, url);
        assert.equal(text(doc.querySelector('[data-share-url]')), url, 'the URL is on the page without JavaScript');
        assert.ok(doc.querySelector('.share svg path'), 'a QR code is drawn');
      }
    });
  }
});

describe('sitemap and robots.txt', () => {
  for (const site of ['root', 'kstb'] as const) {
    it(`list every page with absolute URLs, but the pages of items the newest table dropped (${SITES[site].base})`, () => {
      const locs = [...readBuilt(site, 'sitemap.xml').matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]);
      const dropped = new Set(catalog.dropped.map((d) => `items/${d.row.id}/index.html`));
      const pages = listFiles(SITES[site].dir)
        .filter((f) => f.endsWith('index.html') && !dropped.has(f))
        .map((f) => absolute(site, `/${f.replace(/index\.html$/, '')}`));
      assert.deepEqual([...locs].sort(), [...pages].sort());
      assert.match(readBuilt(site, 'robots.txt'), new RegExp(`^Sitemap: ${absolute(site, '/sitemap.xml').replace(/[.?]/g, '\\$&')}$`, 'm'));
    });
  }
});

describe('open data', () => {
  const records = JSON.parse(readBuilt('root', 'data/items.json'));

  it('items.json has a record for each item the table declares, whose source equals the parser’s raw cells at its position', () => {
    const table = parseSourceTable(readFileSync(join(PROJECT_ROOT, catalog.file), 'utf8'), catalog.file);
    const raw = new Map(table.sections.flatMap((s) => s.rows.map((r) => [`${r.batch}-${r.number}`, r.cells])));
    assert.equal(records.length, catalog.declaredTotal);
    for (const r of records) {
      assert.deepEqual(Object.keys(r), [
        'id',
        'batch',
        'number',
        'name',
        'scenario',
        'lead',
        'cooperating',
        'remark',
        'url',
        'topics',
        'audience',
        'notes',
        'source',
      ]);
      assert.deepEqual(r.source, raw.get(`${r.batch}-${r.number}`), r.id);
      for (const k of ['name', 'scenario', 'lead', 'cooperating', 'remark']) assert.equal(typeof r.source[k], 'string');
    }
    assert.deepEqual(records.find((r: { id: string }) => r.id === '1-8').lead, ['市人社局']);
    assert.equal(records.find((r: { id: string }) => r.id === '1-8').source.lead, '');
  });

  it('items.json agrees with the item pages', () => {
    for (const r of records) {
      const doc = loadPage('root', `items/${r.id}/index.html`);
      assert.equal(r.url, absolute('root', `/items/${r.id}/`));
      assert.equal(text(doc.querySelector('h1')), r.name);
      assert.ok(text(doc.querySelector('.scenario')) === r.scenario);
      const facts = [...doc.querySelectorAll('.facts > div')].map((d) => text(d));
      const fact = (label: string) => facts.find((f) => f.startsWith(label)) ?? '';
      for (const name of r.lead) assert.ok(fact('牵头单位').includes(name), `${r.id} lead ${name}`);
      for (const name of r.cooperating) assert.ok(fact('配合单位').includes(name), `${r.id} cooperating ${name}`);
      if (r.remark) assert.ok(fact('备注').includes(r.remark));
      assert.equal(fact('主题'), `主题 ${r.topics.join('、') || '未归类（本站尚未整理这一新列入的事项）'}`);
      assert.equal(doc.querySelectorAll('.corrections li').length, r.notes.length);
    }
  });

  it('items.csv is UTF-8 with a BOM, one row per item, matching the JSON', () => {
    const csv = readBuilt('root', 'data/items.csv');
    assert.ok(csv.startsWith('\uFEFF'));
    const [header, ...rows] = parseCsv(csv);
    assert.equal(rows.length, catalog.declaredTotal);
    const col = (row: string[], name: string) => row[header!.indexOf(name)] ?? '';
    rows.forEach((row, i) => {
      const r = records[i];
      assert.equal(col(row, 'id'), r.id);
      assert.equal(col(row, 'name'), r.name);
      assert.equal(col(row, 'lead'), r.lead.join('、'));
      assert.equal(col(row, 'source_lead'), r.source.lead);
      assert.equal(col(row, 'source_scenario'), r.source.scenario);
    });
  });

  it('each bureau page offers its items as CSV, and the data page documents and links the files', () => {
    for (const bureau of catalog.bureaus) {
      const doc = loadPage('root', `bureaus/${bureau.slug}/index.html`);
      assert.ok(doc.querySelector(`a[href="/data/bureaus/${bureau.slug}.csv"]`), bureau.slug);
      const [header, ...rows] = parseCsv(readBuilt('root', `data/bureaus/${bureau.slug}.csv`));
      assert.equal(header![0], 'role');
      const expected = catalog.items.filter((i) => i.lead.includes(bureau.slug) || i.cooperating.includes(bureau.slug));
      assert.deepEqual(new Set(rows.map((r) => r[1])), new Set(expected.map((i) => i.id)));
      for (const row of rows) assert.equal(row[0], catalog.items.find((i) => i.id === row[1])!.lead.includes(bureau.slug) ? '牵头' : '配合');
    }
    const data = loadPage('root', 'data/index.html');
    assert.ok(data.querySelector('a[href="/data/items.json"]') && data.querySelector('a[href="/data/items.csv"]'));
    for (const field of ['id', 'source', 'notes', 'topics']) assert.ok(text(data.querySelector('main')).includes(field));
    assert.match(text(data.querySelector('main')), /CC0/);
  });
});

describe('topics and the overview', () => {
  it('every topic has a page listing exactly its items, and every item shows its topics', () => {
    for (const topic of catalog.topics) {
      const doc = loadPage('root', `topics/${topic.slug}/index.html`);
      const links = new Set([...doc.querySelectorAll('main a[href^="/items/"]')].map((a) => a.getAttribute('href')));
      assert.deepEqual(links, new Set(catalog.items.filter((i) => i.topics.includes(topic.slug)).map((i) => `/items/${i.id}/`)), topic.slug);
    }
    // A new item may wait for its topics (未归类, the build warns); every other item has some.
    for (const item of catalog.items) assert.ok(item.topics.length > 0 || NEW_ITEM_ID_RE.test(item.id), item.id);
    const home = loadPage('root', 'index.html');
    for (const topic of catalog.topics) assert.ok(home.querySelector(`a[href="/topics/${topic.slug}/"]`), `home links ${topic.slug}`);
  });

  it('the overview draws three SVG charts and gives their numbers as tables', () => {
    const doc = loadPage('root', 'overview/index.html');
    const figures = [...doc.querySelectorAll('figure.chart')];
    assert.equal(figures.length, 3);
    for (const figure of figures) {
      assert.ok(figure.querySelector('svg a rect.bar'));
      const rows = [...figure.querySelectorAll('tbody tr')].map((tr) => [text(tr.querySelector('th')), Number(text(tr.querySelector('td')))]);
      const bars = [...figure.querySelectorAll('svg text.value')].map((t) => Number(text(t).replace(' 项', '')));
      assert.deepEqual(
        rows.map(([, v]) => v),
        bars,
      );
    }
    const batchRows = [...figures[0]!.querySelectorAll('tbody td')].map((td) => Number(text(td)));
    assert.deepEqual(
      batchRows,
      catalog.sections.map((s) => s.declaredCount),
    );
    const topicRows = [...figures[2]!.querySelectorAll('tbody tr')].map((tr) => [text(tr.querySelector('th')), Number(text(tr.querySelector('td')))]);
    for (const [name, count] of topicRows) {
      const topic = catalog.topics.find((t) => t.name === name)!;
      assert.equal(count, catalog.items.filter((i) => i.topics.includes(topic.slug)).length, String(name));
    }
  });
});
