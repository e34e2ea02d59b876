import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { loadCatalog } from '../../src/build/load-catalog.ts';
import { loadBuiltSearch } from '../../src/build/search-node.ts';
import {
  answerStatus,
  itemId,
  reasons,
  recordFacts,
  recordName,
  searchCatalog,
  type SearchAnswer,
  type SearchData,
  type SearchIndex,
} from '../../src/lib/search/engine.ts';
import { BATCH_IDS } from '../../src/lib/core/batches.ts';
import { batchTitle, plannedDeadline } from '../../src/lib/views/format.ts';
import { leadText, nameOf } from '../../src/lib/views/item-view.ts';
import { serviceEntries } from '../../src/lib/source/lexicon.ts';
import { decodeLatinData, LATIN_FILE } from '../../src/lib/search/pinyin.ts';
import { meaningfulScenario, wordingOccursIn } from '../../src/lib/source/wording.ts';
import { segmentWords } from '../../src/lib/search/segment.ts';
import { ALMOST_ALL, broadAnswer } from '../../src/lib/search/scope.ts';
import { sortItems } from '../../src/lib/views/grouping.ts';
import { PROJECT_ROOT, SITES, type SiteName } from '../harness/build.ts';
import { launchBrowser } from '../harness/browser.ts';
import { isHonest, parseQueryFile, searchViaUi } from '../harness/search-ui.ts';
import { serveStatic, type StaticServer } from '../harness/static-server.ts';

const catalog = loadCatalog(PROJECT_ROOT);
/** Every query set in tests/fixtures. */
const QUERY_SETS = readdirSync(join(PROJECT_ROOT, 'tests/fixtures'))
  .filter((f) => /^search-queries\..*\.tsv$/.test(f))
  .sort();
/** Results the page shows before “显示更多结果”. */
const PAGE_SIZE = 10;
const fixture = (name: string) => parseQueryFile(readFileSync(join(PROJECT_ROOT, 'tests/fixtures', name), 'utf8'));

let browser: Browser;
before(async () => {
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
});

/** Queries whose expected items are not all... any one of them, in the top `k`. */
async function misses(page: Page, siteUrl: string, set: { query: string; expected: string[] }[], k: number) {
  const out: string[] = [];
  for (const { query, expected } of set) {
    const { ids } = await searchViaUi(page, siteUrl, query);
    if (!ids.slice(0, k).some((id) => expected.includes(id))) out.push(`${query}: got ${ids.slice(0, k).join(' ') || 'nothing'}, want ${expected.join('/')}`);
  }
  return out;
}

