import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { itemChangeLine, versionName } from './changes.ts';

const none = { received: '2027-01-15', added: false, renamedFrom: null, movedFrom: null, changed: [] };

describe('change lines', () => {
  it('say nothing where the newest version changed nothing', () => {
    assert.equal(itemChangeLine(null), undefined);
    assert.equal(itemChangeLine(none), undefined);
  });

  it('say what the newest version did to an item, with the day it was received', () => {
    assert.equal(itemChangeLine({ ...none, added: true }), '本事项是2027年1月15日收到的最新一版原表新列入的事项。');
    assert.equal(
      itemChangeLine({ ...none, renamedFrom: '旧名', movedFrom: { batch: 1, number: 5 }, changed: ['scenario', 'lead'] }),
      '在2027年1月15日收到的最新一版原表中，本事项名称由“旧名”改为现名；位置由第一批第5项调整为现在的位置；应用场景、牵头单位有改动。',
    );
  });

  it('never make up a date the record does not have', () => {
    assert.equal(versionName(null), '最新一版原表（本站尚未登记收到日期）');
    assert.equal(itemChangeLine({ ...none, received: null, added: true }), '本事项是最新一版原表（本站尚未登记收到日期）新列入的事项。');
  });
});
