import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { bureausWithoutContact, parseBureauRegistry, splitBureauCell, tableSpellings } from './bureaus.ts';
import { buildCatalog } from './catalog.ts';
import { parseReferences } from '../facts/references.ts';
import { readProjectFile, realInputs } from '../../../tests/harness/inputs.ts';

const refs = parseReferences(readProjectFile('content/references.yaml'), 'content/references.yaml');

const entry = (slug: string, name: string, aliases = '[]') => `- slug: ${slug}\n  name: ${name}\n  fullName: 全称${name}\n  aliases: ${aliases}\n`;

describe('the bureau registry', () => {
  const registry = parseBureauRegistry(readProjectFile('content/bureaus.yaml'), 'content/bureaus.yaml', refs);

  it('resolves short names and aliases to one bureau', () => {
    assert.equal(registry.resolve('市人社局')?.fullName, '石家庄市人力资源和社会保障局');
    assert.equal(registry.resolve('市公积金管理中心')?.slug, 'housing-fund');
    assert.equal(registry.resolve('住房公积金管理中心')?.slug, 'housing-fund');
    assert.equal(registry.resolve('市文旅局'), undefined);
  });

  it('has an ASCII slug and a full name for every bureau', () => {
    for (const b of registry.bureaus) {
      assert.match(b.slug, /^[a-z0-9-]+$/);
      assert.ok(b.fullName.length >= b.name.length, b.slug);
    }
  });

  it('rejects duplicate slugs and names, naming the line', () => {
    assert.throws(() => parseBureauRegistry(entry('a', '甲') + entry('a', '乙'), 'b.yaml', refs), /b\.yaml:5: duplicate slug "a"/);
    assert.throws(() => parseBureauRegistry(entry('a', '甲') + entry('b', '乙', '[甲]'), 'b.yaml', refs), /b\.yaml:5: name "甲" already names bureau "a"/);
  });

  it('keeps contact details and notes only with a known source, naming the line', () => {
    const contact = `${entry('a', '甲')}  contact:\n    phone: { value: 0311-12345678, citation: { source: gbf-2020-35, checked: 2026-11-27 } }\n`;
    assert.equal(parseBureauRegistry(contact, 'b.yaml', refs).bySlug('a')?.contact.phone?.citation.reference.number, '国办发〔2020〕35号');
    assert.throws(() => parseBureauRegistry(contact.replace('gbf-2020-35', 'nowhere'), 'b.yaml', refs), /b\.yaml:1: unknown source "nowhere"/);
    assert.throws(
      () => parseBureauRegistry(contact.replace(', citation: { source: gbf-2020-35, checked: 2026-11-27 }', ''), 'b.yaml', refs),
      /b\.yaml:1: invalid bureau entry: contact\.phone\.citation/,
    );
    assert.deepEqual(
      registry.bureaus.map((b) => Object.keys(b.contact).length),
      registry.bureaus.map(() => 0),
      'the shipped registry has no unverified contact details',
    );
  });

  it('rejects a phone number that would dial a local line from another city, naming the line', () => {
    const local = `${entry('a', '甲')}  contact:\n    phone: { value: '12333', citation: { source: gbf-2020-35, checked: 2026-11-27 } }\n`;
    assert.throws(
      () => parseBureauRegistry(local, 'b.yaml', refs),
      /b\.yaml:1: invalid bureau entry: contact\.phone\.value: write the number with its area code/,
    );
  });

  it('lists the bureaus named in the table that have no contact detail yet', () => {
    const filled = `${entry('a', '甲')}  contact:\n    hours: { value: 工作日, citation: { source: gbf-2020-35, checked: 2026-11-27 } }\n${entry('b', '乙')}${entry('c', '丙')}`;
    const bureaus = parseBureauRegistry(filled, 'b.yaml', refs).bureaus;
    const gaps = bureausWithoutContact(bureaus, [{ lead: ['a'], cooperating: ['b'] }]);
    assert.deepEqual(
      gaps.map((b) => b.slug),
      ['b'],
      'c is named by no item',
    );
  });

  it('rejects a non-ASCII slug and unknown fields', () => {
    assert.throws(() => parseBureauRegistry(entry('人社', '甲'), 'b.yaml', refs), /b\.yaml:1: invalid bureau entry: slug/);
    assert.throws(() => parseBureauRegistry(`${entry('a', '甲')}  phone: 123\n`, 'b.yaml', refs), /b\.yaml:1: invalid bureau entry/);
  });
});

describe("a bureau's city", () => {
  const city = (code: string, name: string) => `  city: { code: ${code}, name: ${name}, fictional: true }\n`;

  it("is absent for the table's own bureaus and kept for another city's", () => {
    const registry = parseBureauRegistry(entry('a', '甲') + entry('b', '乙') + city('c001', '虚构001号市'), 'b.yaml', refs);
    assert.equal(registry.bySlug('a')?.city, undefined);
    assert.deepEqual(registry.bySlug('b')?.city, { code: 'c001', name: '虚构001号市', fictional: true });
  });

  it("rejects one code with two names, and the own city's code, naming the line", () => {
    const twoNames = entry('a', '甲') + city('c001', '虚构001号市') + entry('b', '乙') + city('c001', '虚构002号市');
    assert.throws(() => parseBureauRegistry(twoNames, 'b.yaml', refs), /b\.yaml:6: city "c001" is called "虚构001号市" elsewhere/);
    assert.throws(() => parseBureauRegistry(entry('a', '甲') + city('local', '某市'), 'b.yaml', refs), /b\.yaml:1: city code "local" is the table's own city/);
  });
});

describe('splitBureauCell', () => {
  it('splits on the enumeration comma and drops empties', () => {
    assert.deepEqual(splitBureauCell('市公安局、市民政局、 市卫健委'), ['市公安局', '市民政局', '市卫健委']);
    assert.deepEqual(splitBureauCell(''), []);
    assert.deepEqual(splitBureauCell('市医保局，市公安局'), ['市医保局', '市公安局']);
  });
});

describe('how the table writes a bureau', () => {
  const catalog = buildCatalog(realInputs());
  const spellings = (slug: string) => {
    const bureau = catalog.bureaus.find((b) => b.slug === slug)!;
    return tableSpellings(bureau, catalog.bureaus, catalog.items);
  };

  it('is the text a correction replaced where the table never prints the name', () => {
    assert.deepEqual(spellings('pboc'), ['市行石家庄中心支行']);
  });

  it('is the name and the aliases the table prints, never another bureau’s name from a corrected cell', () => {
    assert.deepEqual(spellings('housing-fund').sort(), ['住房公积金管理中心', '市公积金管理中心'].sort());
    assert.deepEqual(spellings('public-security'), ['市公安局']);
    assert.deepEqual(spellings('human-resources'), ['市人社局', '市人社局局长'], '3-29 writes 市人社局局长');
  });
});
