import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { diffVersions, type IdentifiedRow } from './table-diff.ts';

const row = (id: string, batch: 1 | 2 | 3, number: number, name: string, lead = '市人社局'): IdentifiedRow => ({
  id,
  batch,
  number,
  line: number + 10,
  cells: { name, scenario: `${name}的场景`, lead, cooperating: '', remark: '' },
});
const before = [row('1-1', 1, 1, '甲'), row('1-2', 1, 2, '乙'), row('1-3', 1, 3, '丙'), row('1-4', 1, 4, '丁'), row('2-1', 2, 1, '戊')];

describe('diffVersions', () => {
  it('finds nothing between identical versions', () => {
    const d = diffVersions(before, before);
    assert.deepEqual(d, { added: [], dropped: [], renamed: [], moved: [], changed: [], renumbered: 0 });
  });

  it('reports each changed cell with before and after, by id', () => {
    const after = before.map((r) => (r.id === '1-3' ? { ...r, cells: { ...r.cells, lead: '市公安局' } } : r));
    assert.deepEqual(diffVersions(before, after).changed, [{ id: '1-3', name: '丙', field: 'lead', before: '市人社局', after: '市公安局' }]);
  });

  it('renumbers the rows after an insertion without calling them moved', () => {
    const after = [row('1-1', 1, 1, '甲'), row('n1', 1, 2, '新'), row('1-2', 1, 3, '乙'), row('1-3', 1, 4, '丙'), row('1-4', 1, 5, '丁'), before[4]!];
    const d = diffVersions(before, after);
    assert.deepEqual(
      d.added.map((r) => r.id),
      ['n1'],
    );
    assert.deepEqual(d.moved, []);
    assert.equal(d.renumbered, 3);
  });

  it('reports the fewest moved items when the order changes, and a change of batch', () => {
    const after = [
      row('1-1', 1, 1, '甲'),
      row('1-3', 1, 2, '丙'),
      row('1-4', 1, 3, '丁'),
      row('1-2', 1, 4, '乙'),
      row('2-1', 2, 1, '戊'),
      row('x', 2, 2, 'x'),
    ].filter((r) => r.id !== 'x');
    assert.deepEqual(
      diffVersions(before, after).moved.map((m) => [m.id, m.from.number, m.to.number]),
      [['1-2', 2, 4]],
    );
    const rebatched = [before[0]!, before[1]!, before[2]!, row('1-4', 2, 1, '丁'), row('2-1', 2, 2, '戊')];
    assert.deepEqual(
      diffVersions(before, rebatched).moved.map((m) => [m.id, m.from.batch, m.to.batch]),
      [['1-4', 1, 2]],
    );
  });
});
