import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { BATCHES } from '../../src/lib/core/batches.ts';
import { loadCatalog } from '../../src/build/load-catalog.ts';
import { ITEM_URL_RE } from '../../src/lib/core/item-id.ts';
import { PROJECT_ROOT, SITES } from '../harness/build.ts';
import { loadPage, text } from '../harness/html.ts';
import { plannedDeadline } from '../../src/lib/views/format.ts';

const catalog = loadCatalog(PROJECT_ROOT);
const bureauBySlug = new Map(catalog.bureaus.map((b) => [b.slug, b]));
const itemLinks = (doc: Document, scope = 'main') =>
  new Set([...doc.querySelectorAll(`${scope} a[href^="/items/"]`)].map((a) => a.getAttribute('href')!).filter((h) => ITEM_URL_RE.test(h)));

describe('item pages', () => {
  it('exist for every item the table declares, with the full name as h1 and every fact', () => {
    assert.equal(catalog.items.length, catalog.declaredTotal);
    for (const item of catalog.items) {
      const doc = loadPage('root', `items/${item.id}/index.html`);
      assert.equal(doc.documentElement.getAttribute('lang'), 'zh-CN');
      const h1s = doc.querySelectorAll('h1');
      assert.equal(h1s.length, 1, item.id);
      assert.equal(text(h1s[0]), item.name, item.id);
      const main = text(doc.querySelector('main'));
      assert.ok(main.includes(item.scenario), `${item.id} scenario`);
      assert.ok(main.includes(BATCHES[item.batch].deadline), `${item.id} deadline`);
      const facts = doc.querySelector('.facts')!;
      for (const slug of [...item.lead, ...item.cooperating]) {
        const link = facts.querySelector(`a[href="/bureaus/${slug}/"]`);
        assert.equal(text(link), bureauBySlug.get(slug)!.name, `${item.id} links ${slug}`);
      }
      if (item.remark) assert.ok(main.includes(catalog.guidance.remarks[item.remark].text), `${item.id} remark explained`);
      assert.ok(text(doc.querySelector('.breadcrumbs')).includes(BATCHES[item.batch].label), `${item.id} breadcrumbs`);
    }
  });

  it('shows the item the way the table numbers it', () => {
    const doc = loadPage('root', 'items/2-15/index.html');
    assert.equal(text(doc.querySelector('h1')), '社会保障卡补领、换领、换发');
    assert.match(text(doc.querySelector('main')), /第二批第15项/);
    assert.match(text(doc.querySelector('main')), /2021年6月前/);
  });

  it('shows each correction as original → corrected and each annotation beside the original, with inferred ones marked', () => {
    for (const item of catalog.items.filter((i) => i.notes.length > 0)) {
      const doc = loadPage('root', `items/${item.id}/index.html`);
      const notes = [...doc.querySelectorAll('#source .corrections li')];
      assert.equal(notes.length, item.notes.length, item.id);
      item.notes.forEach((note, i) => {
        const li = notes[i]!;
        if (note.kind === 'annotation') {
          assert.equal(li.querySelector('del'), null, `${item.id}: an annotation deletes nothing`);
          assert.match(text(li), new RegExp(`原表：${note.original}；本站注明：${note.corrected.replace(/[()（）]/g, '.')}`), item.id);
        } else {
          assert.equal(text(li.querySelector('del')), note.original || '（空）', item.id);
          assert.equal(text(li.querySelector('ins')), note.corrected || '（空）', item.id);
        }
        assert.equal(text(li).includes('推定'), note.inferred, `${item.id} inferred mark`);
      });
    }
    const doc = loadPage('root', 'items/1-8/index.html');
    assert.equal(text(doc.querySelector('.facts a[href="/bureaus/human-resources/"]')), '市人社局');
  });

  it('links to previous and next within the batch only', () => {
    const first = loadPage('root', 'items/2-1/index.html');
    assert.equal(first.querySelector('a[rel="prev"]'), null);
    assert.equal(first.querySelector('a[rel="next"]')?.getAttribute('href'), '/items/2-2/');
    // The last two of the first batch, wherever the newest table puts them.
    const [beforeLast, lastItem] = catalog.items.filter((i) => i.batch === 1).slice(-2);
    const last = loadPage('root', `items/${lastItem!.id}/index.html`);
    assert.equal(last.querySelector('a[rel="next"]'), null);
    assert.equal(last.querySelector('a[rel="prev"]')?.getAttribute('href'), `/items/${beforeLast!.id}/`);
  });

  it('relates the same service in another batch and says how', () => {
    const doc = loadPage('root', 'items/1-22/index.html');
    const section = doc.querySelector('section[aria-labelledby="same-service"]')!;
    assert.ok(section.querySelector('a[href="/items/3-10/"]'));
    assert.match(text(section), /省会城市/);
    assert.ok(loadPage('root', 'items/3-10/index.html').querySelector('section[aria-labelledby="same-service"] a[href="/items/1-22/"]'));
  });
});

