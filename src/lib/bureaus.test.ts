import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseBureauRegistry, splitBureauCell } from './bureaus.ts';
import { readProjectFile } from './test-support/inputs.ts';

const entry = (slug: string, name: string, aliases = '[]') => `- slug: ${slug}\n  name: ${name}\n  fullName: 全称${name}\n  aliases: ${aliases}\n`;

describe('the bureau registry', () => {
  const registry = parseBureauRegistry(readProjectFile('content/bureaus.yaml'), 'content/bureaus.yaml');

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
    assert.throws(() => parseBureauRegistry(entry('a', '甲') + entry('a', '乙'), 'b.yaml'), /b\.yaml:5: duplicate slug "a"/);
    assert.throws(() => parseBureauRegistry(entry('a', '甲') + entry('b', '乙', '[甲]'), 'b.yaml'), /b\.yaml:5: name "甲" already names bureau "a"/);
  });

  it('rejects a non-ASCII slug and unknown fields', () => {
    assert.throws(() => parseBureauRegistry(entry('人社', '甲'), 'b.yaml'), /b\.yaml:1: invalid bureau entry: slug/);
    assert.throws(() => parseBureauRegistry(`${entry('a', '甲')}  phone: 123\n`, 'b.yaml'), /b\.yaml:1: invalid bureau entry/);
  });
});

describe('splitBureauCell', () => {
  it('splits on the enumeration comma and drops empties', () => {
    assert.deepEqual(splitBureauCell('市公安局、市民政局、 市卫健委'), ['市公安局', '市民政局', '市卫健委']);
    assert.deepEqual(splitBureauCell(''), []);
    assert.deepEqual(splitBureauCell('市医保局，市公安局'), ['市医保局', '市公安局']);
  });
});
