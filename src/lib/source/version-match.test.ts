import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseIdentities, type IdentityRecord } from './identities.ts';
import { SourceError } from '../core/source-error.ts';
import { changeCount } from './table-diff.ts';
import { tableHistory } from './version-match.ts';
import { fixtureSeed } from '../../../tests/harness/inputs.ts';

const v1 = fixtureSeed('v1', 'seeds/000_v1.txt');
const second = (name: string) => fixtureSeed(name, 'seeds/001_v2.txt');
const unrecorded: IdentityRecord = { file: 'content/identities.yaml', versions: [] };
const rowOf = (rows: { id: string; cells: { name: string } }[], name: string) => rows.find((r) => r.cells.name === name);

/** A record of v1 and, when given, the second version with these decisions (YAML lines). */
function record(v2?: { sha256: string; decisions: string }): IdentityRecord {
  const text = [
    'versions:',
    `  - seed: ${v1.file}`,
    `    sha256: ${v1.sha256}`,
    '    received: 2026-11-27',
    ...(v2 ? ['  - seed: seeds/001_v2.txt', `    sha256: ${v2.sha256}`, '    received: 2027-01-15', v2.decisions] : []),
  ].join('\n');
  return parseIdentities(text, 'content/identities.yaml');
}

describe('tableHistory', () => {
  it('gives the first version its positions as permanent ids', () => {
    const { versions, dropped } = tableHistory([v1], record());
    const rows = versions[0]!.rows;
    assert.equal(rows.length, v1.table.declaredTotal);
    for (const r of rows) assert.equal(r.id, `${r.batch}-${r.number}`);
    assert.deepEqual(dropped, []);
  });

  it('maps an identical re-issue 1:1 and reports no change', () => {
    const again = second('v1');
    const { versions } = tableHistory([v1, again], unrecorded);
    assert.deepEqual(
      versions[1]!.rows.map((r) => r.id),
      versions[0]!.rows.map((r) => r.id),
    );
    assert.equal(changeCount(versions[1]!.changes!), 0);
  });

  it('keeps every item its id across an insertion, and gives the new item a new id', () => {
    const { versions, warnings } = tableHistory([v1, second('v2-insertion')], unrecorded);
    const [before, after] = [versions[0]!.rows, versions[1]!.rows];
    for (const r of before) assert.equal(rowOf(after, r.cells.name)?.id, r.id, r.cells.name);
    const changes = versions[1]!.changes!;
    assert.deepEqual(
      changes.added.map((r) => [r.id, r.batch, r.number]),
      [['n1', 1, 5]],
    );
    assert.equal(changeCount(changes), 1);
    // The items after it are renumbered, not moved.
    assert.equal(changes.renumbered, v1.table.sections[0]!.declaredCount - 4);
    assert.match(
      warnings.at(-1)!.message,
      /seeds\/001_v2\.txt is not recorded yet[^]*added:\n {6}- \{ id: n1, batch: 1, number: 5, name: 职业技能等级证书查询核验 \}/,
    );
  });

  it('keeps a dropped item as dropped, with its last known row', () => {
    const { versions, dropped } = tableHistory([v1, second('v2-drop')], unrecorded);
    assert.deepEqual(
      dropped.map((d) => [d.row.id, d.row.cells.name, d.lastListed.seed]),
      [['2-34', '申请停止使用邮资凭证审批', v1.file]],
    );
    assert.equal(changeCount(versions[1]!.changes!), 1);
  });

  it('recognises a rename at the same position with the same scenario', () => {
    const { versions } = tableHistory([v1, second('v2-rename')], unrecorded);
    assert.deepEqual(versions[1]!.changes!.renamed, [
      { id: '3-43', before: '社会保险参保缴费记录查询', after: '社会保险参保缴费记录查询打印', basis: 'position' },
    ]);
    assert.equal(changeCount(versions[1]!.changes!), 1);
  });

  it('stops on an ambiguous rename, naming the row, the candidates and the file for the decision', () => {
    const v2 = second('v2-ambiguous');
    const line = v2.table.sections[0]!.rows[20]!.line;
    assert.throws(
      () => tableHistory([v1, v2], unrecorded),
      (e: unknown) =>
        e instanceof SourceError &&
        e.file === 'seeds/001_v2.txt' &&
        e.line === line &&
        /1-21 "[^"]+" \(same position and scenario\); 3-9 "[^"]+" \(same scenario and lead\)/.test(e.message) &&
        /Decide in content\/identities\.yaml, in the entry for seeds\/001_v2\.txt/.test(e.message),
    );
  });

  it('builds an ambiguous rename once the decision is recorded', () => {
    const v2 = second('v2-ambiguous');
    const name = v2.table.sections[0]!.rows[20]!.cells.name;
    const { versions } = tableHistory(
      [v1, v2],
      record({ sha256: v2.sha256, decisions: `    renamed:\n      - { id: 1-21, batch: 1, number: 21, name: ${name} }` }),
    );
    assert.deepEqual(
      versions[1]!.changes!.renamed.map((r) => [r.id, r.basis]),
      [
        ['1-21', 'recorded'],
        ['3-9', 'position'],
      ],
    );
  });

  it('prints exactly the six changes of the issue’s example', () => {
    const { versions } = tableHistory([v1, second('v2-six-changes')], unrecorded);
    const c = versions[1]!.changes!;
    assert.deepEqual(
      c.added.map((r) => [r.id, r.batch, r.number, r.cells.name]),
      [
        ['n1', 1, 5, '职业技能等级证书查询核验'],
        ['n2', 3, 46, '职工生育津贴申领'],
      ],
    );
    assert.deepEqual(
      c.dropped.map((r) => r.id),
      ['2-34'],
    );
    assert.deepEqual(
      c.renamed.map((r) => r.id),
      ['3-43'],
    );
    assert.deepEqual(
      c.changed.map((r) => [r.id, r.field]),
      [
        ['2-1', 'scenario'],
        ['3-40', 'lead'],
      ],
    );
    assert.deepEqual(c.moved, []);
    assert.equal(changeCount(c), 6);
  });

  it('requires a recorded version to record its new items’ ids, and never reuses one', () => {
    const v2 = second('v2-insertion');
    assert.throws(
      () => tableHistory([v1, v2], record({ sha256: v2.sha256, decisions: '' })),
      /is a new item, and its id is not recorded: add "- \{ id: n1, batch: 1, number: 5/,
    );
    const decided = record({ sha256: v2.sha256, decisions: '    added:\n      - { id: n7, batch: 1, number: 5, name: 职业技能等级证书查询核验 }' });
    assert.equal(tableHistory([v1, v2], decided).versions[1]!.rows[4]!.id, 'n7');
    assert.throws(
      () => record({ sha256: v2.sha256, decisions: '    added:\n      - { id: 1-5, batch: 1, number: 5, name: 职业技能等级证书查询核验 }' }),
      /a new item's id must look like n1, not "1-5"/,
    );
  });

  it('stops when a recorded seed is not the file in seeds/', () => {
    const v2 = second('v2-drop');
    assert.throws(() => tableHistory([v1, v2], record({ sha256: v1.sha256, decisions: '' })), /seeds\/001_v2\.txt is not the recorded table: its SHA-256 is/);
  });
});
