import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { decodeItemFacets, encodeItemFacets, facetConflicts, queryFacets } from './facet-match.ts';

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
});