for (const name of Object.keys(SITES) as SiteName[]) {
  const site = SITES[name];
  describe(`search in Chromium at ${site.base}`, () => {
    let server: StaticServer;
    let page: Page;
    const errors: string[] = [];
    before(async () => {
      server = await serveStatic(site.dir, site.base);
      page = await browser.newPage();
      page.on('pageerror', (e) => errors.push(e.message));
      page.on('dialog', (d) => {
        errors.push(`dialog: ${d.message()}`);
        void d.dismiss();
      });
    });
    after(async () => {
      await page?.close();
      await server?.close();
      assert.deepEqual(errors, []);
    });

    it('puts the item of every sample query in the top 5', async () => {
      assert.deepEqual(await misses(page, server.url, fixture('search-queries.sample.tsv'), 5), []);
    });

    it('puts the item of every everyday query across the catalog in the top 5', async () => {
      assert.deepEqual(await misses(page, server.url, fixture('search-queries.everyday.tsv'), 5), []);
    });

    // The page runs the same engine as the Node tools: on a sample of every query set, it shows exactly
    // the results, in the same order, and the same status as the engine in Node on the same build.
    it('shows exactly what the search engine returns in Node, on a sample of every query set', async () => {
      const { index, data } = await loadBuiltSearch(site.dir);
      const sample = QUERY_SETS.flatMap((file) => fixture(file).filter((_, i) => i % 15 === 0));
      const differ: string[] = [];
      for (const { query } of sample) {
        const answer = await searchCatalog(index, data, query);
        const ui = await searchViaUi(page, server.url, query);
        const node = {
          ids: answer.ranked.slice(0, PAGE_SIZE).map((r) => itemId(r.item.url)),
          state: answer.blank ? '' : answer.state,
          status: answerStatus(answer),
        };
        const shown = { ids: ui.ids, state: ui.state, status: ui.status };
        if (JSON.stringify(node) !== JSON.stringify(shown)) differ.push(`${query}: Node ${JSON.stringify(node)} page ${JSON.stringify(shown)}`);
      }
      assert.ok(sample.length >= 80, `${sample.length} queries sampled`);
      assert.deepEqual(differ, []);
    });

    it('keeps the page’s shape while results arrive: the results region starts where it did, the footer stays below the fold', async () => {
      const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
      const phone = await context.newPage();
      const place = () =>
        phone.evaluate(() => ({
          region: Math.round(document.querySelector('.search-region')!.getBoundingClientRect().top + scrollY),
          footer: Math.round(document.querySelector('footer')!.getBoundingClientRect().top + scrollY),
        }));
      await phone.goto(`${server.url}search/`);
      const before = await place();
      assert.ok(before.footer >= 844, `footer at ${before.footer}px is inside the first screen`);
      for (const query of ['社保卡补办', '量子物理实验室', '结婚证公积金']) {
        await searchViaUi(phone, server.url, query);
        const after = await place();
        assert.equal(after.region, before.region, query);
        assert.ok(after.footer >= before.footer, `${query}: the footer moved up into view`);
      }
      await context.close();
    });

    it('社保 reaches 社会保险 items and 医保报销 reaches 3-29 in the top 5', async () => {
      assert.ok((await searchViaUi(page, server.url, '社保')).ids.slice(0, 5).some((id) => ['1-6', '3-43'].includes(id)));
      assert.ok((await searchViaUi(page, server.url, '医保报销')).ids.slice(0, 5).includes('3-29'));
    });

    it('ranks every item first for its exact full name', async () => {
      const names = catalog.items.map((i) => ({ query: i.name, expected: [i.id] }));
      assert.deepEqual(await misses(page, server.url, names, 1), []);
    });

    it('shows each result with its name as a link, a highlighted excerpt, its batch and lead bureau, and the synonym used', async () => {
      const { ids } = await searchViaUi(page, server.url, '社保卡补办');
      assert.equal(ids[0], '2-15');
      const first = page.locator('#search-results > li').first();
      assert.equal(await first.locator('a').getAttribute('href'), `${site.base}items/2-15/`);
      assert.ok((await first.locator('mark').count()) > 0, 'the match is highlighted');
      const text = await first.textContent();
      assert.match(text ?? '', /要求2021年6月前实现/);
      assert.match(text ?? '', /牵头：市人社局/);
      // One verdict, then the reading worded as a reading.
      assert.match(text ?? '', /匹配“社保卡”按“社会保障卡”查找/);
      assert.equal(await first.locator('p.tier').count(), 1);
      assert.match((await page.locator('#search-status').textContent()) ?? '', /^找到 \d+ 项与“社保卡补办”相关的事项。/);
      // A mistyped word is said up front.
      await searchViaUi(page, server.url, '结昏登记');
      assert.match((await page.locator('#search-status').textContent()) ?? '', /^已按“结婚登记”查找。找到 1 项相关的事项。/);
      // Pinyin is read as the Chinese word it spells, and the page says so.
      assert.equal((await searchViaUi(page, server.url, 'shebaoka')).status, '已按“社保卡”查找。找到 7 项相关的事项。');
      // A lead bureau the site inferred (1-8) is marked in the results too.
      await searchViaUi(page, server.url, '城乡居民基本养老保险关系转移接续');
      assert.match((await page.locator('#search-results > li').first().textContent()) ?? '', /牵头：市人社局（[^）]*本站推定）/);
    });

    it('ranks the exact name above a longer name that contains it', async () => {
      const { ids } = await searchViaUi(page, server.url, '社会保障卡申领');
      assert.deepEqual(ids.slice(0, 2), ['2-13', '1-15']);
    });

    it('says plainly when the catalog lacks it, what the catalog covers and where else to ask, and offers browsing', async () => {
      const result = await searchViaUi(page, server.url, '量子物理实验室');
      assert.deepEqual(result.ids, []);
      assert.equal(result.state, 'none');
      assert.equal(result.status, '没有找到与“量子物理实验室”相关的事项。');
      const notice = page.locator('#search-none');
      assert.ok(await notice.isVisible());
      assert.match((await notice.textContent()) ?? '', new RegExp(`石家庄市承担的 ${catalog.items.length} 项政务服务“跨省通办”事项`));
      assert.ok(await page.locator('#search-empty').isVisible());
      // Where else to ask: the channels, on the how-to-apply page with their numbers and sources.
      assert.equal(
        await notice.getByRole('link', { name: '查看可以查询和咨询的渠道' }).getAttribute('href'),
        `${new URL(server.url).pathname}how-to-apply/#channels`,
      );
      // Browsing: the page's own list of the other ways to find an item, shown again.
      const browse = page.locator('#browse');
      assert.ok(await browse.isVisible());
      for (const label of ['按部门查看', '按批次查看', '按主题查看', `全部 ${catalog.items.length} 项事项（一页列出）`])
        assert.ok(await browse.getByRole('link', { name: label }).isVisible(), label);
      // Where a service is missing, the page does not guess why (services were added to 跨省通办 after this table).
      assert.doesNotMatch((await notice.textContent()) ?? '', /不属于“跨省通办”/);
      assert.match((await notice.textContent()) ?? '', /不在这张表里/);
      // 您是不是要找 offers only services a person might mean: nothing for a passport, not 护理补贴 or 驾照.
      const passport = await searchViaUi(page, server.url, '护照补办');
      assert.deepEqual(passport.ids, []);
      assert.equal(await page.locator('#search-suggestions li').count(), 0);
      assert.equal(await page.locator('#search-suggestions-intro').isVisible(), false);
    });

    it('says which part of a question the catalog does not cover', async () => {
      const result = await searchViaUi(page, server.url, '离职提取公积金');
      assert.equal(result.state, 'partial');
      assert.match(result.status, /^没有找到与“离职提取公积金”完全对应的事项。本目录的事项中都没有“离职”。/);
      assert.ok(result.ids.slice(0, 2).some((id) => ['3-25', '1-27'].includes(id)));
    });

    it('shows no result for fillers, single characters, digits, non-pinyin Latin or an unknown word with a common verb', async () => {
      for (const query of ['的', '我要办', '13812345678', 'qwerty', 'xyz不存在的', '护照办理', '护照补办']) {
        const result = await searchViaUi(page, server.url, query);
        assert.deepEqual([result.state, result.ids], ['none', []], query);
      }
    });

    it('answers a word (almost) every item has, or one too common to rank by, from counts with the list', async () => {
      // 申请 is in the name or scenario of all items but one (申请人可…).
      const result = await searchViaUi(page, server.url, '申请');
      assert.equal(result.state, 'matches');
      assert.match(
        result.status,
        new RegExp(
          `^本市 ${catalog.declaredTotal} 项事项中有 \\d+ 项的名称、说明或牵头部门含有“申请”一词，这个词太常见，分不出您要办的是哪一项。下面按目录顺序列出这 \\d+ 项；`,
        ),
      );
      assert.equal(result.ids.length, PAGE_SIZE, 'the list, page by page, not a ranking');
      assert.match(
        (await searchViaUi(page, server.url, '办理')).status,
        new RegExp(`^本市 ${catalog.declaredTotal} 项事项中有 \\d+ 项的名称、说明或牵头部门含有“办理”一词，`),
      );
    });

    it('labels partial matches as such', async () => {
      const result = await searchViaUi(page, server.url, '结婚证公积金');
      assert.equal(result.state, 'partial');
      assert.equal(result.status, '没有找到与“结婚证公积金”完全对应的事项。以下事项只包含其中部分字词。');
      assert.ok(result.ids.includes('3-40') && result.ids.some((id) => ['1-25', '1-27', '3-25'].includes(id)));
      assert.ok(
        result.texts.every((t) => t.includes('部分相符：本事项不含')),
        'every result says it matches only part, and what it does not cover',
      );
    });

    it('never shows a related service as a match: 纳税证明, 完税证明, 学历认证, 职称', async () => {
      for (const [query, id, official] of [
        ['纳税证明', '2-4', '纳税状况公证'],
        ['完税证明', '2-4', '纳税状况公证'],
        ['学历认证', '1-1', '学历公证'],
        ['职称', '1-20', '职业资格'],
      ] as const) {
        const result = await searchViaUi(page, server.url, query);
        assert.equal(result.state, 'related', query);
        assert.match(result.status, /相关但不同的事项/);
        const text = result.texts[result.ids.indexOf(id)] ?? '';
        assert.match(text, /相关，不是同一事项/, query);
        assert.ok(
          result.ids.every((rid, i) => rid !== id || result.tiers?.[i] !== 'full'),
          `${query} is not shown as a match of ${official}`,
        );
        assert.ok(
          (result.verdicts ?? []).every((n) => n === 1),
          `${query}: one verdict per card`,
        );
      }
    });

    it('survives odd input: punctuation, emoji, 500 characters, spaces, mixed scripts, full-width forms and markup', async () => {
      const odd = [
        '！！！？？？',
        '🙂🙂社保卡🙂',
        '社'.repeat(500),
        '社保card',
        'ＳＨＥＢＡＯＫＡ',
        '社保卡　补办',
        '<script>alert(1)</script>',
        '<img src=x onerror=alert(1)>',
        '%E4%B8',
        '\\u0000',
        "'; DROP TABLE --",
      ];
      for (const query of odd) {
        const result = await searchViaUi(page, server.url, query);
        assert.ok(result.status.length > 0, `status for ${query}`);
      }
      assert.deepEqual((await searchViaUi(page, server.url, 'ＳＨＥＢＡＯＫＡ')).ids.slice(0, 1).length, 1);
      await page.goto(`${server.url}search/?q=${encodeURIComponent('   ')}`);
      await page.waitForFunction(() => document.getElementById('search-app')?.dataset.state === 'done');
      assert.match((await page.locator('#search-status').textContent()) ?? '', /请输入要办的事/);
      assert.equal(await page.locator('img').count(), 0, 'markup in a query never becomes an element');
    });

    it('updates the URL while typing, so a search can be shared', async () => {
      await page.goto(`${server.url}search/`);
      const input = page.getByRole('searchbox', { name: /输入您要办的事/ });
      await input.click();
      await page.keyboard.type('公积金');
      await page.waitForFunction(() => new URLSearchParams(location.search).get('q') === '公积金');
      await page.waitForFunction(
        () => document.getElementById('search-app')?.dataset.state === 'done' && document.querySelectorAll('#search-results li').length > 0,
      );
      assert.equal(await page.evaluate(() => document.activeElement?.id), 'q', 'focus stays in the box while typing');
      // From the box: the search button, the (closed) filters, then the first result.
      for (let i = 0; i < 3; i++) await page.keyboard.press('Tab');
      const focused = await page.evaluate(() => document.activeElement === document.querySelector('#search-results > li a'));
      assert.ok(focused, 'the keyboard reaches the first result right after the form');
    });

    it('filters by batch, lead bureau and remark, with or without a query', async () => {
      const batch = await searchViaUi(page, server.url, '', { batch: '第一批（2020年底前）' });
      assert.equal(batch.ids.length, 10, 'first page of results');
      assert.match(batch.status, new RegExp(`找到 ${catalog.sections[0]!.declaredCount} 项符合条件的事项`));
      // As the table lists them: Pagefind lists a filter-only search in the order the records were indexed.
      const firstBatch = sortItems(catalog.items.filter((i) => i.batch === 1)).map((i) => i.id);
      assert.deepEqual(batch.ids, firstBatch.slice(0, 10));
      const combined = await searchViaUi(page, server.url, '公积金', { batch: '第三批（2021年底）' });
      assert.deepEqual(combined.ids, ['3-25']);
      const lead = await searchViaUi(page, server.url, '', { lead: '市残联', remark: '国家级事权' });
      assert.deepEqual(lead.ids, ['2-35']);
      assert.equal(await page.locator('#filter-lead').inputValue(), '市残联', 'the form shows the active filter');
    });

    it('loads more results on request and moves focus to them', async () => {
      await searchViaUi(page, server.url, '', { batch: '第一批（2020年底前）' });
      await page.locator('#search-more').click();
      await page.waitForFunction(() => document.querySelectorAll('#search-results > li').length === 20);
      assert.equal(
        await page.evaluate(() => document.activeElement?.textContent),
        await page.locator('#search-results > li').nth(10).locator('a').textContent(),
      );
    });

    it('the header search box on any page leads to results', async () => {
      await page.goto(`${server.url}items/1-1/`);
      await page.locator('header').getByRole('searchbox').fill('驾照');
      await page.keyboard.press('Enter');
      await page.waitForFunction(() => document.getElementById('search-app')?.dataset.state === 'done');
      assert.ok(page.url().startsWith(`${server.url}search/?q=`));
      assert.equal(await page.locator('#search-results > li a').first().textContent(), '机动车驾驶证公证');
    });

    it('without JavaScript says search needs it and still leads to every item', async () => {
      const context = await browser.newContext({ javaScriptEnabled: false });
      const noJs = await context.newPage();
      await noJs.goto(`${server.url}search/?q=${encodeURIComponent('社保卡')}`);
      assert.match((await noJs.locator('main').textContent()) ?? '', /搜索需要在浏览器中启用 JavaScript/);
      assert.equal(await noJs.locator('#search-none').isVisible(), false);
      assert.equal(await noJs.locator('#search-app').isVisible(), false);
      await noJs
        .locator('noscript, main')
        .getByRole('link', { name: `全部 ${catalog.declaredTotal} 项事项` })
        .first()
        .click();
      await noJs.waitForURL(/\/items\/$/);
      const links = await noJs
        .locator('main a[href*="/items/"]')
        .evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).pathname).filter((p) => /\/items\/\d+-\d+\/$/.test(p)));
      assert.equal(new Set(links).size, catalog.declaredTotal);
      await context.close();
    });
  });
}

