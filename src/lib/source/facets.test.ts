import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readFileSync } from 'node:fs';
import { NEW_ITEM_ID_RE } from '../core/item-id.ts';
import { SourceError } from '../core/source-error.ts';
import { checkFacets, parseFacets } from './facets.ts';
import { buildCatalog } from '../catalog/catalog.ts';
import { realInputs } from '../../../tests/harness/inputs.ts';

const FILE = 'content/facets.yaml';

const SMALL_FACETS = `kinds:
  who: [个人, 单位]
  purpose: [购房, 装修]
items:
  - { id: 3-25, object: 住房公积金, action: [提取], who: [个人], limits: { purpose: [购房] } }
`;

describe('content/facets.yaml', () => {
  it('gives every item of the table its facets, keyed by permanent id, each value declared', () => {
    const catalog = buildCatalog(realInputs());
    // An item a later table version adds (n1) has no facets until someone writes them (the build warns, as for topics).
    assert.deepEqual(
      catalog.facets.items.map((f) => f.id),
      catalog.items.map((i) => i.id).filter((id) => !NEW_ITEM_ID_RE.test(id)),
    );
    parseFacets(readFileSync(FILE, 'utf8'), FILE);
  });

  it('stops on an undeclared value, an item without facets and a phrasing entry pointing at no value, naming file and line', () => {
    const bad = SMALL_FACETS.replace('purpose: [购房] }', 'purpose: [买房] }');
    assert.throws(
      () => parseFacets(bad, FILE),
      (e: unknown) => e instanceof SourceError && e.line === 5 && e.text === '买房',
    );
    assert.throws(
      () => parseFacets(SMALL_FACETS.replace('id: 3-25', 'id: 3-x'), FILE),
      (e: unknown) => e instanceof SourceError && e.line === 5,
    );
    const data = parseFacets(SMALL_FACETS, FILE);
    assert.throws(
      () => checkFacets(data, FILE, [{ id: '3-25' }, { id: '1-27' }], []),
      (e: unknown) => e instanceof SourceError && e.text === '1-27',
    );
    assert.throws(
      () => checkFacets(data, FILE, [{ id: '3-26' }], [], new Set(['3-26'])),
      (e: unknown) => e instanceof SourceError && e.line === 5 && e.text === '3-25',
      'an entry naming an item no version listed',
    );
    assert.throws(
      () => checkFacets(data, FILE, [{ id: '3-25' }], [{ facet: 'purpose=租房', file: 'content/phrasing.yaml', line: 12 }]),
      (e: unknown) => e instanceof SourceError && e.file === 'content/phrasing.yaml' && e.line === 12 && e.text === 'purpose=租房',
    );
    assert.deepEqual(checkFacets(data, FILE, [{ id: '3-25' }], [{ facet: 'purpose=装修', line: 3 }]), []);
  });

  it('reads the generic words of facets and stops on a value no item has or a group the phrasing names, naming file and line', () => {
    const generic = `${SMALL_FACETS}generic:
  - { of: object, is: [公积金], say: [账户] }
  - { of: who, is: [个人], say: [两口子] }
`;
    const data = parseFacets(generic, FILE);
    assert.deepEqual(
      data.generic.map((g) => [g.of, g.is, g.say, g.line]),
      [
        ['object', ['公积金'], ['账户'], 7],
        ['who', ['个人'], ['两口子'], 8],
      ],
    );
    assert.deepEqual(checkFacets(data, FILE, [{ id: '3-25' }], []), []);
    assert.throws(
      () => checkFacets(parseFacets(generic.replace('is: [公积金]', 'is: [社保卡]'), FILE), FILE, [{ id: '3-25' }], []),
      (e: unknown) => e instanceof SourceError && e.line === 7 && e.text === '社保卡',
      'no item’s object ends with 社保卡',
    );
    assert.throws(
      () => parseFacets(generic.replace('is: [个人]', 'is: [监护人]'), FILE),
      (e: unknown) => e instanceof SourceError && e.line === 8 && e.text === '监护人',
    );
    assert.throws(
      () => checkFacets(data, FILE, [{ id: '3-25' }], [{ class: 'group', say: ['两口子'], means: ['夫妻投靠'], line: 3 }]),
      (e: unknown) => e instanceof SourceError && e.line === 8 && e.text === '两口子',
      'a group the phrasing names is compared as that group',
    );
    assert.throws(
      () => parseFacets(generic.replace('of: who', 'of: scheme'), FILE),
      (e: unknown) => e instanceof SourceError && e.line === 8,
    );
  });

  it('checks a generic word of the people an item is limited to against the items’ own people', () => {
    const people = `kinds:
  who: [个人]
  person: [大中专学生毕业, 工作调动]
items:
  - { id: 3-5, object: 户口, action: [迁移], who: [个人], limits: { person: [大中专学生毕业] } }
generic:
  - { of: person, is: [大中专学生毕业], say: [学校] }
`;
    const data = parseFacets(people, FILE);
    assert.deepEqual(checkFacets(data, FILE, [{ id: '3-5' }], []), []);
    assert.throws(
      () => checkFacets(parseFacets(people.replace('is: [大中专学生毕业]', 'is: [工作调动]'), FILE), FILE, [{ id: '3-5' }], []),
      (e: unknown) => e instanceof SourceError && e.line === 7 && e.text === '工作调动',
      'no item is limited to 工作调动',
    );
  });

  it('lets a new item build without facets, with a warning, and keeps a dropped item’s facets', () => {
    const data = parseFacets(SMALL_FACETS, FILE);
    const warnings = checkFacets(data, FILE, [{ id: 'n1' }], [], new Set(['n1', '3-25']));
    assert.deepEqual(
      warnings.map((w) => [w.file, w.message.split(':')[0]]),
      [[FILE, 'new item n1 has no facets yet, so no query facet rules it out']],
    );
  });
});
