import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildCatalog } from '../catalog/catalog.ts';
import { bundlePath, partitionByCity } from './bundles.ts';
import { realInputs } from '../../../tests/harness/inputs.ts';

const own = { code: 'local', name: '石家庄市', fictional: false };
const c1 = { code: 'c001', name: '虚构001号市', fictional: true };
const c2 = { code: 'c002', name: '虚构002号市', fictional: true };

describe('partitionByCity', () => {
  it('puts the real one-city catalog into one bundle at pagefind/, every item in source order', () => {
    const catalog = buildCatalog(realInputs());
    const bundles = partitionByCity(catalog.cities, catalog.items, (i) => i.city);
    assert.equal(bundles.length, 1);
    assert.equal(bundles[0]!.path, 'pagefind/');
    assert.deepEqual(bundles[0]!.items, catalog.items);
  });

  it("gives each city its own bundle, in city order, keeping the items' order within each", () => {
    const items = [
      { id: 'a', city: 'c002' },
      { id: 'b', city: 'local' },
      { id: 'c', city: 'c002' },
      { id: 'd', city: 'c001' },
    ];
    const bundles = partitionByCity([own, c1, c2], items, (i) => i.city);
    assert.deepEqual(
      bundles.map((b) => [b.city.code, b.path, b.items.map((i) => i.id)]),
      [
        ['local', 'pagefind/', ['b']],
        ['c001', 'pagefind-cities/c001/', ['d']],
        ['c002', 'pagefind-cities/c002/', ['a', 'c']],
      ],
    );
  });

  it('leaves out a city without items, and stops on an item of an unlisted city', () => {
    assert.deepEqual(
      partitionByCity([own, c1], [{ city: 'c001' }], (i) => i.city).map((b) => b.path),
      ['pagefind-cities/c001/'],
    );
    assert.throws(() => partitionByCity([own], [{ city: 'c009' }], (i) => i.city), /city "c009", which the catalog does not list/);
  });
});

describe('bundlePath', () => {
  it('keeps pagefind/ for the first city and names the others by code', () => {
    assert.equal(bundlePath('local', [own, c1]), 'pagefind/');
    assert.equal(bundlePath('c001', [own, c1]), 'pagefind-cities/c001/');
    assert.throws(() => bundlePath('c009', [own, c1]), /no city has the code "c009"/);
  });
});