describe('bureau pages', () => {
  it('exist for every bureau that leads or cooperates, cooperating-only ones included', () => {
    for (const slug of ['education', 'taxation', 'investment-promotion', 'court', 'pboc']) assert.ok(bureauBySlug.has(slug), slug);
    for (const bureau of catalog.bureaus) {
      const doc = loadPage('root', `bureaus/${bureau.slug}/index.html`);
      assert.equal(text(doc.querySelector('h1')), bureau.fullName);
    }
  });

  it('link exactly the items each bureau leads or cooperates on, with counts', () => {
    for (const bureau of catalog.bureaus) {
      const doc = loadPage('root', `bureaus/${bureau.slug}/index.html`);
      const lead = catalog.items.filter((i) => i.lead.includes(bureau.slug));
      const cooperating = catalog.items.filter((i) => i.cooperating.includes(bureau.slug) && !i.lead.includes(bureau.slug));
      const expected = new Set([...lead, ...cooperating].map((i) => `/items/${i.id}/`));
      assert.deepEqual(itemLinks(doc), expected, bureau.slug);
      assert.match(text(doc.querySelector('#lead')), new RegExp(`：${lead.length} 项`), bureau.slug);
      assert.match(text(doc.querySelector('#cooperating')), new RegExp(`：${cooperating.length} 项`), bureau.slug);
    }
  });
});

