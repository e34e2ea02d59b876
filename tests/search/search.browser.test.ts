import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'puppeteer-core';
import { loadCatalog } from '../../src/build/load-catalog.ts';
import { loadBuiltSearch } from '../../src/build/search-node.ts';
import { answerStatus, hasUnknownHan, itemId, searchCatalog, type SearchData, type SearchIndex } from '../../src/lib/search/engine.ts';
import { normalizeQuery } from '../../src/lib/search/query.ts';
import { hasLatin } from '../../src/lib/source/wording.ts';
import { segmentWords, wordsOf, type Segment } from '../../src/lib/search/segment.ts';
import { ITEM_URL_RE } from '../../src/lib/core/item-id.ts';
import { sortItems } from '../../src/lib/views/grouping.ts';
import { PROJECT_ROOT, SITES, type SiteName } from '../harness/build.ts';
import { closeBrowser, ENGINES, launch, newPage, searchDone, type Engine } from '../harness/driver.ts';
import { isVisible, linkNamed, tap, textOf } from '../harness/fixture.ts';
import { fixture, QUERY_SETS, searchViaUi } from '../harness/search-ui.ts';
import { serveStatic, type StaticServer } from '../harness/static-server.ts';

const catalog = loadCatalog(PROJECT_ROOT);
/** Results the page shows before “显示更多结果”. */
const PAGE_SIZE = 10;

/**
 * Runs a query set through the page: each query's place of its first expected item among the results
 * (-1 when none is in the top `k`), and the queries whose expected items are all missing from the top `k`.
 */
async function ranks(page: Page, siteUrl: string, set: { query: string; expected: string[] }[], k: number) {
  const places = new Map<string, number>();
  const misses: string[] = [];
  for (const { query, expected } of set) {
    const top = (await searchViaUi(page, siteUrl, query)).ids.slice(0, k);
    const place = top.findIndex((id) => expected.includes(id));
    places.set(query, place);
    if (place < 0) misses.push(`${query}: got ${top.join(' ') || 'nothing'}, want ${expected.join('/')}`);
  }
  return { places, misses };
}

/**
 * Where Chromium placed each query's expected item (by set name, then query), for Firefox to run the hard cases:
 * the whole sets run through the same engine in Node in search.site.test.ts, and in full on the page in Chromium.
 */
const chromiumPlaces = new Map<string, Map<string, number>>();

/**
 * The queries of `set` that Firefox runs: those Chromium placed at `near` or lower (closest to the limit), and an
 * even spread of one in `every`; all of them when Chromium's run of this file did not come first (run alone by name).
 */
function firefoxShare(name: string, set: { query: string; expected: string[] }[], near: number, every: number, hard: (query: string) => boolean = () => false) {
  const places = chromiumPlaces.get(name);
  if (!places || places.size < set.length) return set;
  return set.filter(({ query }, i) => i % every === 0 || (places.get(query) ?? 0) >= near || hard(query));
}

/**
 * The queries compared with the Node engine: one of each set at `/` (of every other set at `/kstb/`: Chromium the
 * even sets, Firefox the odd ones), at a place in the set that moves from set to set (a set's styles come in order,
 * so the places spread over them), Firefox's half a set away from Chromium's, so that between them the engines
 * compare two places of every set; and the queries that take the engine's special paths, which the check also asks
 * the Node engine to confirm were taken: Latin letters (pinyin), characters the page's data does not know
 * (traditional), a query the engine answers with suggestions (`suggesting`), 纳税证明 (a related service, not a
 * match), and 学历公证, whose planner splits off 学历, a word Firefox ESR's segmenter calls not word-like
 * (src/lib/search/segment.ts).
 */
function comparedQueries(engine: Engine, name: SiteName, known: ReadonlySet<string>, suggesting: string): string[] {
  const sets = QUERY_SETS.map((file) => fixture(file).map(({ query }) => query));
  const shift = engine === 'chromium' ? 0 : 0.5;
  const spread = sets.flatMap((queries, s) =>
    name === 'root' || s % 2 === (engine === 'chromium' ? 0 : 1) ? [queries[Math.floor(((s * 0.618 + shift) % 1) * queries.length)]!] : [],
  );
  const every = sets.flat();
  const thirds = (_: string, i: number, all: string[]) => i % Math.ceil(all.length / 3) === 0;
  const special = [
    ...every.filter((q) => hasLatin(normalizeQuery(q))).filter(thirds),
    ...every.filter((q) => hasUnknownHan(q, known)).filter(thirds),
    suggesting,
    '学历公证',
    '纳税证明',
  ];
  return [...new Set([...spread, ...special])];
}