/**
 * The engine on the built sites in Node (scripts/search.ts and bench-search.ts use it too): fast enough
 * to check every query set on every run. The browser test above checks that the page shows the same.
 */
describe('the search engine in Node, on the built sites', () => {
  const engines = new Map<SiteName, Promise<{ index: SearchIndex; data: SearchData }>>();
  const engine = (name: SiteName) => {
    if (!engines.has(name)) engines.set(name, loadBuiltSearch(SITES[name].dir));
    return engines.get(name)!;
  };
  const ask = async (query: string, name: SiteName = 'root'): Promise<SearchAnswer> => {
    const { index, data } = await engine(name);
    return searchCatalog(index, data, query);
  };
  const ids = (answer: SearchAnswer) => answer.ranked.map((r) => itemId(r.item.url));

  it('counts a word in almost every item honestly, and leaves fillers and phrases to the engine', async () => {
    const { index, data } = await engine('root');
    const all = (await index.search(null))?.results.length ?? 0;
    const broad = await broadAnswer(index, data, '申请', all, '本市');
    assert.ok(broad, '申请 is answered from counts');
    const listed = await Promise.all(broad.answer.listing.map((r) => r.data()));
    // What a result shows: its name, its scenario and its lead bureau (牵头：市人社局).
    const bureauName = new Map(catalog.bureaus.map((b) => [b.slug, b.name]));
    const shown = new Map(catalog.items.map((i) => [i.id, `${i.name}${meaningfulScenario(i.scenario)}${i.lead.map((b) => bureauName.get(b)).join('')}`]));
    const order = sortItems(catalog.items).map((i) => i.id);
    const listedIds = listed.map((d) => itemId(d.url));
    assert.deepEqual(
      listedIds,
      order.filter((id) => listedIds.includes(id)),
      'in catalog order',
    );
    assert.deepEqual(
      listedIds.filter((id) => !shown.get(id)!.includes('申请')),
      [],
      'every listed item shows the word',
    );
    assert.ok(listed.length >= all * ALMOST_ALL);
    for (const query of ['的', '劳动仲裁申请', '社保卡', '登记']) assert.equal(await broadAnswer(index, data, query, all, '本市'), undefined, query);
  });

  // Sets a helper wrote from the item list alone; once measured, each became a regression set.
  it('puts an expected item of at least 97% of each held-out everyday set in the top 5', async () => {
    for (const file of QUERY_SETS.filter((f) => /heldout|everyday|sample/.test(f))) {
      const set = fixture(file);
      const missed: string[] = [];
      for (const { query, expected } of set) {
        const top = ids(await ask(query)).slice(0, 5);
        if (!top.some((id) => expected.includes(id))) missed.push(`${query}: got ${top.join(' ') || 'nothing'}, want ${expected.join('/')}`);
      }
      assert.ok(missed.length <= set.length * 0.03, `${file}:\n${missed.join('\n')}`);
    }
  });

  it('answers at least 95% of each out-of-catalog and nonsense set honestly', async () => {
    for (const file of QUERY_SETS.filter((f) => f.includes('out-of-catalog'))) {
      const set = fixture(file);
      const dishonest: string[] = [];
      for (const { query } of set) {
        const answer = await ask(query);
        if (!isHonest({ status: answerStatus(answer), state: answer.state, ids: ids(answer), texts: [] })) dishonest.push(`${query}: ${answerStatus(answer)}`);
      }
      assert.ok(dishonest.length <= set.length * 0.05, `${file}:\n${dishonest.join('\n')}`);
    }
  });

  it('ranks every item first for its exact full name, at the root and under a sub-path', async () => {
    for (const name of Object.keys(SITES) as SiteName[]) {
      const missed: string[] = [];
      for (const item of catalog.items) if (ids(await ask(item.name, name))[0] !== item.id) missed.push(`${name}: ${item.name}`);
      assert.deepEqual(missed, []);
    }
  });

  it('reads every item’s name, batch deadline and lead bureaus back from its record as the item page gives them', async () => {
    const { index } = await engine('root');
    const shown = new Map<string, string>();
    for (const batch of BATCH_IDS) {
      const listed = await index.search(null, { filters: { batch: batchTitle(batch) } });
      for (const result of listed?.results ?? []) {
        const d = await result.data();
        shown.set(itemId(d.url), `${recordName(d)}：${recordFacts(d)}`);
      }
    }
    const bureauName = nameOf(new Map(catalog.bureaus.map((b) => [b.slug, b])));
    const wrong = catalog.items.filter((i) => shown.get(i.id) !== `${i.name}：${plannedDeadline(i.batch)}；牵头：${leadText(i, bureauName)}`);
    assert.deepEqual(
      wrong.map((i) => `${i.id} ${shown.get(i.id)}`),
      [],
    );
    assert.equal(shown.size, catalog.items.length);
  });

  // Everyday words that name a different service than the one they were once matched to (issue 17):
  // the wrong item may be shown as related or partial, never as 匹配.
  const FALSE_EQUIVALENCES: [query: string, wrong: string[]][] = [
    ['教师资格证', ['1-20']],
    ['护士证', ['1-20']],
    ['医师证', ['1-20']],
    ['医师资格证', ['1-20']],
    ['心理咨询师', ['1-20']],
    ['小孩身份证', ['3-39']],
    ['给孩子办身份证', ['3-39']],
    ['独资企业', ['1-35', '1-36', '1-37']],
    ['评残', ['3-37']],
    ['评级', ['3-37']],
    ['医保报销', ['3-44']],
    ['住院报销', ['3-44']],
    ['电工证', ['1-19', '2-17']],
    ['焊工证', ['1-19', '2-17']],
    ['毕业证', ['1-1']],
    ['房产证', ['1-22', '3-10']],
    ['房本', ['1-22', '3-10']],
    ['抚恤金', ['1-14', '2-10']],
    ['律师证', ['1-4', '3-8']],
    ['排污登记', ['1-24']],
    ['残保金', ['2-35']],
  ];
  it('never shows a listed everyday word’s wrong item as 匹配', async () => {
    const claimed: string[] = [];
    for (const [query, wrong] of FALSE_EQUIVALENCES) {
      const answer = await ask(query);
      for (const r of answer.ranked) {
        const id = itemId(r.item.url);
        if (!wrong.includes(id)) continue;
        const lines = reasons({ name: r.item.meta.title ?? '', tier: r.tier, hits: r.hits });
        if (r.tier === 'full' || lines.some((l) => l.className === 'tier' && l.text.startsWith('匹配')))
          claimed.push(`${query} → ${id} (${r.tier}: ${lines.map((l) => l.text).join(' ')})`);
      }
    }
    assert.deepEqual(claimed, []);
  });
});