describe('batch pages and lists', () => {
  it('each batch page links exactly its items', () => {
    for (const section of catalog.sections) {
      const doc = loadPage('root', `batches/${section.batch}/index.html`);
      const expected = new Set(catalog.items.filter((i) => i.batch === section.batch).map((i) => `/items/${i.id}/`));
      assert.equal(expected.size, section.declaredCount);
      assert.deepEqual(itemLinks(doc), expected);
      assert.ok(text(doc.querySelector('h1')).includes(BATCHES[section.batch].deadline));
    }
  });

  it('the all-items views link every item, by batch and by bureau', () => {
    const all = new Set(catalog.items.map((i) => `/items/${i.id}/`));
    assert.deepEqual(itemLinks(loadPage('root', 'items/index.html')), all);
    assert.deepEqual(itemLinks(loadPage('root', 'items/by-bureau/index.html')), all);
    assert.ok(loadPage('root', 'search/index.html').querySelector('#browse a[href="/items/"]'), 'search leads to the full list');
  });

  it('the home page and the change log name the table and its dates, and leave a line for the print date', () => {
    for (const file of ['index.html', 'changes/index.html']) {
      const doc = loadPage('root', file);
      const dates = doc.querySelector('main .source-dates');
      assert.ok(dates, `${file}: source and dates`);
      assert.match(text(dates!), /原表日期/, file);
      assert.ok(dates!.querySelector('[data-print-date]'), `${file}: a print date the print script fills`);
    }
  });

  it('the home page shows the three batches with their counts and a search box', () => {
    const doc = loadPage('root', 'index.html');
    const cards = [...doc.querySelectorAll('.cards a')].map((a) => text(a));
    assert.deepEqual(
      cards,
      catalog.sections.map((s) => `${BATCHES[s.batch].label} ${plannedDeadline(s.batch)} ${s.declaredCount} 项`),
    );
    const form = doc.querySelector('main form[role="search"]')!;
    assert.equal(form.getAttribute('action'), '/search/');
    assert.equal(form.querySelector('input[type="search"]')?.getAttribute('name'), 'q');
  });

  it('every page without its own search form has a header search box that submits q to /search/', () => {
    for (const path of ['index.html', 'search/index.html', '404.html']) {
      assert.equal(loadPage('root', path).querySelector('header form[role="search"]'), null, `${path} has its own search box`);
      assert.equal(loadPage('root', path).querySelectorAll('form[role="search"]').length, 1, path);
    }
    for (const path of ['items/1-1/index.html', 'bureaus/court/index.html', 'about/index.html']) {
      const form = loadPage('root', path).querySelector('header form[role="search"]');
      assert.equal(form?.getAttribute('action'), '/search/', path);
      assert.equal(form?.querySelector('input[name="q"]')?.getAttribute('type'), 'search', path);
      assert.ok(form?.querySelector('label'), `${path} labelled`);
    }
  });
});

describe('prose pages', () => {
  it('the data notes list every correction as a table row and name the source', () => {
    const doc = loadPage('root', 'data-notes/index.html');
    const main = text(doc.querySelector('main'));
    assert.ok(main.includes(catalog.file));
    assert.ok(main.includes(catalog.sha256));
    const rows = [...doc.querySelectorAll('table')].find((t) => text(t.querySelector('caption')).startsWith('对原表的更正'))!.querySelectorAll('tbody tr');
    const expected = catalog.items.flatMap((i) => i.notes.filter((n) => n.kind === 'correction').map((n) => ({ i, n })));
    assert.equal(rows.length, expected.length);
    expected.forEach(({ i, n }, k) => {
      const cells = [...rows[k]!.querySelectorAll('th, td')].map((c) => text(c));
      assert.ok(cells[0]!.startsWith(i.name), `row ${k}`);
      assert.equal(cells[2], n.original || '（空）');
      assert.ok(cells[3]!.startsWith(n.corrected || '（空）'));
      assert.equal(cells[4], n.reason);
    });
    // The static GFM table went through remark-gfm.
    assert.ok([...doc.querySelectorAll('table')].some((t) => text(t.querySelector('thead')).includes('原表栏目')));
  });

  it('the about page explains the three modes', () => {
    const main = text(loadPage('root', 'about/index.html').querySelector('main'));
    for (const mode of ['全程网办', '异地代收代办', '多地联办', '国办发〔2020〕35号']) assert.ok(main.includes(mode), mode);
  });

  it('the 404 page helps: a search box and a link home', () => {
    const doc = loadPage('root', '404.html');
    assert.ok(doc.querySelector('main form[role="search"]'));
    assert.ok(doc.querySelector('main a[href="/"]'));
  });
});

describe('deployment under a sub-path', () => {
  it('builds the same pages under /kstb/ with absolute URLs from SITE_URL', () => {
    for (const site of Object.values(SITES)) assert.ok(existsSync(join(site.dir, `items/${catalog.items.at(-1)!.id}/index.html`)));
    const doc = loadPage('kstb', 'items/2-15/index.html');
    assert.equal(doc.querySelector('link[rel="canonical"]')?.getAttribute('href'), 'https://www.example.gov.cn/kstb/items/2-15/');
    assert.equal(doc.querySelector('header form')?.getAttribute('action'), '/kstb/search/');
  });
});
