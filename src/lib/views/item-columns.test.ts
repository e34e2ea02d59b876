import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { BUREAU_COLUMNS, CATALOG_COLUMNS, type CellContext, type ItemRow } from './item-columns.ts';
import { nameOf } from './item-view.ts';

const inferredLead = { field: 'lead' as const, original: '', corrected: 'hr', inferred: true, reason: 'r', kind: 'correction' as const };
const context: CellContext = {
  bureauName: nameOf(new Map([['hr', { name: '市人社局' }]])),
  remarks: {
    省级事权: { short: '由省级部门办理', text: '省级部门的事权' },
    国家级事权: { text: '国家级部门的事权' },
    省委托: { text: '省委托' },
    市级初审上报: { text: '市级初审后上报' },
  },
};
const row: ItemRow = {
  item: { id: '1-07', number: 7, name: '失业登记', batch: 1, lead: ['hr'], notes: [inferredLead], remark: '省级事权' },
  role: '牵头',
};
const cells = (columns: typeof CATALOG_COLUMNS, r: ItemRow, medium: 'screen' | 'paper') => columns.map((c) => c.text(r, medium, context));

describe('the columns a list shows on screen and on paper', () => {
  it('gives the catalog the same four columns in both media, the item name as the row header', () => {
    assert.deepEqual(
      CATALOG_COLUMNS.map((c) => c.header),
      ['序号', '事项', '牵头单位', '备注'],
    );
    assert.deepEqual(
      CATALOG_COLUMNS.filter((c) => c.rowHeader).map((c) => c.header),
      ['事项'],
    );
    assert.deepEqual(cells(CATALOG_COLUMNS, row, 'paper'), ['7', '失业登记', '市人社局（本站推定）', '省级事权']);
  });

  it('explains a remark on screen, keeps the table’s word on paper, and leaves no remark empty in both', () => {
    assert.equal(cells(CATALOG_COLUMNS, row, 'screen')[3], '省级事权（由省级部门办理）');
    const plain = { item: { ...row.item, remark: null } };
    assert.equal(cells(CATALOG_COLUMNS, plain, 'screen')[3], '');
    assert.equal(cells(CATALOG_COLUMNS, plain, 'paper')[3], '');
  });

  it('lists a bureau’s items with the batch and its role, marked where the site inferred it', () => {
    assert.deepEqual(cells(BUREAU_COLUMNS, row, 'paper'), ['第一批', '7', '失业登记', '牵头（本站推定）', '省级事权']);
    assert.equal(cells(BUREAU_COLUMNS, { ...row, role: '配合' }, 'paper')[3], '配合');
  });
});
