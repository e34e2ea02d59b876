import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyCorrections, parseCorrections, type Correction } from './corrections.ts';
import { SourceError } from '../core/source-error.ts';

const cells = { name: '甲', scenario: '转出地与转出地协同', lead: '', cooperating: '市人社局局长', remark: '' };
const correction = (over: Partial<Correction>): Correction => ({
  action: 'correct',
  items: ['3-28'],
  field: 'scenario',
  original: '转出地与转出地',
  corrected: '转入地与转出地',
  inferred: false,
  reason: '笔误',
  file: 'c.yaml',
  line: 7,
  ...over,
});

describe('applyCorrections', () => {
  it('replaces the original fragment and records a note', () => {
    const { cells: out, notes } = applyCorrections('3-28', cells, [correction({})]);
    assert.equal(out.scenario, '转入地与转出地协同');
    assert.equal(cells.scenario, '转出地与转出地协同', 'input untouched');
    assert.deepEqual(notes, [
      { field: 'scenario', original: '转出地与转出地', corrected: '转入地与转出地', inferred: false, reason: '笔误', kind: 'correction' },
    ]);
  });

  it('fills an empty cell only when it is still empty', () => {
    const fill = correction({ field: 'lead', original: '', corrected: '市人社局', inferred: true });
    assert.equal(applyCorrections('3-28', cells, [fill]).cells.lead, '市人社局');
    assert.throws(() => applyCorrections('3-28', { ...cells, lead: '市民政局' }, [fill]), /c\.yaml:7: .*expects an empty cell/);
  });

  it('ignores corrections for other items', () => {
    assert.deepEqual(applyCorrections('1-1', cells, [correction({})]), { cells, notes: [] });
  });

  it('refuses an original that is missing or ambiguous', () => {
    assert.throws(
      () => applyCorrections('3-28', { ...cells, scenario: '无' }, [correction({})]),
      (e: unknown) => e instanceof SourceError && /not there/.test(e.message),
    );
    assert.throws(() => applyCorrections('3-28', { ...cells, scenario: '转出地与转出地，转出地与转出地' }, [correction({})]), /occurs 2 times/);
  });
});

describe('parseCorrections', () => {
  it('reads entries with their lines and resolves YAML aliases', () => {
    const text =
      '- items: [1-1]\n  field: remark\n  original: a\n  corrected: b\n  inferred: false\n  reason: &r 理由\n\n- items: [1-2, 1-3]\n  field: name\n  original: c\n  corrected: d\n  inferred: true\n  reason: *r\n';
    const parsed = parseCorrections(text, 'c.yaml');
    assert.deepEqual(
      parsed.map((c) => [c.line, c.items, c.reason]),
      [
        [1, ['1-1'], '理由'],
        [8, ['1-2', '1-3'], '理由'],
      ],
    );
  });

  it('rejects an unknown field, a bad item id and a missing reason with the entry line', () => {
    const base = '- items: [1-1]\n  field: name\n  original: a\n  corrected: b\n  inferred: false\n  reason: r\n';
    assert.throws(
      () => parseCorrections(`${base}- items: [1-1]\n  field: title\n  original: a\n  corrected: b\n  inferred: false\n  reason: r\n`, 'c.yaml'),
      /^SourceError: c\.yaml:7: invalid correction: field/,
    );
    assert.throws(() => parseCorrections(base.replace('[1-1]', '[batch1]'), 'c.yaml'), /c\.yaml:1: invalid correction: items\.0/);
    assert.throws(() => parseCorrections(base.replace('  reason: r\n', ''), 'c.yaml'), /c\.yaml:1: invalid correction: reason/);
    assert.throws(() => parseCorrections(base.replace('corrected: b', 'corrected: a'), 'c.yaml'), /original and corrected are the same/);
  });

  it('reports YAML syntax errors with a line', () => {
    assert.throws(() => parseCorrections('- items: [1-1\n  field: name\n', 'c.yaml'), /c\.yaml:\d+: invalid YAML/);
  });
});
