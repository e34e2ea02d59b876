import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { PROJECT_ROOT, listFiles, readBuilt, SITES } from '../harness/build.ts';
import { loadPage, text } from '../harness/html.ts';
import { deadlineStatus } from '../../src/lib/views/format.ts';
import { loadCatalog } from '../../src/build/load-catalog.ts';

const catalog = loadCatalog(PROJECT_ROOT);
const pages = listFiles(SITES.root.dir).filter((f) => f.endsWith('.html'));
const bureauName = new Map(catalog.bureaus.map((b) => [b.slug, b.name]));

describe('every sentence true', () => {
  it('no page states the procedures, slogans or facts that no source supports', () => {
    const unsupported = [
      '负责受理咨询、帮助转报',
      '最终由国家部委审核办理',
      '不必再找省级部门',
      '办理时间可能',
      '也可以在窗口领取',
      '就近办、网上办、异地办',
      '石家庄市据此制定了任务分工表',
      '从什么时候起可以办',
      '此后就可以跨省办理',
      '可以怎么办（应用场景）',
      '合并单元格',
      '单元格错位',
    ];
    for (const file of pages) {
      const html = readBuilt('root', file);
      for (const phrase of unsupported) assert.ok(!html.includes(phrase), `${file} says “${phrase}”`);
    }
  });

  it('cites a source for every fact on the about page, or says it is the site’s own reading or advice', () => {
    const doc = loadPage('root', 'about/index.html');
    const statements = [...doc.querySelectorAll('[data-statement]')];
    assert.ok(statements.length >= 12);
    const all = [...catalog.guidance.howTo, ...catalog.guidance.about, ...Object.values(catalog.guidance.remarks)];
    for (const el of statements) {
      const statement = all.find((s) => s.id === el.getAttribute('data-statement'));
      assert.ok(statement, el.getAttribute('data-statement') ?? '');
      if (statement.citation) assert.match(text(el.querySelector('.source-note')), new RegExp(`来源：${statement.citation.reference.title}`), statement.id);
      else if (statement.basis === 'reading') assert.match(text(el.querySelector('.source-note')), /本站对原表用语的通俗解释/, statement.id);
      else assert.match(statement.text, /以办理部门答复为准/, statement.id);
    }
  });

  it('states each item’s status in the table’s own terms: a planned deadline, never a promise', () => {
    for (const item of catalog.items) {
      const doc = loadPage('root', `items/${item.id}/index.html`);
      assert.equal(text(doc.querySelector('.answer .status')), deadlineStatus(item.batch), item.id);
      assert.match(text(doc.querySelector('#how-to')), /以办理部门答复为准/, item.id);
    }
    for (const file of ['items/index.html', 'topics/social-insurance/index.html', 'bureaus/human-resources/index.html']) {
      const metas = [...loadPage('root', file).querySelectorAll('.item-list .meta')].map((m) => text(m));
      assert.ok(metas.length > 0, file);
      for (const meta of metas) {
        assert.match(meta, /^要求20\d\d年.+实现/, `${file}: ${meta}`);
        assert.doesNotMatch(meta, /第.批第\d+项/, `${file}: ${meta}`);
      }
    }
  });

  it('explains 省级事权 and 国家级事权 in plain words wherever lists and tables show them', () => {
    for (const file of ['items/index.html', 'batches/1/index.html', 'batches/2/index.html', 'bureaus/market-regulation/index.html']) {
      const doc = loadPage('root', file);
      // On screen each occurrence carries its meaning; on paper the first page's legend explains them.
      const shown = [...doc.querySelectorAll('.item-list .meta, table td')]
        .filter((e) => !e.closest('.print-only'))
        .map((e) => text(e))
        .filter((t) => /事权/.test(t));
      assert.ok(shown.length > 0, file);
      for (const t of shown) assert.match(t, /(省级|国家级)事权（权限在/, `${file}: ${t}`);
      if (doc.querySelector('.print-only table, table.print-only'))
        assert.match(text(doc.querySelector('.remark-legend')), /省级事权（权限在河北省级部门）/, `${file}: print legend`);
    }
  });

  it('shows the 12 bureaus that cooperate with themselves as the table has them, with a plain note', () => {
    const json = JSON.parse(readBuilt('root', 'data/items.json')) as { id: string; lead: string[]; cooperating: string[] }[];
    const self = catalog.items.filter((i) => i.notes.some((n) => n.kind === 'annotation'));
    assert.equal(self.length, 12);
    for (const item of self) {
      const name = bureauName.get(item.lead[0]!)!;
      const record = json.find((r) => r.id === item.id)!;
      assert.ok(record.cooperating.includes(name), `${item.id} in items.json`);
      const facts = [...loadPage('root', `items/${item.id}/index.html`).querySelectorAll('.facts > div')];
      const cooperating = text(facts.find((d) => text(d.querySelector('dt')) === '配合单位'));
      assert.ok(cooperating.includes(name) && cooperating.includes('与牵头单位相同（原表如此）'), `${item.id}: ${cooperating}`);
    }
  });

  it('files the 工伤 items 2-12 and 3-44 under 社会保险 as well', () => {
    const links = [...loadPage('root', 'topics/social-insurance/index.html').querySelectorAll('.item-list a')].map((a) => a.getAttribute('href'));
    for (const id of ['2-12', '3-44']) assert.ok(links.includes(`/items/${id}/`), id);
  });

  it('marks inferred names where they are shown: the court’s full name, 3-25’s bureau and the PBoC’s later name', () => {
    assert.match(text(loadPage('root', 'bureaus/court/index.html').querySelector('main')), /全称“石家庄市中级人民法院”是本站推定的/);
    const pboc = text(loadPage('root', 'bureaus/pboc/index.html').querySelector('main'));
    assert.match(pboc, /中国人民银行河北省分行（本站推定）/);
    assert.match(pboc, /来源：中国人民银行31个省/);
    const facts = text(loadPage('root', 'items/3-25/index.html').querySelector('.facts'));
    assert.match(facts, /人民银行石家庄中心支行[^；]*（本站推定）/);
    assert.match(text(loadPage('root', 'items/3-25/index.html').querySelector('#source')), /“市行”很可能是“人行”/);
  });
});
