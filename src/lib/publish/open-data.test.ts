import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildCatalog } from '../catalog/catalog.ts';
import { barChartLayout } from '../views/charts.ts';
import { csvCell, ITEM_CSV_COLUMNS, itemRecord, toCsv } from './open-data.ts';
import { qrSvg } from './qr.ts';
import { robotsTxt, sitemapXml } from './sitemap.ts';
import { breadcrumbJsonLd, governmentServiceJsonLd, jsonLdScript } from './structured-data.ts';
import { frozenInputs } from '../../../tests/harness/inputs.ts';

const catalog = buildCatalog(frozenInputs());
const lookups = {
  bureauName: (slug: string) => catalog.bureaus.find((b) => b.slug === slug)!.name,
  topicName: (slug: string) => catalog.topics.find((t) => t.slug === slug)!.name,
  url: (id: string) => `https://example.org/items/${id}/`,
};

describe('open data records', () => {
  it('keep the raw cells next to the normalised fields', () => {
    const record = itemRecord(
      catalog.items.find((i) => i.id === '2-19')!,
      lookups,
    );
    assert.deepEqual(record.lead, ['住房公积金管理中心']);
    assert.deepEqual(record.cooperating, ['市公安局', '市人社局']);
    assert.deepEqual(record.source.lead, '市公安局、市人社局');
    assert.equal(record.url, 'https://example.org/items/2-19/');
    assert.equal(record.notes.length, 2);
    assert.ok(record.topics.includes('住房公积金'));
  });

  it('write one CSV row per item with a BOM and every column', () => {
    const records = catalog.items.map((i) => itemRecord(i, lookups));
    const csv = toCsv([ITEM_CSV_COLUMNS.map((c) => c.header), ...records.map((r) => ITEM_CSV_COLUMNS.map((c) => c.value(r)))]);
    assert.ok(csv.startsWith('\uFEFFid,batch,number,name,'));
    assert.equal(csv.trimEnd().split('\r\n').length, 139);
  });

  it('quote commas, quotes and newlines, and defuse spreadsheet formulas', () => {
    assert.equal(csvCell('a,b'), '"a,b"');
    assert.equal(csvCell('say "hi"'), '"say ""hi"""');
    assert.equal(csvCell('=HYPERLINK("x")'), `"'=HYPERLINK(""x"")"`);
    assert.equal(csvCell('-1'), `"'-1"`);
    assert.equal(csvCell('市人社局'), '市人社局');
  });
});

describe('sharing metadata', () => {
  it('describes an item as a GovernmentService with a breadcrumb trail', () => {
    const ld = governmentServiceJsonLd({ name: '结婚登记', scenario: 's', url: 'u', serviceType: '婚姻生育', provider: { name: '市民政局', url: 'p' } });
    assert.equal(ld['@type'], 'GovernmentService');
    assert.deepEqual(ld.provider, { '@type': 'GovernmentOrganization', name: '市民政局', url: 'p' });
    // The table names no city, and an inferred lead cannot carry its mark in JSON-LD: neither is stated.
    assert.equal('areaServed' in ld, false);
    assert.equal('provider' in governmentServiceJsonLd({ name: '失业登记', scenario: 's', url: 'u', serviceType: '就业' }), false);
    assert.deepEqual(breadcrumbJsonLd([{ name: '首页', url: 'a' }]).itemListElement, [{ '@type': 'ListItem', position: 1, name: '首页', item: 'a' }]);
    assert.equal(jsonLdScript({ name: '</script><script>' }), '{"name":"\\u003c/script>\\u003cscript>"}');
  });

  it('draws a scannable QR code as SVG', async () => {
    const svg = await qrSvg('https://example.org/items/2-15/');
    assert.match(svg, /^<svg [^>]*viewBox="0 0 \d+ \d+"/);
    assert.match(svg, /<path/);
  });

  it('lists sitemap URLs once, sorted, escaped', () => {
    assert.equal(sitemapXml(['https://e/b/', 'https://e/a/?x=1&y=2', 'https://e/b/']).match(/<loc>/g)?.length, 2);
    assert.match(sitemapXml(['https://e/a/?x=1&y=2']), /x=1&amp;y=2/);
    assert.match(robotsTxt('https://e/sitemap.xml'), /^Sitemap: https:\/\/e\/sitemap\.xml$/m);
  });
});

describe('bar chart layout', () => {
  it('scales bars to the largest value, leaves room for the number and puts each label above its bar', () => {
    const layout = barChartLayout(
      [
        { label: '第一批', value: 58, path: '/batches/1/' },
        { label: '第二批', value: 29, path: '/batches/2/' },
      ],
      { width: 400 },
    );
    assert.equal(layout.bars[0]!.width, 400 - 64);
    assert.equal(layout.bars[1]!.width, layout.bars[0]!.width / 2);
    assert.equal(layout.bars[1]!.y - layout.bars[0]!.y, layout.rowHeight);
    assert.ok(layout.rowHeight > layout.fontSize + layout.barHeight, 'a row holds its label and its bar');
    assert.equal(layout.bars[1]!.path, '/batches/2/');
  });

  it('is drawn at about phone width, so that labels stay at least 12 px on a 320 px screen', () => {
    const layout = barChartLayout([{ label: '甲', value: 1, path: '/' }]);
    assert.ok((layout.fontSize * 288) / layout.width >= 12);
  });
});
