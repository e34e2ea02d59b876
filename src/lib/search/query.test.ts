import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readProjectFile } from '../../../tests/harness/inputs.ts';
import { parseLexicon } from '../source/lexicon.ts';
import { compactEntry } from './rules.ts';
import { latinReader } from './latin.ts';
import { restReader } from './rest.ts';
import { highlightTerms, highlightWords, MAX_QUERY_LENGTH, MAX_SEARCHES, mergeHits, normalizeQuery, planQuery, readAsNote } from './query.ts';
import { suggestTerms } from './suggest.ts';

const lexicon = [
  // The real phrasing data (verbs, fillers, places…), with a few service words of the test's own.
  ...parseLexicon(readProjectFile('content/phrasing.yaml'), 'content/phrasing.yaml').map(compactEntry),
  { say: ['社保卡'], means: ['社会保障卡'] },
  { say: ['开公司'], means: ['企业 设立登记'] },
  { say: ['医保'], means: ['医疗保险', '医保'] },
  { say: ['纳税证明'], means: [], related: ['纳税状况公证'] },
];
const segment = (text: string) => [...new Intl.Segmenter('zh-CN', { granularity: 'word' }).segment(text)].filter((s) => s.isWordLike).map((s) => s.segment);

describe('normalizeQuery', () => {
  it('folds full-width forms and case, and turns punctuation and emoji into spaces', () => {
    assert.equal(normalizeQuery('ＳＨＥＢＡＯＫＡ'), 'shebaoka');
    assert.equal(normalizeQuery('社保卡　补办！！'), '社保卡 补办');
    assert.equal(normalizeQuery('🙂社保卡🙂'), '社保卡');
    assert.equal(normalizeQuery('<script>alert(1)</script>'), 'script alert 1 script');
    assert.equal(normalizeQuery('   '), '');
    assert.equal(normalizeQuery('？！…“”'), '');
  });

  it('caps the length instead of failing', () => {
    assert.equal([...normalizeQuery('社'.repeat(500))].length, MAX_QUERY_LENGTH);
  });
});

describe('planQuery', () => {
  it('searches the whole query first (for full names), then every wording of the things it names', () => {
    const plan = planQuery('社保卡补办', lexicon, segment);
    assert.equal(plan.searches[0], '社保卡补办');
    for (const s of ['社保卡', '社会保障卡']) assert.ok(plan.searches.includes(s), s);
    // An item with the action alone is never a result when a thing is named: the action's wordings are not searched.
    for (const s of ['补领', '补办']) assert.ok(!plan.searches.includes(s), s);
    for (const s of ['补领', '补办']) assert.ok(planQuery('补办', lexicon, segment).searches.includes(s), `${s} alone`);
    assert.ok(plan.searches.length <= MAX_SEARCHES);
    assert.ok(planQuery('我要开公司', lexicon, segment).searches.includes('企业 设立登记'));
    assert.ok(planQuery('纳税证明', lexicon, segment).searches.includes('纳税状况公证'), 'related services are searched too');
  });

  it('says what a mistyped word was read as, and nothing when none was', () => {
    assert.equal(readAsNote(planQuery('社宝卡补办', lexicon, segment, new Set(), undefined, restReader)), '已按“社保卡”查找。');
    assert.equal(readAsNote(planQuery('社保卡补办', lexicon, segment, new Set(), undefined, restReader)), '');
  });

  it('says when a stretch no phrase covers was read without the typo reader, which the engine then loads', () => {
    assert.equal(planQuery('社宝卡补办', lexicon, segment).unread, true);
    assert.equal(readAsNote(planQuery('社宝卡补办', lexicon, segment)), '', 'no typo read without the reader');
    assert.equal(planQuery('社宝卡补办', lexicon, segment, new Set(), undefined, restReader).unread, undefined);
    assert.equal(planQuery('社保卡补办', lexicon, segment).unread, undefined, 'a query the phrasing reads whole needs no typo reader');
  });

  it('joins pinyin typed with spaces', () => {
    assert.deepEqual(
      planQuery('she bao ka', lexicon, segment, new Set(), latinReader(lexicon), restReader).concepts.map((c) => c.say),
      ['shebaoka'],
    );
  });

  it('searches nothing when nothing in the query is meaningful', () => {
    for (const q of [' ！？ ', '的', '我要办', '13812345678', '😂😂']) assert.deepEqual(planQuery(q, lexicon, segment).searches, [], q);
  });
});

describe('mergeHits', () => {
  const hit = (id: string, score: number) => ({ id, score, result: id });

  it('adds up each search’s scores scaled to its best hit, so pages found by more wordings come first', () => {
    const merged = mergeHits([
      [hit('a', 10), hit('b', 5)],
      [hit('b', 40), hit('c', 40)],
    ]);
    assert.deepEqual(
      merged.map((h) => [h.id, h.score]),
      [
        ['b', 1.5],
        ['a', 1],
        ['c', 1],
      ],
    );
  });
});

describe('suggestTerms', () => {
  it('suggests only near misses of known service words, or nothing', () => {
    assert.deepEqual(suggestTerms('社保咔补', ['社保卡', '结婚登记', '社会保障卡补领']), ['社保卡']);
    assert.deepEqual(suggestTerms('量子', ['社保卡', '结婚登记']), []);
    assert.deepEqual(suggestTerms('', ['社保卡']), []);
    // Words that merely look alike are no suggestion: someone asking for a passport means none of these.
    assert.deepEqual(suggestTerms('护照补办', ['护理补贴', '驾照', '执照', '社保卡补办']), []);
    assert.deepEqual(suggestTerms('城乡居民基本养老保险关系转', ['城乡居民基本养老保险']), ['城乡居民基本养老保险']);
  });
});

describe('highlighting', () => {
  it('marks every occurrence of the terms, longest first', () => {
    assert.deepEqual(highlightTerms('申请社会保障卡补领', ['社会保障卡', '社会', '补领']), [
      { text: '申请', marked: false },
      { text: '社会保障卡补领', marked: true },
    ]);
    assert.deepEqual(highlightTerms('<b>', ['b']), [
      { text: '<', marked: false },
      { text: 'b', marked: true },
      { text: '>', marked: false },
    ]);
  });

  it('highlights each concept as typed and its official wordings', () => {
    const words = highlightWords(planQuery('社保卡补办', lexicon, segment));
    assert.ok(words.includes('社会保障卡') && words.includes('补领'));
  });
});