/** The first query of the out-of-catalog sets the Node engine answers with suggestions (您是不是要找). */
async function firstSuggesting(index: SearchIndex, data: SearchData): Promise<string> {
  for (const file of QUERY_SETS.filter((f) => f.includes('out-of-catalog')))
    for (const { query } of fixture(file)) if ((await searchCatalog(index, data, query, {})).suggestions.length > 0) return query;
  throw new Error('no out-of-catalog query has suggestions');
}

/**
 * Runs `answer` with the page's own word segmentation replayed in Node: ICU4X (Firefox ESR) splits some runs of words
 * the catalog does not know differently from ICU (Node, Chromium), and the page runs on its platform's segmenter, in
 * the engine (src/lib/search/segment.ts) and in Pagefind, which splits each searched text into words with
 * `Intl.Segmenter` before looking them up (公积金明细 scores its candidates otherwise in Firefox, which reorders two
 * results of equal rank). Both read the page's splits here: the engine through `segment`, Pagefind through
 * `Intl.Segmenter` (word granularity) replaced for the run. The texts asked for depend on earlier splits, so the
 * run is repeated with each new text segmented by the page until it asks for none it has not had.
 */
async function withPageSegments<T>(page: Page, answer: (segment: Segment) => Promise<T>): Promise<T> {
  /** Every segment the page's segmenter makes of a text, words and the rest. */
  const known = new Map<string, string[]>();
  const Platform = Intl.Segmenter;
  // A plain, writable property of Intl; TypeScript's lib declares it read-only.
  const intl = Intl as { Segmenter: typeof Intl.Segmenter };
  for (let round = 0; round < 8; round++) {
    const missing = new Set<string>();
    const split = (text: string) => known.get(text) ?? (missing.add(text), undefined);
    const segment: Segment = (text) => {
      const segments = split(text);
      return segments ? wordsOf(segments.map((s) => ({ segment: s }))) : segmentWords(text);
    };
    /** `Intl.Segmenter` with the page's word splits, for Pagefind in Node. */
    class PageSegmenter extends Platform {
      readonly #words: boolean;
      constructor(locales?: Intl.LocalesArgument, options?: Intl.SegmenterOptions) {
        super(locales, options);
        this.#words = options?.granularity === 'word';
      }
      override segment(text: string): Intl.Segments {
        const segments = this.#words ? split(text) : undefined;
        if (!segments) return super.segment(text);
        let index = 0;
        return segments.map((s) => ({ segment: s, index: (index += s.length) - s.length, input: text })) as unknown as Intl.Segments;
      }
    }
    intl.Segmenter = PageSegmenter;
    let result: T;
    try {
      result = await answer(segment);
    } finally {
      intl.Segmenter = Platform;
    }
    if (missing.size === 0) return result;
    const texts = [...missing];
    const splits = await page.evaluate(
      (all) => all.map((t) => [...new Intl.Segmenter('zh-CN', { granularity: 'word' }).segment(t)].map((s) => s.segment)),
      texts,
    );
    texts.forEach((text, i) => known.set(text, splits[i]!));
  }
  throw new Error('the texts to segment did not settle in 8 rounds');
}

for (const engine of ENGINES) {
  // One browser per engine serves both sites (and, in Firefox, one second browser every page without JavaScript).
  describe(`search in ${engine}`, () => {
    let browser: Browser;
    before(async () => {
      browser = await launch(engine);
    });
    after(() => browser && closeBrowser(browser));
    for (const name of Object.keys(SITES) as SiteName[]) siteSearch(engine, name, () => browser);
  });
}

