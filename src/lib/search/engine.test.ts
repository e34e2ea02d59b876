import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { recordName, recordScenario, type IndexRecord } from './engine.ts';

const record = (content: string, meta: IndexRecord['meta'] = {}): IndexRecord => ({ url: '/items/3-40/', content, meta });

describe('a search record read back from Pagefind’s content', () => {
  it('has its name up to the first space, whether Pagefind closed it with “. ” or, after a bracket, a space alone', () => {
    const plain = record('结婚登记. 申请人可在所在地婚姻登记机关办理结婚登记.');
    assert.deepEqual([recordName(plain), recordScenario(plain)], ['结婚登记', '申请人可在所在地婚姻登记机关办理结婚登记']);
    const bracket = record('生育登记（一孩/二孩） 申请人可异地网上申请生育登记（一孩/二孩）');
    assert.deepEqual([recordName(bracket), recordScenario(bracket)], ['生育登记（一孩/二孩）', '申请人可异地网上申请生育登记（一孩/二孩）']);
  });

  it('prefers a title kept as metadata', () => {
    assert.equal(recordName(record('结婚登记. 申请人….', { title: '结婚登记' })), '结婚登记');
  });
});
