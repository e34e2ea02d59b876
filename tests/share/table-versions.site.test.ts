import assert from 'node:assert/strict';
import { copyFileSync, existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { parseHTML } from 'linkedom';
import { buildSite, copyProject, PROJECT_ROOT } from '../harness/build.ts';
import { fixtureSeed, freezeProject, TABLE_FIXTURES } from '../harness/inputs.ts';
import { text } from '../harness/html.ts';

// A maintainer's update, as the README's 更新原表 describes it: the first table frozen, and the
// issue's six-change second version dropped into seeds/ without being recorded yet.
const project = copyProject();
freezeProject(project);
copyFileSync(join(PROJECT_ROOT, TABLE_FIXTURES, 'v2-six-changes.txt'), join(project, 'seeds/001_v2.txt'));
const outDir = join(project, 'dist');
const SITE_URL = 'https://kstb.example.org';
const first = fixtureSeed('v1', 'seeds/000_v1.txt').table.sections.flatMap((s) => s.rows.map((r) => ({ id: `${s.batch}-${r.number}`, name: r.cells.name })));
let output = '';

const page = (path: string): Document => parseHTML(readFileSync(join(outDir, path), 'utf8')).document as unknown as Document;
const h1 = (id: string) => text(page(`items/${id}/index.html`).querySelector('h1'));

before(() => {
  const result = buildSite({ root: project, outDir, siteUrl: SITE_URL });
  output = result.output;
  assert.equal(result.status, 0, result.output);
});
after(() => rmSync(project, { recursive: true, force: true }));

describe('a second version of the table dropped into seeds/', () => {
  it('keeps every first-version URL on its own service: renamed under its new name, dropped on its own page', () => {
    assert.equal(first.length, 138);
    for (const { id, name } of first) {
      if (id === '3-43') {
        assert.equal(h1(id), '社会保险参保缴费记录查询打印');
        assert.match(text(page(`items/${id}/index.html`).querySelector('main')), /名称由“社会保险参保缴费记录查询”改为现名/);
      } else if (id === '2-34') {
        const main = text(page(`items/${id}/index.html`).querySelector('main'));
        assert.equal(h1(id), name);
        assert.match(main, /已不再列出这一事项/);
        assert.match(main, /第二批第34项，原文照录/);
      } else {
        assert.equal(h1(id), name, `items/${id}/ shows another service`);
      }
    }
  });

  it('gives new items new ids that no first-version URL had, shown as not yet sorted', () => {
    for (const [id, name] of [
      ['n1', '职业技能等级证书查询核验'],
      ['n2', '职工生育津贴申领'],
    ] as const) {
      assert.equal(h1(id), name);
      const main = text(page(`items/${id}/index.html`).querySelector('main'));
      assert.match(main, /新列入的事项/);
      assert.match(main, /未归类/);
      assert.ok(!first.some((f) => f.id === id));
    }
    assert.match(output, /content\/topics\.yaml[^\n]*n1/);
    assert.match(output, /seeds\/001_v2\.txt is not recorded yet/);
  });

  it('lists exactly the six changes on the public change log', () => {
    const main = page('changes/index.html').querySelector('main')!;
    assert.deepEqual(
      [...main.querySelectorAll('h3')].map((h) => text(h)),
      ['新列入的事项（2 项）', '不再列出的事项（1 项）', '改名的事项（1 项）', '内容有改动的事项（2 处）'],
    );
    const lines = [...main.querySelectorAll('li')].map((li) => li.textContent!.trim());
    assert.ok(lines.includes('“社会保险参保缴费记录查询”改名为“社会保险参保缴费记录查询打印”'), lines.join('\n'));
    assert.ok(lines.includes('职业技能等级证书查询核验（第一批第5项）'), lines.join('\n'));
    assert.ok(lines.includes('结婚登记的牵头单位：由“市民政局”改为“市公安局”'), lines.join('\n'));
    assert.equal(main.querySelectorAll('a[href="/items/2-34/"]').length, 1);
    assert.match(text(main), /另有 \d+ 项事项只因前面的事项增减而序号顺延/);
  });

  it('leaves the dropped item out of lists, counts and the sitemap, but not its page', () => {
    assert.ok(existsSync(join(outDir, 'items/2-34/index.html')));
    const list = readFileSync(join(outDir, 'items/index.html'), 'utf8');
    assert.ok(!list.includes('/items/2-34/'));
    assert.match(text(page('items/index.html').querySelector('h1')), /139/);
    const sitemap = readFileSync(join(outDir, 'sitemap.xml'), 'utf8');
    assert.ok(!sitemap.includes(`${SITE_URL}/items/2-34/`));
    assert.ok(sitemap.includes(`${SITE_URL}/items/n1/`));
  });
});
