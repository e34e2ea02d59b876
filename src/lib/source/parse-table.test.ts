import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseSourceTable } from './parse-table.ts';
import { SourceError } from '../core/source-error.ts';
import { editLine, FROZEN_SEED, lineStartingWith } from '../../../tests/harness/inputs.ts';

// The parser's own tests run on the frozen first table, whatever seeds/ holds later.
const SEED_PATH = 'tests/fixtures/tables/v1.txt';
const seed = FROZEN_SEED;

/** Asserts that parsing `text` fails at `line` with a message matching `problem`, naming the file and the text. */
function assertFailsAt(text: string, line: number, problem: RegExp) {
  assert.throws(
    () => parseSourceTable(text, SEED_PATH),
    (error: unknown) => {
      assert.ok(error instanceof SourceError, `expected a SourceError, got ${String(error)}`);
      assert.equal(error.file, SEED_PATH);
      assert.equal(error.line, line);
      assert.match(error.message, problem);
      assert.ok(error.message.startsWith(`${SEED_PATH}:${line}: `), error.message);
      assert.equal(error.text, text.split('\n')[line - 1]);
      return true;
    },
  );
}

describe('parseSourceTable on the real table', () => {
  const table = parseSourceTable(seed, SEED_PATH);

  it('finds the title, the declared total and three sections with their declared counts', () => {
    assert.equal(table.title, '政务服务“跨省通办”任务分工表');
    assert.equal(table.declaredTotal, 138);
    assert.deepEqual(
      table.sections.map((s) => [s.batch, s.declaredCount, s.rows.length]),
      [
        [1, 58, 58],
        [2, 35, 35],
        [3, 45, 45],
      ],
    );
  });

  it('numbers every section 1..N and records each row’s line', () => {
    for (const section of table.sections) {
      assert.deepEqual(
        section.rows.map((r) => r.number),
        section.rows.map((_, i) => i + 1),
      );
    }
    const row = table.sections[1]!.rows[14]!;
    assert.equal(row.number, 15);
    assert.equal(row.line, lineStartingWith(seed, '15\t社会保障卡补领'));
    assert.equal(row.cells.name, '社会保障卡补领、换领、换发');
  });

  it('keeps raw cells exactly, defects included', () => {
    const rows = table.sections.flatMap((s) => s.rows);
    const find = (batch: number, n: number) => rows.find((r) => r.batch === batch && r.number === n)!;
    assert.equal(find(1, 8).cells.lead, '');
    assert.equal(find(2, 19).cells.lead, '市公安局、市人社局');
    assert.equal(find(2, 19).cells.cooperating, '');
    assert.equal(find(3, 29).cells.cooperating, '市人社局局长');
    assert.match(find(2, 17).cells.scenario, /等級/);
  });

  it('accepts a byte order mark and CRLF line ends', () => {
    const crlf = `\uFEFF${seed.split('\n').join('\r\n')}`;
    const table2 = parseSourceTable(crlf, SEED_PATH);
    assert.deepEqual(
      table2.sections.flatMap((s) => s.rows.map((r) => r.cells)),
      table.sections.flatMap((s) => s.rows.map((r) => r.cells)),
    );
  });
});

describe('parseSourceTable on broken tables', () => {
  it('rejects a row that lost a cell', () => {
    const line = lineStartingWith(seed, '3\t机动车驾驶证公证');
    assertFailsAt(
      editLine(seed, line, (l) => l.replace('\t市公安局', '')),
      line,
      /expected 6 tab-separated cells, found 5/,
    );
  });

  it('rejects a row with an extra cell', () => {
    const line = lineStartingWith(seed, '5\t失业登记');
    assertFailsAt(
      editLine(seed, line, (l) => `${l}\t多余`),
      line,
      /expected 6 tab-separated cells, found 7/,
    );
  });

  it('rejects a repeated number', () => {
    const line = lineStartingWith(seed, '3\t机动车驾驶证公证');
    assertFailsAt(
      editLine(seed, line, (l) => l.replace(/^3\t/, '2\t')),
      line,
      /repeated item number 2 in section 1/,
    );
  });

  it('rejects a skipped number', () => {
    const line = lineStartingWith(seed, '3\t机动车驾驶证公证');
    assertFailsAt(
      editLine(seed, line, (l) => l.replace(/^3\t/, '4\t')),
      line,
      /skipped item number: expected 3 in section 1, found 4/,
    );
  });

  it('rejects a section whose declared count is wrong', () => {
    const line = lineStartingWith(seed, '二、2021年6月前');
    assertFailsAt(
      editLine(seed, line, (l) => l.replace('35项', '36项')),
      line,
      /section 2 declares 36 items but lists 35/,
    );
  });

  it('rejects a missing row through the declared count', () => {
    const line = lineStartingWith(seed, '45\t生育保险待遇核定与支付');
    const heading = lineStartingWith(seed, '三、2021年底');
    assertFailsAt(
      editLine(seed, line, () => null),
      heading,
      /section 3 declares 45 items but lists 44/,
    );
  });

  it('rejects a wrong declared total', () => {
    const line = lineStartingWith(seed, '(共 138 项)');
    assertFailsAt(
      editLine(seed, line, () => '(共 139 项)'),
      line,
      /title declares 139 items but the sections list 138/,
    );
  });

  it('rejects a line it does not recognise instead of dropping it', () => {
    const line = lineStartingWith(seed, '—14—');
    assertFailsAt(
      editLine(seed, line, () => '此处有一段说明文字'),
      line,
      /unrecognised line/,
    );
  });

  it('rejects a non-numeric item number', () => {
    const line = lineStartingWith(seed, '1\t孤儿救助资格认定');
    assertFailsAt(
      editLine(seed, line, (l) => l.replace(/^1\t/, '一\t')),
      line,
      /item number "一" is not a whole number/,
    );
  });

  it('rejects a changed header row', () => {
    const line = lineStartingWith(seed, '序号');
    assertFailsAt(
      editLine(seed, line, (l) => l.replace('备注', '说明')),
      line,
      /header row differs/,
    );
  });

  it('rejects an empty item name', () => {
    const line = lineStartingWith(seed, '2\t学位公证');
    assertFailsAt(
      editLine(seed, line, (l) => l.replace('学位公证', '')),
      line,
      /empty item name/,
    );
  });
});
