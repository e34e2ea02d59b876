import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseBureauRegistry } from './bureaus.ts';
import { buildCatalog } from './catalog.ts';
import { parseSourceTable } from '../source/parse-table.ts';
import { parseReferences } from '../facts/references.ts';
import { parseRelatedGroups } from '../source/related.ts';
import { syntheticCityCode, syntheticCityName, synthesizeTable } from './synthetic-table.ts';
import { readProjectFile, frozenInputs } from '../../../tests/harness/inputs.ts';
import { parseTopics } from './topics.ts';
import { parseFacets } from '../source/facets.ts';

/** Builds the catalog of a synthetic table with its own bureaus, related groups and topics. */
function synthesize(total: number, cities?: number) {
  const inputs = frozenInputs();
  const catalog = buildCatalog(inputs);
  const header = readProjectFile('content/topics.yaml').split('\nitems:')[0]!;
  const synthetic = synthesizeTable(catalog, total, header, inputs.related, { cities });
  const references = parseReferences(readProjectFile('content/references.yaml'), 'references.yaml');
  const big = buildCatalog({
    ...frozenInputs(synthetic.seed),
    topics: parseTopics(synthetic.topics, 'topics.yaml'),
    facets: { file: 'facets.yaml', data: parseFacets(synthetic.facets, 'facets.yaml') },
    registry: parseBureauRegistry(readProjectFile('content/bureaus.yaml') + synthetic.bureaus, 'bureaus.yaml', references),
    related: parseRelatedGroups(readProjectFile('content/related.yaml') + synthetic.related, 'related.yaml', references),
  });
  return { synthetic, big };
}

describe('synthesizeTable', () => {
  it('multiplies the table over fictional cities, each with its own bureaus, into a valid larger one that builds', () => {
    const { synthetic, big } = synthesize(1000);
    const table = parseSourceTable(synthetic.seed, 'synthetic.txt');
    assert.equal(table.declaredTotal, 1000);
    assert.match(table.title, /合成测试数据/);
    assert.equal(big.items.length, 1000);
    assert.equal(synthetic.cities, 7, 'one city per copy of the table');
    assert.deepEqual(big.items.find((i) => i.id === '1-8')?.lead, ['human-resources'], 'corrections still apply to the real rows');
    const copy = big.items.find((i) => i.id === '1-59')!;
    assert.equal(copy.name, `学历公证·${syntheticCityName(1)}`);
    assert.deepEqual(copy.lead, ['justice-c001'], "a city's copy is led by the city's own bureau");
    const cityBureau = big.bureaus.find((b) => b.slug === 'justice-c001')!;
    assert.equal(cityBureau.fullName, `${syntheticCityName(1)}司法局`);
    assert.deepEqual(cityBureau.contact, {}, 'a made-up bureau has no contact details');
    // Every synthetic item and bureau names its fictional city, and none names the real one.
    for (const item of big.items.filter((i) => !catalog138(i.id))) assert.match(item.name, /·虚构\d{3}号市/);
    for (const bureau of big.bureaus.filter((b) => /-c\d{3}$/.test(b.slug))) assert.doesNotMatch(`${bureau.name}${bureau.fullName}`, /石家庄/);
    const pair = big.items.find((i) => i.id === '1-79')!; // the copy of 1-21 in city 1
    assert.deepEqual(
      pair.sameService.map((s) => s.id),
      ['3-54'],
      'items that are one service across batches are related within their city',
    );
  });

  it("gives every item its city: the real rows the table's own, each copy its fictional city", () => {
    const { big } = synthesize(1000);
    assert.deepEqual(
      big.cities.map((c) => [c.code, c.fictional]),
      [['local', false], ...Array.from({ length: 7 }, (_, k) => [syntheticCityCode(k + 1), true])],
    );
    assert.equal(big.cities[1]!.name, syntheticCityName(1));
    assert.equal(big.items.find((i) => i.id === '1-8')?.city, 'local');
    assert.equal(big.items.find((i) => i.id === '1-59')?.city, 'c001');
    for (const item of big.items) assert.equal(item.name.includes('·虚构'), item.city !== 'local', item.id);
  });

  it('puts several copies in one city when asked for fewer cities', () => {
    const { synthetic, big } = synthesize(600, 2);
    assert.equal(synthetic.cities, 2);
    assert.equal(big.items.find((i) => i.id === '1-175')?.name, `学历公证·${syntheticCityName(1)}·副本2`);
  });
});

/** Whether an id is one of the real table's rows (58, 35 and 45 per batch). */
function catalog138(id: string): boolean {
  const [batch, number] = id.split('-').map(Number) as [number, number];
  return number <= [58, 35, 45][batch - 1]!;
}
