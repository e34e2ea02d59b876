import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { PROJECT_ROOT, listFiles, readBuilt, SITES } from '../harness/build.ts';
import { loadPage, text } from '../harness/html.ts';
import { plannedDeadline } from '../../src/lib/views/format.ts';
import { BATCHES } from '../../src/lib/core/batches.ts';
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
      // Removed in round two (issue 18): each said more than its source or the table.
      '可以咨询和办理的渠道',
      '查看办理进度',
      '全天24小时有人工服务',
      '所有地区都可以异地办理',
      '所有地区都可以异地查询',
      '两项是不同的卡',
      '权限在国家有关部门',
      '撤销省会城市中心支行',
      '从官方文件中提取',
      '办理前可以打',
      '2021年底前',
      '截至2020年',
      '截至2021年',
    ];
    for (const file of pages) {
      const html = readBuilt('root', file);
      for (const phrase of unsupported) assert.ok(!html.includes(phrase), `${file} says “${phrase}”`);
    }
  });

  it('cites a source for every fact on the about and how-to-apply pages, or says it is the site’s own reading or advice', () => {
    const statements = ['about/index.html', 'how-to-apply/index.html', 'data/index.html'].flatMap((f) => [
      ...loadPage('root', f).querySelectorAll('[data-statement]:not(.advice)'),
    ]);
    assert.ok(statements.length >= 16, `${statements.length} statements`);
    const all = [...catalog.guidance.howTo, ...catalog.guidance.about, ...Object.values(catalog.guidance.remarks)];
    for (const el of statements) {
      const statement = all.find((s) => s.id === el.getAttribute('data-statement'));
      assert.ok(statement, el.getAttribute('data-statement') ?? '');
      if (statement.citation) assert.match(text(el.querySelector('.source-note')), new RegExp(`来源：${statement.citation.reference.title}`), statement.id);
      else if (statement.basis === 'reading') assert.match(text(el.querySelector('.source-note')), /本站对原表用语的通俗解释/, statement.id);
      else assert.match(text(el.querySelector('.source-note')), /本站的建议或说明，不出自官方文件/, statement.id);
    }
  });

  it('leads each item’s answer with what the table says the citizen can do, then the planned deadline, and one caveat', () => {
    for (const item of catalog.items) {
      const file = `items/${item.id}/index.html`;
      const doc = loadPage('root', file);
      const first = doc.querySelector('.answer > p');
      assert.equal(first?.className, 'can', item.id);
      // The table's own words, even where it has a slip; the corrected sentence stands beside it.
      assert.equal(text(first), `原表写明：${item.source.scenario}`, item.id);
      assert.equal(text(doc.querySelector('.answer .status')), `任务分工表${plannedDeadline(item.batch)}。`, item.id);
      assert.match(text(doc.querySelector('.answer .caveat')), /以办理部门答复为准/, item.id);
      // Once per page, clearly: not repeated in remarks, the how-to section or the footer.
      assert.equal(readBuilt('root', file).split('以办理部门答复为准').length - 1, 1, `${item.id} says 以办理部门答复为准 once`);
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
        assert.match(text(doc.querySelector('.remark-legend')), /省级事权（权限在河北省级）/, `${file}: print legend`);
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
      assert.ok(cooperating.includes(name) && cooperating.includes('与牵头单位相同，原表如此'), `${item.id}: ${cooperating}`);
    }
  });

  it('files the 工伤 items 2-12 and 3-44 under 社会保险 as well', () => {
    const links = [...loadPage('root', 'topics/social-insurance/index.html').querySelectorAll('.item-list a')].map((a) => a.getAttribute('href'));
    for (const id of ['2-12', '3-44']) assert.ok(links.includes(`/items/${id}/`), id);
  });

  it('shows batch headings and deadlines in the table’s own words, never as a day the table does not give', () => {
    const headings = catalog.sections.map((s) => s.heading.replace(/\s+/g, ''));
    assert.ok(headings[2]!.includes(`${BATCHES[3].deadline}实现`), headings[2]);
    for (const batch of [1, 2, 3] as const) {
      assert.ok(headings[batch - 1]!.includes(`${BATCHES[batch].deadline}实现“跨省通办”的事项`), `batch ${batch}: ${headings[batch - 1]}`);
      const page = text(loadPage('root', `batches/${batch}/index.html`).querySelector('main'));
      assert.ok(page.includes(`要求这些事项${BATCHES[batch].deadline}实现“跨省通办”`), `batch ${batch} page`);
    }
    for (const file of pages) assert.doesNotMatch(readBuilt('root', file), /截至\d{4}年\d+月\d+日/, file);
  });

  it('shows who issued the table and what it implements as the site’s inference', () => {
    for (const file of ['data-notes/index.html', 'items/2-15/index.html']) {
      const origin = text(loadPage('root', file).querySelector('.source-origin'));
      assert.match(origin, /原表印发单位：石家庄市（本站推定）/, file);
      assert.match(origin, /国办发〔2020〕35号）（本站推定）/, file);
      assert.match(origin, /市行石家庄中心支行/, file);
    }
  });

  it('gives every related-items note a basis or a citation, and shows it with the note', () => {
    const related = catalog.items.filter((i) => i.sameService.length > 0);
    assert.ok(related.length >= 10);
    for (const item of related) {
      for (const s of item.sameService) assert.ok(s.basis !== undefined || s.citation !== undefined, `${item.id} → ${s.id}`);
      const section = loadPage('root', `items/${item.id}/index.html`).querySelector('section[aria-labelledby="same-service"]');
      assert.equal(section?.querySelectorAll('.source-note').length, item.sameService.length, item.id);
    }
  });

  it('shows a phone number on an item page only with its source from the register', () => {
    const registered = new Map(catalog.guidance.channels.filter((c) => c.phone).map((c) => [c.phone!, c]));
    let fieldLines = 0;
    for (const item of catalog.items) {
      const howTo = loadPage('root', `items/${item.id}/index.html`).querySelector('#how-to');
      const shown = new Set(text(howTo).match(/\b1\d{4}\b/g) ?? []);
      assert.ok(shown.has('12345'), `${item.id} says what 12345 reaches`);
      const notes = [...(howTo?.querySelectorAll('.source-note') ?? [])].map((n) => text(n));
      for (const number of shown) {
        const channel = registered.get(number);
        assert.ok(channel, `${item.id}: ${number} is not in content/guidance.yaml`);
        assert.ok(
          notes.some((n) => n.startsWith(`${number}的来源：${channel.citation.reference.title}`)),
          `${item.id}: ${number} has no source note`,
        );
        if (channel.bureaus) {
          fieldLines += 1;
          assert.ok(
            channel.bureaus.some((b) => item.lead.includes(b)),
            `${item.id}: ${number} is not its lead bureau's line`,
          );
        }
      }
      // 12345 and 12333 are local numbers: no call-to-action link to either.
      assert.equal(howTo?.querySelector('a[href="tel:12345"], a[href="tel:12333"]'), null, item.id);
    }
    assert.ok(fieldLines > 0, 'some item shows its field’s line');
  });

  it('explains the three modes and the channels once, on one page that every item links to', () => {
    const modeTexts = catalog.guidance.howTo.filter((s) => s.title).map((s) => s.text);
    const channelTexts = catalog.guidance.channels.map((c) => c.text);
    const holders = pages.filter((file) => {
      const html = readBuilt('root', file);
      return [...modeTexts, ...channelTexts].some((t) => html.includes(t));
    });
    // The search page lists the channels in its hidden “not here” notice (issue 17 owns it).
    assert.deepEqual(
      holders.filter((f) => f !== 'search/index.html'),
      ['how-to-apply/index.html'],
    );
    const shared = loadPage('root', 'how-to-apply/index.html');
    for (const t of [...modeTexts, ...channelTexts]) assert.ok(text(shared.querySelector('main')).includes(t), t);
    for (const item of catalog.items) {
      const links = loadPage('root', `items/${item.id}/index.html`).querySelectorAll('#how-to a[href="/how-to-apply/"]');
      assert.equal(links.length, 1, item.id);
    }
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

describe('every sentence true, round three (issue 27)', () => {
  it('no page keeps a wording that said more than its source', () => {
    const removed = [
      // 12345: no source read says what a call from another city reaches.
      '12345是各地各自的热线',
      '在外地拨打接通的一般是当地的',
      '接通的一般是当地的热线',
      // The 市 prefix is not on every bureau (住房公积金管理中心).
      '各部门名称都冠以“市”',
      // The footer: topics, full names and six other sources are not from the table.
      '本站内容全部取自',
      // The table never writes 人行石家庄中心支行, and never 人民银行石家庄中心支行 either.
      '原表也写作：人行石家庄中心支行',
      '原表简称：人民银行石家庄中心支行',
      // 35号 says 政务服务大厅设置的“跨省通办”窗口, not whose hall.
      '由申请人所在地政务服务大厅',
      // The old answer to “whom to ask”, pointing back at the name above it.
      '先向上面写的牵头单位咨询',
      // 主题 and 服务对象 are the site's own, not the table's.
      '主题和服务对象来自原表',
      // The accessibility page: search links to a list without JavaScript, and no contact is published to tell.
      '搜索在没有 JavaScript 时会列出全部事项',
      '如果您在使用中遇到困难，请告诉我们',
      // The self-evaluation: focus shows as a yellow and dark ring, and conformance is measured, not declared.
      '焦点处有清晰的黄色框',
      '本站按《Web 内容无障碍指南》（WCAG）2.2 AA 级制作',
    ];
    for (const file of pages) {
      const html = readBuilt('root', file);
      for (const phrase of removed) assert.ok(!html.includes(phrase), `${file} says “${phrase}”`);
      // The city is the site's inference: said with its mark, never bare.
      assert.ok(!/(?<!）)石家庄市承担的/.test(text(loadPage('root', file).querySelector('body'))), `${file}: 石家庄市承担的 without its mark`);
    }
  });

  it('no tel: link on any page dials a local number that does not reach Shijiazhuang from elsewhere', () => {
    let links = 0;
    for (const site of ['root', 'kstb'] as const) {
      for (const file of listFiles(SITES[site].dir).filter((f) => f.endsWith('.html'))) {
        for (const a of loadPage(site, file).querySelectorAll('a[href^="tel:"]')) {
          links += 1;
          const number = (a.getAttribute('href') ?? '').slice('tel:'.length).replace(/-/g, '');
          // With its area code (0 + 2–3 digits + 7–8), a mobile, or a 400/800 number: the same line from anywhere.
          assert.match(number, /^(?:0[1-9]\d{8,10}|1[3-9]\d{9}|[48]00\d{7})$/, `${site} ${file}: ${a.getAttribute('href')}`);
        }
      }
    }
    // The shipped registry has no contact details: no number at all is a link, and 12345/12333 are shown as text.
    assert.equal(links, 0);
    assert.match(text(loadPage('root', 'how-to-apply/index.html').querySelector('main')), /12333/);
  });

  it('gives every item a next step: whom to ask, the local window as 35号 requires it with its locator, and what is not known', () => {
    const window = catalog.guidance.howTo.find((s) => s.id === 'howto.local-window')!;
    const unknown = catalog.guidance.howTo.find((s) => s.id === 'howto.unknown')!;
    assert.equal(window.citation?.reference.number, '国办发〔2020〕35号');
    assert.match(window.text, /^国办发〔2020〕35号要求/, 'worded as what the document requires of governments');
    for (const item of catalog.items) {
      const howTo = loadPage('root', `items/${item.id}/index.html`).querySelector('#how-to')!;
      const all = text(howTo);
      for (const slug of item.lead) assert.ok(all.includes(`牵头单位：${bureauName.get(slug)}`), `${item.id} names its lead ${slug}`);
      assert.match(all, /本站还没有收录它的电话、地址和网站/, `${item.id} says plainly that no contact is known`);
      assert.ok(all.includes(window.text), `${item.id}: the local window`);
      assert.ok(all.includes(`${window.citation!.locator}；`), `${item.id}: the window's locator`);
      assert.ok(all.includes(unknown.text), `${item.id}: what is not known`);
    }
  });

  it('keeps 主题 and 服务对象 out of the box of the table’s row', () => {
    for (const item of catalog.items) {
      const doc = loadPage('root', `items/${item.id}/index.html`);
      const row = [...doc.querySelectorAll('h2')].find((h) => text(h) === '原表这一行')?.nextElementSibling;
      assert.equal(row?.tagName, 'DL', item.id);
      const labels = [...row!.querySelectorAll('dt')].map((dt) => text(dt));
      assert.deepEqual(labels, ['牵头单位', '配合单位', '备注', '批次'], item.id);
      assert.match(text(doc.querySelector('.site-facts')), /原表没有这两栏/, item.id);
    }
  });

  it('shows the table’s own words under 原表写明 on 1-3, 2-17, 3-1 and 3-28, with the correction beside them', () => {
    for (const [id, written, corrected] of [
      ['1-3', '申请机动车驾驶公证', '申请机动车驾驶证公证'],
      ['2-17', '等級', '等级'],
      ['3-1', '申请具有无犯罪记录证明', '申请开具有无犯罪记录证明'],
      ['3-28', '转出地与转出地', '转入地与转出地'],
    ]) {
      const answer = loadPage('root', `items/${id}/index.html`).querySelector('.answer')!;
      assert.ok(text(answer.querySelector('.can')).includes(written!), `${id}: 原表写明 quotes “${written}”`);
      assert.ok(!text(answer.querySelector('.can')).includes(corrected!), `${id}: 原表写明 does not show the correction`);
      assert.ok(text(answer.querySelector('.fix')).includes(`“${written}”应为“${corrected}”`), `${id}: the correction beside it`);
    }
  });

  it('marks counts that include inferred bureaus, and keeps inferred values out of the structured data', () => {
    const mark = /其中 11 项含本站推定/;
    assert.match(text(loadPage('root', 'bureaus/human-resources/index.html').querySelector('main')), mark);
    assert.match(text(loadPage('root', 'index.html').querySelector('main')), mark);
    assert.match(text(loadPage('root', 'bureaus/index.html').querySelector('main')), mark);
    assert.match(readBuilt('root', 'overview/index.html'), /市人社局（其中 11 项含本站推定）/);
    for (const id of ['1-8', '2-19']) {
      const [service] = JSON.parse(loadPage('root', `items/${id}/index.html`).querySelector('script[type="application/ld+json"]')!.textContent!);
      assert.equal(service.provider, undefined, `${id}: inferred lead left out`);
      assert.equal(service.areaServed, undefined, `${id}: the city is inferred`);
    }
  });

  it('writes the PBoC branch as the table does, and says what comes from where in the footer and on the about page', () => {
    const pboc = text(loadPage('root', 'bureaus/pboc/index.html').querySelector('main'));
    assert.match(pboc, /原表写作：市行石家庄中心支行。本站列作“人民银行石家庄中心支行”（本站推定）/);
    const footer = text(loadPage('root', 'items/1-1/index.html').querySelector('footer'));
    assert.match(footer, /主题、服务对象和部门全称是本站整理的/);
    const about = text(loadPage('root', 'about/index.html').querySelector('main'));
    for (const title of ['国务院办公厅关于加快推进政务服务“跨省通办”的指导意见', '关于开展劳动保障电话咨询服务的通知', '中华人民共和国著作权法'])
      assert.ok(about.includes(`《${title}》`), `the about page lists ${title}`);
    assert.match(about, /本版没有收录任何部门的电话、地址或网站/);
  });
});