describe('Pagefind’s Chinese segmentation (upstream issue #1237)', () => {
  it('finds every item for each word of its name and scenario, and for each official wording of the everyday words it carries', async () => {
    // Pagefind's own runtime on the built index, as the search worker loads it (inflated data, Chinese queries split).
    const { index } = await loadBuiltSearch(SITES.root.dir);
    const expectations = new Map<string, Set<string>>();
    const expect = (word: string, id: string) => {
      if (!expectations.has(word)) expectations.set(word, new Set());
      expectations.get(word)!.add(`/items/${id}/`);
    };
    // The index holds each item's name and meaningful scenario; everyday words are found through
    // their official wordings, which the search page searches for them.
    const text = (item: (typeof catalog.items)[number]) => `${item.name}。${meaningfulScenario(item.scenario)}`;
    for (const item of catalog.items) {
      for (const word of segmentWords(text(item))) if (word.length >= 2) expect(word, item.id);
      for (const entry of serviceEntries(catalog.lexicon))
        for (const m of entry.means) if (wordingOccursIn(m, text(item))) for (const w of m.split(' ')) expect(w, item.id);
    }
    // Words taken from a text also occur in other items' texts: expect those too.
    for (const [word, ids] of expectations) for (const item of catalog.items) if (text(item).includes(word)) ids.add(`/items/${item.id}/`);
    const found: Record<string, string[]> = {};
    for (const word of expectations.keys()) found[word] = await Promise.all(((await index.search(word))?.results ?? []).map(async (r) => (await r.data()).url));
    const missing = [...expectations].flatMap(([word, ids]) => [...ids].filter((id) => !found[word]?.includes(id)).map((id) => `${word} → ${id}`));
    assert.deepEqual(missing, []);
  });

  it('indexes name and scenario apart, never glued by HTML compression, and no pinyin: the pinyin map has it', async () => {
    const { index } = await loadBuiltSearch(SITES.root.dir);
    const first = (await index.search('结婚登记'))?.results[0];
    const found = { content: first ? (await first.data()).content : '', pinyin: (await index.search('jiehundengji'))?.results.length ?? 0 };
    assert.match(found.content, /^结婚登记\. 申请人/);
    assert.equal(found.pinyin, 0, 'pinyin stays out of the index every search downloads');
    assert.deepEqual(decodeLatinData(readFileSync(join(SITES.root.dir, 'pagefind', LATIN_FILE), 'utf8')).pinyin.get('jiehundengji'), ['结婚登记']);
  });
});
