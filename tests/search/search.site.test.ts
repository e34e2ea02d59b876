import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
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
import { decodeLatinData } from '../../src/lib/search/pinyin.ts';
import { LATIN_FILE } from '../../src/lib/search/engine.ts';
import { meaningfulScenario, wordingOccursIn } from '../../src/lib/source/wording.ts';
import { segmentWords } from '../../src/lib/search/segment.ts';
import { ALMOST_ALL, broadAnswer } from '../../src/lib/search/scope.ts';
import { sortItems } from '../../src/lib/views/grouping.ts';
import { PROJECT_ROOT, SITES, type SiteName } from '../harness/build.ts';
import { fixture, isHonest, QUERY_SETS } from '../harness/search-ui.ts';

const catalog = loadCatalog(PROJECT_ROOT);

/** Everyday sets still below the 97% goal, with the top-5 count each reached (docs/search.md, Set K 和 Set L). */
const BELOW_GOAL: Record<string, number> = {
  'search-queries.heldout-k.tsv': 201,
  'search-queries.heldout-l.tsv': 205,
  'search-queries.heldout-m.tsv': 212,
};

/** Same-service sets still below the goal of 38 of 40, with the count each reached (docs/search.md). */
const SAME_SERVICE_FLOOR: Record<string, number> = {
  'search-queries.same-service-k.tsv': 27,
  'search-queries.same-service-l.tsv': 35,
  'search-queries.same-service-m.tsv': 33,
  'search-queries.same-service-o.tsv': 36,
  'search-queries.same-service-p.tsv': 33,
  'search-queries.same-service-q.tsv': 29,
};

/** Close-but-different sets with more than one false 匹配, held at the count measured (docs/search.md); none now, the goal is at most 1. */
const FALSE_MATCH_CEILING: Record<string, number> = {};

/**
 * The engine on the built sites in Node (scripts/search.ts and bench-search.ts use it too): fast enough
 * to check every query set on every run. search.browser.test.ts checks that the page shows the same.
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

  // Sets a helper wrote from the item list alone; once measured, each became a regression set. A set still below
  // the 97% goal (issue 26) is held at the count it reached (BELOW_GOAL) until it reaches the goal.
  it('puts an expected item of at least 97% of each held-out everyday set in the top 5', async () => {
    for (const file of QUERY_SETS.filter((f) => /heldout|everyday|sample/.test(f))) {
      const set = fixture(file);
      const missed: string[] = [];
      for (const { query, expected } of set) {
        const top = ids(await ask(query)).slice(0, 5);
        if (!top.some((id) => expected.includes(id))) missed.push(`${query}: got ${top.join(' ') || 'nothing'}, want ${expected.join('/')}`);
      }
      const floor = BELOW_GOAL[file] ?? Math.ceil(set.length * 0.97);
      assert.ok(set.length - missed.length >= floor, `${file}: ${set.length - missed.length} < ${floor}\n${missed.join('\n')}`);
    }
  });

  // The label sets (issue 26): a close-but-different service is shown as 匹配 for at most one query of a set, and
  // no card has two verdicts; a same-service rewording shows its item in the top 5 as 匹配 for at least the count
  // each set reached (the goal is 38 of 40).
  it('labels close-but-different services honestly and same-service rewordings as 匹配', async () => {
    for (const file of QUERY_SETS.filter((f) => f.includes('close-different'))) {
      const claimed: string[] = [];
      for (const { query, expected } of fixture(file)) {
        const answer = await ask(query);
        for (const r of answer.ranked) {
          const lines = reasons({ name: recordName(r.item), tier: r.tier, hits: r.hits, gaps: r.gaps, conflicts: r.conflicts });
          assert.equal(lines.filter((l) => l.className === 'tier').length, 1, `${query}: one verdict per card`);
        }
        const wrong = answer.ranked.find((r) => expected.includes(itemId(r.item.url)) && r.tier === 'full');
        if (wrong) claimed.push(`${query} → ${itemId(wrong.item.url)}`);
      }
      assert.ok(claimed.length <= (FALSE_MATCH_CEILING[file] ?? 1), `${file}:\n${claimed.join('\n')}`);
    }
    for (const file of QUERY_SETS.filter((f) => f.includes('same-service'))) {
      const set = fixture(file);
      let labelled = 0;
      for (const { query, expected } of set) {
        const top = (await ask(query)).ranked.slice(0, 5);
        if (top.some((r) => expected.includes(itemId(r.item.url)) && r.tier === 'full')) labelled++;
      }
      assert.ok(labelled >= (SAME_SERVICE_FLOOR[file] ?? 38), `${file}: ${labelled} of ${set.length} as 匹配`);
    }
  });

  it('reads the items’ facets for a generic word only when no result near the top answers the whole query', async () => {
    const physical = await ask('实体社保卡申领');
    assert.equal(physical.facetsRead, true);
    assert.deepEqual([itemId(physical.ranked[0]!.item.url), physical.ranked[0]!.tier], ['2-13', 'full'], '实体 is a card’s');
    const electronic = physical.ranked.find((r) => itemId(r.item.url) === '1-15');
    assert.notEqual(electronic?.tier, 'full', 'but not the electronic card’s: 实体 contradicts its medium');
    // 社会保障卡补领 answers it: the other card items stay partial, and the search page loads no more than before.
    const lost = await ask('社保卡补办');
    assert.equal(lost.facetsRead, false);
    assert.equal(lost.ranked[0]!.tier, 'full');
  });

  // 户口 said with a place is where a person is registered (the 跨省通办 premise), unless nothing else is left to
  // ask about: then it is the registration to move, the object of the five 户口迁移 items.
  it('reads 户口 with a place as the premise, and as the registration to move when the query asks only to move', async () => {
    const moves = ['3-3', '3-4', '3-5', '3-6', '3-7'];
    for (const query of ['户口在外省想迁到石家庄', '外地户口怎么迁过来']) {
      const top = (await ask(query)).ranked.slice(0, 5);
      assert.deepEqual(top.map((r) => itemId(r.item.url)).sort(), moves, query);
    }
    const insurance = await ask('外地户口能交医保吗');
    assert.equal(itemId(insurance.ranked[0]!.item.url), '3-27', '外地户口 is where the person is registered');
    assert.ok(!insurance.ranked.slice(0, 5).some((r) => moves.includes(itemId(r.item.url))), 'no household move for an insurance question');
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
