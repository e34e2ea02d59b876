import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseSourceTable } from './parse-table.ts';
import { diffTables } from './table-diff.ts';
import { editLine, lineStartingWith, readProjectFile, SEED_PATH } from '../../../tests/harness/inputs.ts';

const seed = readProjectFile(SEED_PATH);
const parse = (text: string) => parseSourceTable(text, SEED_PATH);

describe('diffTables', () => {
  it('finds nothing between identical tables', () => {
    assert.deepEqual(diffTables(parse(seed), parse(seed)), { added: [], removed: [], changed: [] });
  });

  it('reports each changed cell with before and after', () => {
    const line = lineStartingWith(seed, '40\t结婚登记');
    const after = parse(editLine(seed, line, (l) => l.replace('市民政局', '市公安局')));
    assert.deepEqual(diffTables(parse(seed), after).changed, [{ id: '3-40', field: 'lead', before: '市民政局', after: '市公安局' }]);
  });

  it('reports added and removed items', () => {
    const line = lineStartingWith(seed, '45\t生育保险');
    const heading = lineStartingWith(seed, '三、');
    const shorter = editLine(
      editLine(
        editLine(seed, line, () => null),
        heading,
        (l) => l.replace('45项', '44项'),
      ),
      lineStartingWith(seed, '(共'),
      () => '(共 137 项)',
    );
    assert.deepEqual(diffTables(parse(seed), parse(shorter)), { added: [], removed: ['3-45'], changed: [] });
    assert.deepEqual(diffTables(parse(shorter), parse(seed)), { added: ['3-45'], removed: [], changed: [] });
  });
});
