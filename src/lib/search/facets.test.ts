import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readFileSync } from 'node:fs';
import { SourceError } from '../source/source-error.ts';
import { checkFacets, parseFacets } from './facets.ts';
import { decodeItemFacets, encodeItemFacets, facetConflicts, queryFacets } from './facet-match.ts';
import { buildCatalog } from '../catalog/catalog.ts';
import { realInputs } from '../../../tests/harness/inputs.ts';

const FILE = 'content/facets.yaml';
const small = `kinds:
  who: [个人, 单位]
  purpose: [购房, 装修]
items:
  - { id: 3-25, object: 住房公积金, action: [提取], who: [个人], limits: { purpose: [购房] } }
`;

describe('content/facets.yaml', () => {
  it('gives every item of the table its facets, each value declared', () => {
    const catalog = buildCatalog(realInputs());
    assert.equal(catalog.facets.items.length, catalog.items.length);
    assert.deepEqual(
      catalog.facets.items.map((f) => f.id),
      catalog.items.map((i) => i.id),
    );
    parseFacets(readFileSync(FILE, 'utf8'), FILE);
  });

  it('stops on an undeclared value, an item without facets and a phrasing entry pointing at no value, naming file and line', () => {
    const bad = small.replace('purpose: [购房] }', 'purpose: [买房] }');
    assert.throws(
      () => parseFacets(bad, FILE),
      (e: unknown) => e instanceof SourceError && e.line === 5 && e.text === '买房',
    );
    const data = parseFacets(small, FILE);
    assert.throws(
      () => checkFacets(data, FILE, [{ id: '3-25' }, { id: '1-27' }], []),
      (e: unknown) => e instanceof SourceError && e.text === '1-27',
    );
    assert.throws(
      () => checkFacets(data, FILE, [{ id: '3-25' }], [{ facet: 'purpose=租房', file: 'content/phrasing.yaml', line: 12 }]),
      (e: unknown) => e instanceof SourceError && e.file === 'content/phrasing.yaml' && e.line === 12 && e.text === 'purpose=租房',
    );
    checkFacets(data, FILE, [{ id: '3-25' }], [{ facet: 'purpose=装修', line: 3 }]);
  });
});

describe('facets compared', () => {
  const entries = [
    { say: ['装修'], facet: 'purpose=装修' },
    { say: ['给员工'], facet: 'who=单位' },
  ];
  const items = decodeItemFacets(encodeItemFacets(parseFacets(small, FILE).items));

  it('reads the facets a query states', () => {
    assert.deepEqual(queryFacets('给员工装修提取公积金', entries), { who: ['单位'], purpose: ['装修'] });
    assert.deepEqual(queryFacets('提取公积金', entries), {});
  });

  it('finds a query facet the item’s own limit contradicts, and an action the item does not do', () => {
    assert.deepEqual(facetConflicts({ purpose: ['装修'] }, items.get('3-25')), [{ kind: 'purpose', query: '装修', item: ['购房'] }]);
    assert.deepEqual(facetConflicts({ purpose: ['购房'] }, items.get('3-25')), []);
    assert.deepEqual(facetConflicts({}, items.get('3-25'), [{ say: '交', means: ['缴存', '参保'] }]), [{ kind: 'action', query: '交', item: ['提取'] }]);
    assert.deepEqual(facetConflicts({}, items.get('3-25'), [{ say: '取', means: ['提取'] }]), []);
    assert.deepEqual(facetConflicts({ scheme: ['职工'] }, items.get('3-25')), [], 'a kind the item does not state is no conflict');
  });
});
