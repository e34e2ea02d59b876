import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { INFERRED_LEGEND, INFERRED_MARK, inferredMark, leadText, nameOf, withMark } from './item-view.ts';

const inferredLead = { field: 'lead' as const, original: '', corrected: 'hr', inferred: true, reason: 'r', kind: 'correction' as const };
const bureauName = nameOf(
  new Map([
    ['hr', { name: '市人社局' }],
    ['police', { name: '市公安局' }],
  ]),
);

describe('one way to say names and marks', () => {
  it('names a bureau by its short name, and an unknown slug by itself rather than a blank', () => {
    assert.equal(bureauName('hr'), '市人社局');
    assert.equal(bureauName('nowhere'), 'nowhere');
  });

  it('puts a mark after its value in full-width brackets, and leaves an unmarked value bare', () => {
    assert.equal(withMark('市人社局', INFERRED_MARK), '市人社局（本站推定）');
    assert.equal(withMark('市人社局', undefined), '市人社局');
  });

  it('writes the lead bureaus with the inferred mark only where the site inferred them', () => {
    assert.equal(leadText({ lead: ['hr'], notes: [inferredLead] }, bureauName), '市人社局（本站推定）');
    assert.equal(leadText({ lead: ['hr', 'police'], notes: [] }, bureauName), '市人社局、市公安局');
    assert.equal(inferredMark([inferredLead], 'cooperating'), undefined);
  });

  it('explains the mark with the mark itself first', () => {
    assert.ok(INFERRED_LEGEND.startsWith(`${INFERRED_MARK}：`));
  });
});
