import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  decodeGenericWords,
  decodeItemFacets,
  encodeGenericWords,
  encodeItemFacets,
  facetConflicts,
  facetWords,
  genericWords,
  limitWords,
} from './facet-match.ts';
import { queryFacets } from './query-facets.ts';
import type { GenericWords } from '../source/facets.ts';

describe('facets compared', () => {
  const entries = [
    { say: ['装修'], facet: 'purpose=装修' },
    { say: ['给员工'], facet: 'who=单位' },
  ];
  const items = decodeItemFacets(encodeItemFacets([{ id: '3-25', action: ['提取'], who: ['个人'], limits: { purpose: ['购房'] } }]));

  it('reads the facets a query states', () => {
    assert.deepEqual(queryFacets('给员工装修提取公积金', entries), { who: ['单位'], purpose: ['装修'] });
    assert.deepEqual(queryFacets('提取公积金', entries), {});
  });

  it('finds a query facet the item’s own limit contradicts, and an action the item does not do', () => {
    assert.deepEqual(facetConflicts({ purpose: ['装修'] }, items.get('3-25')), [{ kind: 'purpose', query: '装修', item: ['购房'] }]);
    assert.deepEqual(facetConflicts({ purpose: ['购房'] }, items.get('3-25')), []);
    assert.deepEqual(facetConflicts({}, items.get('3-25'), [{ say: '交', means: ['缴存', '参保'] }]), [{ kind: 'action', query: '交', item: ['提取'] }]);
    assert.deepEqual(facetConflicts({}, items.get('3-25'), [{ say: '取', means: ['提取'] }]), []);
    assert.deepEqual(facetConflicts({ scheme: ['职工'] }, items.get('3-25')), [], 'a kind the item does not state is no conflict');
    assert.deepEqual(facetConflicts({ purpose: ['装修'] }, items.get('n1')), [], 'an item without facets (a new one) has no conflict');
  });

  it('finds the query words an item accounts for by its object, action or who, with the item’s value each names', () => {
    const vocabulary: GenericWords[] = decodeGenericWords(
      encodeGenericWords([
        { of: 'object', is: ['卡'], say: ['实体', '卡片'] },
        { of: 'action', is: ['变更', '变更登记'], say: ['增加'] },
        { of: 'who', is: ['个人'], say: ['两口子'] },
        { of: 'person', is: ['大中专学生毕业'], say: ['学校'] },
      ]),
    );
    const [card, change, graduate] = [
      { id: '2-13', object: '社会保障卡', action: ['申领'], who: ['个人'], limits: {} },
      { id: '3-19', object: '采矿权', action: ['变更登记'], limits: {} },
      { id: '3-5', object: '户口', action: ['迁移'], limits: { person: ['大中专学生毕业'] } },
    ].map((f) => decodeItemFacets(encodeItemFacets([f])).get(f.id));
    assert.deepEqual([...genericWords(graduate, vocabulary)], [['学校', '大中专学生毕业']], 'the people the item is limited to');
    assert.deepEqual(
      [...genericWords(card, vocabulary)],
      [
        ['实体', '社会保障卡'],
        ['卡片', '社会保障卡'],
        ['两口子', '个人'],
      ],
    );
    assert.deepEqual([...genericWords(change, vocabulary)], [['增加', '变更登记']]);
    assert.deepEqual([...genericWords(undefined, vocabulary)], [], 'an item without facets accounts for nothing');
    // A query word that names the item's action by its generic word (增加) says the item's action.
    const permit = { say: '许可', means: ['许可'] };
    assert.deepEqual(facetConflicts({}, change, [permit]), [{ kind: 'action', query: '许可', item: ['变更登记'] }]);
    assert.deepEqual(facetConflicts({}, change, [permit], genericWords(change, vocabulary), ['采矿', '许可', '增加']), []);
  });

  it('reads a query word that states a limit, and finds it said by an item with that limit', () => {
    const cars = [{ say: ['小轿车', '轿车'], facet: 'vehicle=小型非营运' }];
    const stated = facetWords([{ say: '轿车' }, { say: '过户' }], '外地买的小轿车转过户', cars);
    assert.deepEqual(stated, [{ say: '轿车', kind: 'vehicle', value: '小型非营运' }]);
    assert.deepEqual([...limitWords({ vehicle: ['小型非营运'] }, stated)], [['轿车', '小型非营运']]);
    assert.deepEqual([...limitWords({ vehicle: ['营运'] }, stated)], [], 'another limit is no match');
    assert.deepEqual([...limitWords(undefined, stated)], []);
  });

  it('counts who applies as no part an item lacks where the item names nobody, and as a conflict where it names another', () => {
    const who = [{ say: '个人', kind: 'who', value: '个人' }];
    assert.deepEqual([...limitWords({ action: ['变更登记'] }, who)], [['个人', '个人']], 'an item that names no applicant');
    assert.deepEqual([...limitWords({ action: ['登记开户'], who: ['单位'] }, who)], [], 'an item for units');
    assert.deepEqual(facetConflicts({ who: ['个人'] }, { action: ['登记开户'], who: ['单位'] }), [{ kind: 'who', query: '个人', item: ['单位'] }]);
  });
});
