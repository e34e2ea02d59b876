import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  findSynonyms,
  highlightTerms,
  highlightWords,
  MAX_QUERY_LENGTH,
  MAX_VARIANTS,
  mergeHits,
  normalizeQuery,
  planQuery,
  rankByName,
  stripFillers,
  suggestTerms,
} from './search-query.ts';

const lexicon = [
  { say: ['社保卡', '社保'], means: ['社会保障卡'] },
  { say: ['补办', '丢了'], means: ['补领', '挂失'] },
  { say: ['开公司'], means: ['企业 设立登记'] },
  { say: ['医保'], means: ['医疗保险', '医保'] },
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

describe('findSynonyms', () => {
  it('finds the longest everyday words, in query order, without overlap', () => {
    assert.deepEqual(findSynonyms('社保卡补办', lexicon), [
      { say: '社保卡', means: ['社会保障卡'] },
      { say: '补办', means: ['补领', '挂失'] },
    ]);
  });

  it('does not expand a word into itself', () => {
    assert.deepEqual(findSynonyms('医保', lexicon), [{ say: '医保', means: ['医疗保险'] }]);
    assert.deepEqual(findSynonyms('结婚登记', lexicon), []);
  });
});

describe('planQuery', () => {
  it('searches the query itself first, then official wordings', () => {
    const plan = planQuery('社保卡补办', lexicon, segment);
    assert.equal(plan.variants[0], '社保卡补办');
    assert.ok(plan.variants.includes('社会保障卡 补领'));
    assert.ok(plan.variants.includes('社会保障卡 挂失'));
    assert.ok(plan.variants.length <= MAX_VARIANTS);
    const weight = (v: string) => plan.weights[plan.variants.indexOf(v)]!;
    assert.equal(weight('社保卡补办'), 1);
    assert.ok(weight('社会保障卡 补领') > weight('社会保障卡 挂失'), 'the first wording is the likeliest');
  });

  it('drops spoken fillers and joins spaced pinyin', () => {
    assert.ok(planQuery('我要开公司', lexicon).variants.includes('企业 设立登记'));
    assert.equal(stripFillers('我要迁户口'), '迁户口');
    assert.equal(stripFillers('怎么办理身份证'), '身份证');
    assert.equal(stripFillers('我要'), '我要', 'a query of fillers only is kept');
    assert.ok(planQuery('she bao ka', lexicon).variants.includes('shebaoka'));
  });

  it('plans nothing for an empty or unsearchable query', () => {
    assert.deepEqual(planQuery(' ！？ ', lexicon), { query: '', variants: [], weights: [], synonyms: [], relaxed: [] });
  });

  it('keeps single words for the fallback search', () => {
    const plan = planQuery('买房取公积金', [{ say: ['取公积金'], means: ['提取住房公积金'] }], segment);
    assert.ok(plan.relaxed.length >= 2);
    assert.ok(plan.relaxed.every((w) => [...w].length >= 2));
  });
});

describe('mergeHits', () => {
  const hit = (id: string, score: number) => ({ id, score, result: id });

  it('keeps each page’s best score and weights expanded variants lower', () => {
    const merged = mergeHits([[hit('a', 10)], [hit('a', 20), hit('b', 10.5)]], [1, 0.9]);
    assert.deepEqual(merged.map((h) => [h.id, Math.round(h.score * 100) / 100]), [
      ['a', 18],
      ['b', 9.45],
    ]);
  });

  it('adds scores up in sum mode', () => {
    assert.deepEqual(mergeHits([[hit('a', 1), hit('b', 3)], [hit('a', 3)]], [], 'sum').map((h) => [h.id, h.score]), [
      ['a', 4],
      ['b', 3],
    ]);
  });
});

describe('rankByName', () => {
  it('puts the exact name first, then names containing the query', () => {
    const names = ['电子社会保障卡申领', '社会保障卡补领、换领、换发', '社会保障卡申领', '失业登记'];
    assert.deepEqual(rankByName(names, '社会保障卡申领', (n) => n), ['社会保障卡申领', '电子社会保障卡申领', '社会保障卡补领、换领、换发', '失业登记']);
    assert.deepEqual(rankByName(names, '社会保障卡申领（', (n) => n)[0], '社会保障卡申领');
  });
});

describe('suggestTerms', () => {
  it('suggests close terms for a query that found nothing', () => {
    assert.deepEqual(suggestTerms('社保卡补', ['社保卡', '结婚登记', '社会保障卡补领']).slice(0, 2), ['社保卡', '社会保障卡补领']);
    assert.deepEqual(suggestTerms('量子', ['社保卡', '结婚登记']), []);
    assert.deepEqual(suggestTerms('', ['社保卡']), []);
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

  it('highlights the dictionary words of long tokens', () => {
    const words = highlightWords(planQuery('社保卡补办', lexicon, segment), segment);
    assert.ok(words.includes('社会保障卡') && words.includes('补领'));
  });
});
