import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { parseHTML } from 'linkedom';
import { formatDate, itemPosition } from '../../src/lib/views/format.ts';
import { loadCatalog } from '../../src/build/load-catalog.ts';
import { parseSiteIdentity } from '../../src/lib/facts/site-identity.ts';
import { listFiles, PREVIEW_SITE, PROJECT_ROOT, SITES } from '../harness/build.ts';
import { loadPage, text } from '../harness/html.ts';

const catalog = loadCatalog(PROJECT_ROOT);
const shipped = parseSiteIdentity(readFileSync(join(PROJECT_ROOT, 'content/site.yaml'), 'utf8'), 'content/site.yaml');
const partial = parseSiteIdentity(readFileSync(PREVIEW_SITE.siteYaml, 'utf8'), 'tests/fixtures/site.partial.yaml');
const previewPage = (path: string) => parseHTML(readFileSync(join(PREVIEW_SITE.dir, path), 'utf8')).document as unknown as Document;
const meta = (doc: Document, key: string) => doc.querySelector(`meta[property="${key}"], meta[name="${key}"]`)?.getAttribute('content') ?? undefined;
const htmlPages = (dir: string) => listFiles(dir).filter((f) => f.endsWith('.html'));

/** Width and height from a PNG's IHDR chunk, after checking the signature. */
function pngSize(bytes: Buffer): { width: number; height: number } {
  assert.deepEqual([...bytes.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 'PNG signature');
  assert.equal(bytes.subarray(12, 16).toString('latin1'), 'IHDR');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

describe('addresses', () => {
  for (const [name, site] of [...Object.entries(SITES), ['preview', PREVIEW_SITE] as const]) {
    it(`no file of the ${name} build contains “localhost”`, () => {
      const hits = listFiles(site.dir).filter((f) => readFileSync(join(site.dir, f)).includes('localhost'));
      assert.deepEqual(hits, []);
    });
  }

  it('a build without SITE_URL says loudly that it is a preview', () => {
    const log = readFileSync(PREVIEW_SITE.log, 'utf8');
    assert.match(log, /SITE_URL is not set: this is a PREVIEW build/);
    assert.match(log, /SITE_URL=https:\/\/your\.host npm run build/);
  });

  it('a preview shows relative addresses and no canonical, og:url, og:image, JSON-LD or QR code', () => {
    for (const file of htmlPages(PREVIEW_SITE.dir)) {
      const doc = previewPage(file);
      assert.equal(doc.querySelector('link[rel="canonical"]'), null, file);
      for (const key of ['og:url', 'og:image']) assert.equal(meta(doc, key), undefined, `${file} ${key}`);
      assert.equal(doc.querySelector('script[type="application/ld+json"]'), null, file);
      assert.equal(meta(doc, 'twitter:card'), 'summary', file);
      assert.ok(!/https?:\/\//.test(doc.documentElement.getAttribute('data-print-url') ?? ''), file);
    }
    const item = previewPage('items/1-8/index.html');
    assert.equal(text(item.querySelector('[data-share-url]')), '/items/1-8/');
    assert.equal(item.querySelector('.share svg'), null, 'no QR code for an address readers cannot reach');
    assert.equal(item.querySelector('[data-copy-url]'), null);
    assert.match(text(item.querySelector('.share')), /预览版/);
    assert.equal(item.documentElement.getAttribute('data-print-url'), '/items/1-8/');
    assert.doesNotMatch(readFileSync(join(PREVIEW_SITE.dir, 'sitemap.xml'), 'utf8'), /<loc>/);
    assert.doesNotMatch(readFileSync(join(PREVIEW_SITE.dir, 'robots.txt'), 'utf8'), /Sitemap:/);
    assert.equal(listFiles(PREVIEW_SITE.dir).filter((f) => f.startsWith('share/')).length, 0, 'no share images to point at');
    const records = JSON.parse(readFileSync(join(PREVIEW_SITE.dir, 'data/items.json'), 'utf8')) as { id: string; url: string }[];
    for (const r of records) assert.equal(r.url, `/items/${r.id}/`);
  });
});

describe('share images', () => {
  for (const site of ['root', 'kstb'] as const) {
    it(`home, every item, bureau, batch and topic page has an absolute 1200×630 PNG og:image with alt text (${SITES[site].base})`, () => {
      const pages = [
        '',
        ...catalog.items.map((i) => `items/${i.id}/`),
        ...catalog.bureaus.map((b) => `bureaus/${b.slug}/`),
        'batches/1/',
        'batches/2/',
        'batches/3/',
        ...catalog.topics.map((t) => `topics/${t.slug}/`),
      ];
      assert.equal(pages.length, 1 + catalog.declaredTotal + catalog.bureaus.length + 3 + catalog.topics.length);
      for (const path of pages) {
        const doc = loadPage(site, `${path}index.html`);
        const image = meta(doc, 'og:image')!;
        const prefix = `${SITES[site].siteUrl}${SITES[site].base}share/`;
        assert.ok(image?.startsWith(prefix), `${path}: ${image}`);
        const size = pngSize(readFileSync(join(SITES[site].dir, image.slice(`${SITES[site].siteUrl}${SITES[site].base}`.length))));
        assert.deepEqual(size, { width: 1200, height: 630 }, path);
        assert.equal(meta(doc, 'og:image:width'), '1200');
        assert.equal(meta(doc, 'og:image:height'), '630');
        assert.equal(meta(doc, 'twitter:card'), 'summary_large_image');
        assert.ok((meta(doc, 'og:image:alt') ?? '').includes(shipped.name), `${path} alt names the site`);
      }
      const item = loadPage(site, 'items/1-8/index.html');
      // Its position is the newest table's, wherever that puts the item.
      const where = catalog.items.find((i) => i.id === '1-8')!;
      assert.equal(
        meta(item, 'og:image:alt'),
        `${itemPosition(where.batch, where.number)}；城乡居民基本养老保险关系转移接续；列入“跨省通办”任务，要求2020年底前实现；牵头单位：市人社局（本站推定）；石家庄市跨省通办事项目录`,
      );
    });
  }

  it('the page does not load its share image', () => {
    const doc = loadPage('root', 'items/1-1/index.html');
    assert.equal(doc.querySelector('img[src*="/share/"], link[href*="/share/"]'), null);
  });
});

describe('site identity', () => {
  it('names 石家庄 in the title, og:site_name and header, from content/site.yaml', () => {
    assert.match(shipped.name, /石家庄/);
    const home = loadPage('root', 'index.html');
    assert.equal(text(home.querySelector('title')), shipped.name);
    assert.equal(meta(home, 'og:site_name'), shipped.name);
    assert.ok(text(home.querySelector('header')).includes(shipped.name));
    const preview = previewPage('index.html');
    assert.equal(text(preview.querySelector('title')), partial.name, 'the name is data, not code');
    assert.ok(text(previewPage('items/1-1/index.html').querySelector('title')).endsWith(` - ${partial.name}`));
  });

  it('the shipped file invents nothing: no owner, contact or registration shows, and the statements say so', () => {
    assert.deepEqual(Object.keys(shipped).sort(), ['accessibilityReviewed', 'name']);
    const footer = text(loadPage('root', 'index.html').querySelector('footer'));
    for (const label of ['主办单位', '电子邮件', '电话', '地址', '问题反馈', 'ICP备案号', '公安备案号', '网站标识码'])
      assert.ok(!footer.includes(label), label);
    assert.ok(footer.includes(`共 ${catalog.items.length} 项`), 'the count comes from the data');
    for (const page of ['accessibility/index.html', 'data-notes/index.html'])
      assert.match(text(loadPage('root', page).querySelector('main')), /本站尚未公布联系方式/, page);
    assert.ok(
      text(loadPage('root', 'accessibility/index.html').querySelector('main')).includes(
        `本声明最近一次检查和更新于 ${formatDate(shipped.accessibilityReviewed!)}`,
      ),
    );
  });

  it('a filled field shows in the footer and statements, an empty one does not', () => {
    const footer = previewPage('index.html').querySelector('footer')!;
    const words = text(footer);
    assert.ok(words.includes(`主办单位：${partial.operator}`));
    assert.ok(words.includes(`ICP备案号：${partial.icp}`));
    assert.ok(footer.querySelector(`a[href="mailto:${partial.email}"]`));
    assert.ok(footer.querySelector(`a[href="${partial.feedbackUrl}"]`));
    for (const label of ['电话', '地址：', '公安备案号', '网站标识码']) assert.ok(!words.includes(label), label);
    for (const page of ['accessibility/index.html', 'data-notes/index.html']) {
      const main = previewPage(page).querySelector('main')!;
      assert.ok(main.querySelector(`a[href="mailto:${partial.email}"]`), page);
      assert.doesNotMatch(text(main), /尚未公布联系方式/, page);
    }
    assert.ok(text(previewPage('accessibility/index.html').querySelector('main')).includes(formatDate(partial.accessibilityReviewed!)));
  });
});

describe('dates', () => {
  it('pages give the document’s date (or say it has none) and when the site’s data last changed, never a “数据日期”', () => {
    for (const page of ['bureaus/human-resources/index.html', 'items/index.html', 'batches/2/index.html', 'data-notes/index.html', 'data/index.html']) {
      const main = text(loadPage('root', page).querySelector('main'));
      assert.ok(main.includes(catalog.info.documentDate === null ? '原表未注明日期' : formatDate(catalog.info.documentDate)), page);
      assert.ok(main.includes(`本站数据更新：${formatDate(catalog.info.dataUpdated)}`), page);
      assert.ok(!main.includes('数据日期'), page);
    }
  });
});
