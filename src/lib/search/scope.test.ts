import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildCatalog } from '../catalog/catalog.ts';
import { catalogCities } from '../core/cities.ts';
import { ALMOST_ALL, broadCandidate, broadStatus, islandCities } from './scope.ts';
import { chosenCity, cityLabel, cityNamed, cityStatus, scopeCities, scopePrefix } from './city-scope.ts';
import { frozenInputs } from '../../../tests/harness/inputs.ts';

const fictional = (n: number) => ({ city: { code: `c00${n}`, name: `虚构00${n}号市`, fictional: true } });
const items = [{ city: 'local' }, { city: 'local' }, { city: 'c001' }, { city: 'c002' }, { city: 'c002' }, { city: 'c002' }];
const cities = scopeCities(catalogCities('石家庄市', [{}, fictional(1), fictional(2)], items), items);

describe('scopeCities', () => {
  it("lists the site's own city first, then the others, each with its count and bundle", () => {
    assert.deepEqual(
      cities.map((c) => [c.code, c.name, c.count, c.bundle]),
      [
        ['local', '石家庄市', 2, 'pagefind/'],
        ['c001', '虚构001号市', 1, 'pagefind-cities/c001/'],
        ['c002', '虚构002号市', 3, 'pagefind-cities/c002/'],
      ],
    );
  });

  it('is one city, searched in pagefind/ as before, for the real table', () => {
    const catalog = buildCatalog(frozenInputs());
    const real = scopeCities(catalog.cities, catalog.items);
    assert.deepEqual(real, [{ code: 'local', name: '石家庄市', fictional: false, count: catalog.declaredTotal, bundle: 'pagefind/' }]);
    assert.equal(islandCities(JSON.stringify(real)), undefined, 'a one-city page has no scope to choose');
  });
});

describe('the city searched', () => {
  it("is the one the URL names, else the site's own", () => {
    assert.equal(chosenCity(cities, 'c002').code, 'c002');
    assert.equal(chosenCity(cities, null).code, 'local');
    assert.equal(chosenCity(cities, 'c999').code, 'local', 'an unknown code falls back to the own city');
  });

  it('switches to a city a query names, with or without 市', () => {
    assert.equal(cityNamed('虚构002号市', cities)?.code, 'c002');
    assert.equal(cityNamed(' 虚构002号 ', cities)?.code, 'c002');
    assert.equal(cityNamed('石家庄', cities)?.code, 'local');
    assert.equal(cityNamed('市', cities), undefined);
    assert.equal(cityNamed('虚构002号市社保卡', cities), undefined, 'a query that only mentions a city is ranked as usual');
  });

  it('always says a made-up city is made up', () => {
    assert.equal(cityLabel(cities[1]!), '虚构001号市（虚构城市）');
    assert.equal(cityLabel(cities[0]!), '石家庄市');
    assert.equal(scopePrefix(cities[2]!), '在虚构002号市（虚构城市）的 3 项事项中查找：');
    assert.match(cityStatus(cities[2]!), /^已改为查找虚构002号市（虚构城市）的事项：共 3 项，下面按目录顺序列出。/);
  });

  it('reads the cities from the data island only when there are several', () => {
    assert.deepEqual(islandCities(JSON.stringify(cities)), cities);
    assert.equal(islandCities(''), undefined);
  });
});

describe('a word every item has', () => {
  it('is a single Chinese word or character, not a filler, a phrase or Latin letters', () => {
    assert.equal(broadCandidate('市'), '市');
    assert.equal(broadCandidate(' 申请 '), '申请');
    for (const query of ['的', '我', '劳动仲裁申请', '市 办理', 'shi', '市1', '']) assert.equal(broadCandidate(query), undefined, query);
  });

  it('is answered from counts, in plain words', () => {
    assert.equal(ALMOST_ALL, 0.9);
    assert.equal(
      broadStatus('市', 138, 138, '本市'),
      '本市全部 138 项事项都含有“市”字，这个词太常见，分不出您要办的是哪一项。下面按目录顺序列出这 138 项；把要办的事说得具体些更快，例如“社保卡补办”。',
    );
    assert.match(broadStatus('申请', 137, 138, '本市'), /^本市 138 项事项中有 137 项的名称、说明或牵头部门含有“申请”一词，/);
  });
});
