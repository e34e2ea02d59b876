import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { catalogPinyinMap, pinyinSpellings } from './terms.ts';
import { segmentWords } from './segment.ts';
import { itemFilterValues, filterOptions, NO_REMARK } from './filters.ts';

describe('pinyin', () => {
  it('spells words in full, with initials for three characters or more', () => {
    assert.deepEqual(pinyinSpellings('社保卡'), ['shebaoka', 'sbk']);
    assert.deepEqual(pinyinSpellings('户口'), ['hukou']);
    assert.deepEqual(pinyinSpellings('公积金'), ['gongjijin', 'gjj']);
    assert.deepEqual(pinyinSpellings('abc'), []);
  });

  it('finds an item by the pinyin of its everyday words and of its name’s words', () => {
    const map = catalogPinyinMap(
      [{ name: '结婚登记', scenario: '申请人可办理结婚登记，不受户籍地限制。' }],
      [
        { class: 'service', say: ['领结婚证'], means: ['结婚登记'] },
        { class: 'service', say: ['户口本'], means: ['户籍'] },
        { class: 'group', say: ['新人'], means: ['结婚'] },
      ],
    );
    assert.deepEqual(map.get('jiehun'), ['结婚']);
    assert.deepEqual(map.get('lingjiehunzheng'), ['领结婚证']);
    assert.deepEqual(map.get('ljhz'), ['领结婚证']);
    assert.equal(map.has('hukouben'), false, 'an everyday word the item does not have spells nothing');
    assert.equal(map.has('xinren'), false, 'only service words are words the item is found under');
  });

  it('lists every word a spelling stands for, once, in catalog order', () => {
    const map = catalogPinyinMap(
      [
        { name: '工伤认定', scenario: '' },
        { name: '工商登记', scenario: '' },
        { name: '工伤认定', scenario: '' },
      ],
      [],
    );
    assert.deepEqual(map.get('gongshang'), ['工伤', '工商']);
  });

  it('segments like a browser does', () => {
    assert.deepEqual(segmentWords('我要迁户口！'), ['我要', '迁', '户口']);
  });
});

describe('search filters', () => {
  it('derives the same filter strings the form offers', () => {
    const values = itemFilterValues(
      { batch: 2, lead: ['a', 'b'], remark: null, topics: ['t'] },
      (s) => s.toUpperCase(),
      (t) => `主题${t}`,
    );
    assert.deepEqual(values, { topic: ['主题t'], batch: ['第二批（2021年6月前）'], lead: ['A', 'B'], remark: [NO_REMARK] });
    assert.deepEqual(filterOptions([values, values]).lead, [
      { value: 'A', count: 2 },
      { value: 'B', count: 2 },
    ]);
  });
});