function siteSearch(engine: Engine, name: SiteName, launched: () => Browser) {
  const site = SITES[name];
  /**
   * The top-5 sets and the full names run on the page at `/`; under `/kstb/` the page runs the same engine on an
   * index built from the same table (every set and every name through the Node engine on both indexes:
   * search.site.test.ts), so there a smaller sample of each set shows the page equals the engine under a sub-path.
   */
  const everyQuery = name === 'root';
  describe(`at ${site.base}${engine === 'firefox' && name === 'kstb' ? ' (the checks the base path can change; the others at /)' : ''}`, () => {
    let browser: Browser;
    let server: StaticServer;
    let page: Page;
    const errors: string[] = [];
    /**
     * A check that turns on the engine's answers, not on the base path: in Chromium at both bases, in Firefox at `/`
     * only (where the page's answers under `/kstb/` are the engine's all the same: the comparison above runs there).
     */
    const baseFree = engine === 'firefox' && name === 'kstb' ? () => undefined : it;
    before(async () => {
      browser = launched();
      server = await serveStatic(site.dir, site.base);
      page = await newPage(browser);
      page.on('pageerror', (e) => errors.push((e as Error).message));
      page.on('dialog', (d) => {
        errors.push(`dialog: ${d.message()}`);
        void d.dismiss();
      });
    });
    after(async () => {
      await Promise.all([page?.close(), server?.close()]);
      assert.deepEqual(errors, []);
    });

    // The page runs the same engine as the Node tools: on a sample of every query set, it shows exactly
    // the results, in the same order, and the same status as the engine in Node on the same build, given
    // the page's own word segmentation (withPageSegments; the same as Node's in Chromium). First on the
    // page, so that each of the engine's lazily loaded parts (the Latin data, the traditional-character map,
    // the facets, the reader of uncovered words and the suggestions: the extras chunk) loads during it.
    const compared = name === 'root' ? 'one query of every query set' : 'one query of every other query set';
    it(`shows exactly what the search engine returns in Node, on ${compared} and the queries that take its special paths`, async () => {
      const { index, data } = await loadBuiltSearch(site.dir);
      const suggesting = await firstSuggesting(index, data);
      // Which lazily loaded parts the compared queries made the Node engine load: the sample must reach each.
      const loaded = new Set<string>();
      for (const key of ['latin', 'facets', 'hant', 'rests'] as const) {
        const load = data[key] as (() => Promise<unknown>) | undefined;
        if (load) (data as unknown as Record<string, unknown>)[key] = () => (loaded.add(key), load());
      }
      const sample = comparedQueries(engine, name, data.known ?? new Set(), suggesting);
      const states = new Set<string>();
      const differ: string[] = [];
      for (const query of sample) {
        const answer = await withPageSegments(page, (segment) => searchCatalog(index, data, query, {}, segment));
        const ui = await searchViaUi(page, server.url, query);
        const node = {
          ids: answer.ranked.slice(0, PAGE_SIZE).map((r) => itemId(r.item.url)),
          state: answer.blank ? '' : answer.state,
          status: answerStatus(answer),
        };
        states.add(node.state);
        if (answer.suggestions.length > 0) loaded.add('suggestions');
        const shown = { ids: ui.ids, state: ui.state, status: ui.status };
        if (JSON.stringify(node) !== JSON.stringify(shown)) differ.push(`${query}: Node ${JSON.stringify(node)} page ${JSON.stringify(shown)}`);
      }
      assert.ok(sample.length >= 20, `${sample.length} queries sampled`);
      assert.deepEqual([...loaded].sort(), ['facets', 'hant', 'latin', 'rests', 'suggestions'], 'the sample takes every lazily loaded path');
      assert.deepEqual(
        ['matches', 'none', 'partial', 'related'].filter((state) => !states.has(state)),
        [],
        'the sample reaches every answer state',
      );
      assert.deepEqual(differ, []);
    });

    if (everyQuery) {
      // The top-5 sets and the full names run in full in Chromium and on their hard cases in Firefox: the queries
      // Chromium placed lowest, names another item's name contains or is contained in, and an even spread.
      const which = engine === 'chromium' ? 'every' : 'a share (the lowest placed in Chromium, a spread) of every';
      for (const [file, label] of [
        ['search-queries.sample.tsv', 'sample'],
        ['search-queries.everyday.tsv', 'everyday'],
      ] as const)
        it(`puts the item of ${which} ${label} query in the top 5`, async () => {
          const set = engine === 'chromium' ? fixture(file) : firefoxShare(file, fixture(file), 2, 6);
          const { places, misses } = await ranks(page, server.url, set, 5);
          if (engine === 'chromium') chromiumPlaces.set(file, places);
          assert.deepEqual(misses, []);
        });

      it(`ranks ${engine === 'chromium' ? 'every item' : 'the items whose names contain or are contained in another’s, and a spread,'} first for its exact full name`, async () => {
        const names = catalog.items.map((i) => ({ query: i.name, expected: [i.id] }));
        const nested = (query: string) => catalog.items.some((i) => i.name !== query && (i.name.includes(query) || query.includes(i.name)));
        const set = engine === 'chromium' ? names : firefoxShare('names', names, 1, 10, nested);
        const { places, misses } = await ranks(page, server.url, set, 1);
        if (engine === 'chromium') chromiumPlaces.set('names', places);
        assert.deepEqual(misses, []);
      });
    }

    baseFree('keeps the page’s shape while results arrive: the results region starts where it did, the footer stays below the fold', async () => {
      const phone = await newPage(browser, { width: 390, height: 844 });
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
      await phone.close();
    });

    baseFree('社保 reaches 社会保险 items and 医保报销 reaches 3-29 in the top 5', async () => {
      assert.ok((await searchViaUi(page, server.url, '社保')).ids.slice(0, 5).some((id) => ['1-6', '3-43'].includes(id)));
      assert.ok((await searchViaUi(page, server.url, '医保报销')).ids.slice(0, 5).includes('3-29'));
    });

    it('shows each result with its name as a link, a highlighted excerpt, its batch and lead bureau, and the synonym used', async () => {
      const { ids } = await searchViaUi(page, server.url, '社保卡补办');
      assert.equal(ids[0], '2-15');
      const first = (await page.$('#search-results > li'))!;
      assert.equal(await first.$eval('a', (a) => a.getAttribute('href')), `${site.base}items/2-15/`);
      assert.ok((await first.$$('mark')).length > 0, 'the match is highlighted');
      const text = await first.evaluate((li) => li.textContent);
      assert.match(text ?? '', /要求2021年6月前实现/);
      assert.match(text ?? '', /牵头：市人社局/);
      // One verdict, then the reading worded as a reading.
      assert.match(text ?? '', /匹配“社保卡”按“社会保障卡”查找/);
      assert.equal((await first.$$('p.tier')).length, 1);
      assert.match((await textOf(page, '#search-status')) ?? '', /^找到 \d+ 项与“社保卡补办”对应的事项。/);
      // A mistyped word is said up front.
      await searchViaUi(page, server.url, '结昏登记');
      assert.match((await textOf(page, '#search-status')) ?? '', /^已按“结婚登记”查找。找到 1 项对应的事项。/);
      // Pinyin is read as the Chinese word it spells, and the page says so.
      assert.equal((await searchViaUi(page, server.url, 'shebaoka')).status, '已按“社保卡”查找。找到 7 项对应的事项。');
      // A lead bureau the site inferred (1-8) is marked in the results too.
      await searchViaUi(page, server.url, '城乡居民基本养老保险关系转移接续');
      assert.match((await textOf(page, '#search-results > li')) ?? '', /牵头：市人社局（[^）]*本站推定）/);
    });

    baseFree('ranks the exact name above a longer name that contains it', async () => {
      const { ids } = await searchViaUi(page, server.url, '社会保障卡申领');
      assert.deepEqual(ids.slice(0, 2), ['2-13', '1-15']);
    });

    it('says plainly when the catalog lacks it, what the catalog covers and where else to ask, and offers browsing', async () => {
      const result = await searchViaUi(page, server.url, '量子物理实验室');
      assert.deepEqual(result.ids, []);
      assert.equal(result.state, 'none');
      assert.equal(result.status, '没有找到与“量子物理实验室”相关的事项。');
      const notice = () => textOf(page, '#search-none');
      assert.ok(await isVisible(page, '#search-none'));
      assert.match((await notice()) ?? '', new RegExp(`石家庄市（本站推定）承担的 ${catalog.items.length} 项政务服务“跨省通办”事项`));
      assert.ok(await isVisible(page, '#search-empty'));
      // Where else to ask: the channels, on the how-to-apply page with their numbers and sources.
      assert.equal(
        await (await linkNamed(page, '查看可以查询和咨询的渠道', '#search-none')).evaluate((a) => a.getAttribute('href')),
        `${new URL(server.url).pathname}how-to-apply/#channels`,
      );
      // Browsing: the page's own list of the other ways to find an item, shown again.
      assert.ok(await isVisible(page, '#browse'));
      for (const label of ['按部门查看', '按批次查看', '按主题查看', `全部 ${catalog.items.length} 项事项（一页列出）`])
        assert.ok(await (await linkNamed(page, label, '#browse')).isVisible(), label);
      // Where a service is missing, the page does not guess why (services were added to 跨省通办 after this table).
      assert.doesNotMatch((await notice()) ?? '', /不属于“跨省通办”/);
      assert.match((await notice()) ?? '', /不在这张表里/);
      // 您是不是要找 offers only services a person might mean: nothing for a passport, not 护理补贴 or 驾照.
      const passport = await searchViaUi(page, server.url, '护照补办');
      assert.deepEqual(passport.ids, []);
      assert.equal((await page.$$('#search-suggestions li')).length, 0);
      assert.equal(await isVisible(page, '#search-suggestions-intro'), false);
    });

    baseFree('says which part of a question the catalog does not cover', async () => {
      const result = await searchViaUi(page, server.url, '离职提取公积金');
      assert.equal(result.state, 'partial');
      assert.match(result.status, /^没有找到与“离职提取公积金”完全对应的事项。本目录的事项中都没有“离职”。/);
      assert.ok(result.ids.slice(0, 2).some((id) => ['3-25', '1-27'].includes(id)));
    });

    baseFree('shows no result for fillers, single characters, digits, non-pinyin Latin or an unknown word with a common verb', async () => {
      for (const query of ['的', '我要办', '13812345678', 'qwerty', 'xyz不存在的', '护照办理', '护照补办']) {
        const result = await searchViaUi(page, server.url, query);
        assert.deepEqual([result.state, result.ids], ['none', []], query);
      }
    });

    baseFree('answers a word (almost) every item has, or one too common to rank by, from counts with the list', async () => {
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

    baseFree('labels partial matches as such', async () => {
      const result = await searchViaUi(page, server.url, '结婚证公积金');
      assert.equal(result.state, 'partial');
      assert.equal(result.status, '没有找到与“结婚证公积金”完全对应的事项。以下事项只包含其中部分字词。');
      assert.ok(result.ids.includes('3-40') && result.ids.some((id) => ['1-25', '1-27', '3-25'].includes(id)));
      assert.ok(
        result.texts.every((t) => t.includes('部分相符：本事项不含')),
        'every result says it matches only part, and what it does not cover',
      );
    });

    baseFree('never shows a related service as a match: 纳税证明, 完税证明, 学历认证, 职称', async () => {
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

    baseFree('survives odd input: punctuation, emoji, 500 characters, spaces, mixed scripts, full-width forms and markup', async () => {
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
      await searchDone(page);
      assert.match((await textOf(page, '#search-status')) ?? '', /请输入要办的事/);
      assert.equal((await page.$$('img')).length, 0, 'markup in a query never becomes an element');
    });

    it('updates the URL while typing, so a search can be shared', async () => {
      await page.goto(`${server.url}search/`);
      // The search box named by its label 输入您要办的事….
      const input = (await page.$('#q'))!;
      assert.match(await input.evaluate((el) => (el as HTMLInputElement).labels?.[0]?.textContent ?? ''), /输入您要办的事/);
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

    baseFree('filters by batch, lead bureau and remark, with or without a query', async () => {
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
      assert.equal(await page.$eval('#filter-lead', (el) => (el as HTMLSelectElement).value), '市残联', 'the form shows the active filter');
    });

    baseFree('loads more results on request and moves focus to them', async () => {
      await searchViaUi(page, server.url, '', { batch: '第一批（2020年底前）' });
      await page.click('#search-more');
      await page.waitForFunction(() => document.querySelectorAll('#search-results > li').length === 20);
      assert.equal(
        await page.evaluate(() => document.activeElement?.textContent),
        await page.evaluate(() => document.querySelectorAll('#search-results > li')[10]?.querySelector('a')?.textContent),
      );
    });

    it('the header search box on any page leads to results', async () => {
      await page.goto(`${server.url}items/1-1/`);
      await page.type('header input[type="search"]', '驾照');
      await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
      await searchDone(page);
      assert.ok(page.url().startsWith(`${server.url}search/?q=`));
      assert.equal(await textOf(page, '#search-results > li a'), '机动车驾驶证公证');
    });

    it('without JavaScript says search needs it and still leads to every item', async () => {
      const noJs = await newPage(browser, { javaScript: false });
      await noJs.goto(`${server.url}search/?q=${encodeURIComponent('社保卡')}`);
      assert.match((await textOf(noJs, 'main')) ?? '', /搜索需要在浏览器中启用 JavaScript/);
      assert.equal(await isVisible(noJs, '#search-none'), false);
      assert.equal(await isVisible(noJs, '#search-app'), false);
      await Promise.all([noJs.waitForNavigation(), tap(noJs, await linkNamed(noJs, `全部 ${catalog.declaredTotal} 项事项（一页列出）`, 'main'))]);
      assert.match(new URL(noJs.url()).pathname, /\/items\/$/);
      // page.evaluate, not $$eval: puppeteer's query helpers wait on a promise in the page, which Firefox never runs here.
      const links = await noJs.evaluate(() => [...document.querySelectorAll<HTMLAnchorElement>('main a[href*="/items/"]')].map((a) => a.pathname));
      assert.equal(new Set(links.filter((p) => ITEM_URL_RE.test(p))).size, catalog.declaredTotal);
      await noJs.close();
    });
  });
}
