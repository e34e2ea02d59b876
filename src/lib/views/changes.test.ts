import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { changeSections, itemChangeLine, versionName } from './changes.ts';
import { tableHistory } from '../source/version-match.ts';
import { fixtureSeed } from '../../../tests/harness/inputs.ts';

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

describe('change log sections', () => {
  it('list the six changes of the issue’s example, each kind once, renumbering left out', () => {
    const versions = tableHistory([fixtureSeed('v1', 'seeds/000_v1.txt'), fixtureSeed('v2-six-changes', 'seeds/001_v2.txt')], {
      file: 'content/identities.yaml',
      versions: [],
    }).versions;
    const lines = changeSections(versions[1]!.changes!).map((s) => [s.heading, ...s.entries.map((e) => `${e.before}[${e.name} ${e.id}]${e.after}`)]);
    assert.deepEqual(lines, [
      ['新列入的事项（2 项）', '[职业技能等级证书查询核验 n1]（第一批第5项）', '[职工生育津贴申领 n2]（第三批第46项）'],
      ['不再列出的事项（1 项）', '[申请停止使用邮资凭证审批 2-34]（上一版的第二批第34项）'],
      ['改名的事项（1 项）', '“社会保险参保缴费记录查询”改名为“[社会保险参保缴费记录查询打印 3-43]”'],
      [
        '内容有改动的事项（2 处）',
        '[孤儿救助资格认定 2-1]的应用场景：由“申请人可异地申请孤儿救助资格认定，不受户籍地限制。”改为“申请人可异地申请孤儿救助资格认定，不受户籍地限制，可网上申请。”',
        '[结婚登记 3-40]的牵头单位：由“市民政局”改为“市公安局”',
      ],
    ]);
  });

  it('are empty for an identical re-issue', () => {
    const v1 = fixtureSeed('v1', 'seeds/000_v1.txt');
    const versions = tableHistory([v1, fixtureSeed('v1', 'seeds/001_v2.txt')], { file: 'content/identities.yaml', versions: [] }).versions;
    assert.deepEqual(changeSections(versions[1]!.changes!), []);
  });
});
