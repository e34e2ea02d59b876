import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { baseServiceName, ungroupedSameServicePairs } from './related.ts';

describe('same service across batches', () => {
  it('strips bracketed qualifiers', () => {
    assert.equal(baseServiceName('不动产登记资料查询（省会城市及计划单列市）'), '不动产登记资料查询');
    assert.equal(baseServiceName('生育登记（一孩/二孩）'), '生育登记');
  });

  it('finds ungrouped pairs in different batches only', () => {
    const items = [
      { id: '1-1', batch: 1, name: '甲（试点）' },
      { id: '1-2', batch: 1, name: '甲' },
      { id: '3-1', batch: 3, name: '甲' },
    ];
    assert.deepEqual(ungroupedSameServicePairs(items, []), [
      ['1-1', '3-1'],
      ['1-2', '3-1'],
    ]);
    assert.deepEqual(ungroupedSameServicePairs(items, [{ items: ['1-1', '1-2', '3-1'], note: 'n', basis: 'reading', file: 'f', line: 1 }]), []);
  });
});
