import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildCatalog } from '../catalog/catalog.ts';
import { parseSourceTable } from './parse-table.ts';
import { synthesizeTable } from './synthetic-table.ts';
import { readProjectFile, realInputs } from '../../../tests/harness/inputs.ts';
import { parseTopics } from '../catalog/topics.ts';

describe('synthesizeTable', () => {
  it('multiplies the table into a valid larger one that builds', () => {
    const catalog = buildCatalog(realInputs());
    const header = readProjectFile('content/topics.yaml').split('\nitems:')[0]!;
    const { seed, topics } = synthesizeTable(catalog, 1000, header);
    const table = parseSourceTable(seed, 'synthetic.txt');
    assert.equal(table.declaredTotal, 1000);
    assert.equal(
      table.sections.reduce((n, s) => n + s.rows.length, 0),
      1000,
    );
    const big = buildCatalog({ ...realInputs(seed), topics: parseTopics(topics, 'topics.yaml') });
    assert.equal(big.items.length, 1000);
    assert.deepEqual(big.items.find((i) => i.id === '1-8')?.lead, ['human-resources'], 'corrections still apply to the real rows');
    assert.equal(big.items.find((i) => i.id === '1-59')?.name, '学历公证·副本1-1');
  });
});
