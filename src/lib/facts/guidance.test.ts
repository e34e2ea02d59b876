import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { itemHotlines, parseGuidance } from './guidance.ts';
import { fieldMark } from '../views/item-view.ts';
import { parseReferences } from './references.ts';
import { labelTables } from '../../integrations/rehype-table-labels.ts';
import { REMARKS } from '../core/remarks.ts';
import { readProjectFile } from '../../../tests/harness/inputs.ts';

const refs = parseReferences(readProjectFile('content/references.yaml'), 'content/references.yaml');
const guidance = parseGuidance(readProjectFile('content/guidance.yaml'), 'content/guidance.yaml', refs);
const remarks = REMARKS.map((r, i) => `  - id: r${i}\n    title: ${r}\n    text: 解释\n    basis: reading\n`).join('');
const file = (howTo: string) => `howTo:\n${howTo}channels: []\nremarks:\n${remarks}about: []\n`;

describe('the claims register (content/guidance.yaml)', () => {
  it('gives every statement and channel a known public source, or says what it is instead', () => {
    const statements = [...guidance.howTo, ...guidance.about, ...Object.values(guidance.remarks)];
    assert.ok(statements.length >= 14);
    for (const s of statements) {
      assert.ok(s.citation || s.basis, s.id);
      if (s.citation) assert.ok(refs.references.includes(s.citation.reference), s.id);
    }
    for (const c of guidance.channels) assert.ok(c.citation.reference.title, c.id);
  });

  it('stops the build on a statement without a source, naming the line', () => {
    const bare = file('  - id: a\n    text: 甲\n  - id: b\n    text: 乙\n');
    assert.throws(() => parseGuidance(bare, 'g.yaml', refs), /^SourceError: g\.yaml:2: invalid statement: entry: give exactly one of citation or basis/);
  });

  it('stops the build on a citation of an unknown source, naming the line', () => {
    const unknown = file('  - id: a\n    text: 甲\n    citation: { source: rumour, checked: 2026-11-27 }\n');
    assert.throws(() => parseGuidance(unknown, 'g.yaml', refs), /g\.yaml:2: unknown source "rumour"; add it to content\/references\.yaml/);
  });

  it('needs an explanation for every remark the table uses', () => {
    const missing = `howTo: []\nchannels: []\nremarks: []\nabout: []\n`;
    assert.throws(() => parseGuidance(missing, 'g.yaml', refs), /no explanation for the remark "省级事权"/);
  });

  it('explains remarks by what the words mean, without the procedures the table does not state', () => {
    const text = Object.values(guidance.remarks)
      .map((s) => s.text)
      .join('\n');
    for (const invented of ['帮助转报', '最终由国家部委审核办理', '不必再找省级部门', '办理时间可能']) assert.ok(!text.includes(invented), invented);
    // The item page says 以办理部门答复为准 once, in its answer box; a remark's reading never
    // tells anyone where to apply (2-31's 国家级事权 is filed with the 参保地 agency).
    for (const r of Object.values(guidance.remarks)) {
      assert.doesNotMatch(r.text, /以办理部门答复为准|向.{1,12}申请[。，]/, r.id);
      assert.doesNotMatch(r.short ?? '', /国家有关部门/, r.id);
    }
    assert.match(guidance.remarks['国家级事权'].text, /不是说要到国家部门申请/);
  });

  it('names the three ways of 跨省通办 from 国办发〔2020〕35号 and the channels citizens can use', () => {
    assert.deepEqual(
      guidance.howTo.filter((s) => s.title).map((s) => [s.title, s.citation?.reference.number]),
      [
        ['全程网办', '国办发〔2020〕35号'],
        ['异地代收代办', '国办发〔2020〕35号'],
        ['多地联办', '国办发〔2020〕35号'],
      ],
    );
    // An instruction to governments is said as one, never as what a citizen will get.
    for (const mode of guidance.howTo.filter((s) => s.title)) assert.match(mode.text, /^国办发〔2020〕35号要求/, mode.id);
    assert.ok(guidance.channels.some((c) => c.phone === '12345'));
    // Every number shown cites a source in the register.
    for (const c of guidance.channels.filter((c) => c.phone)) assert.ok(c.citation.reference.number ?? c.citation.reference.url, c.id);
  });
});

describe('fieldMark', () => {
  const note = (over: object) => ({
    field: 'lead' as const,
    original: '',
    corrected: '市人社局',
    inferred: true,
    reason: 'r',
    kind: 'correction' as const,
    ...over,
  });
  it('marks a filled gap and another inferred value the same short way, an annotation with its note, and nothing else', () => {
    assert.equal(fieldMark([note({})], 'lead'), '本站推定');
    assert.equal(fieldMark([note({ original: '市公安局' })], 'lead'), '本站推定');
    assert.equal(
      fieldMark(
        [note({ field: 'cooperating', kind: 'annotation', inferred: false, original: '市人社局', corrected: '与牵头单位相同，原表如此' })],
        'cooperating',
      ),
      '与牵头单位相同，原表如此',
    );
    assert.equal(fieldMark([note({ inferred: false })], 'lead'), undefined);
    assert.equal(fieldMark([note({})], 'cooperating'), undefined);
  });
});

describe('labelTables', () => {
  it('labels each body cell with its column header and marks the table for stacking', () => {
    const cell = (tag: string, text: string) => ({ type: 'element', tagName: tag, properties: {}, children: [{ type: 'text', value: text }] });
    const row = (tag: string, texts: string[]) => ({ type: 'element', tagName: 'tr', children: texts.map((t) => cell(tag, t)) });
    const table = {
      type: 'element',
      tagName: 'table',
      children: [
        { type: 'element', tagName: 'thead', children: [row('th', ['原表栏目', '本站显示', '说明'])] },
        { type: 'element', tagName: 'tbody', children: [row('td', ['序号', '事项编号', '网址'])] },
      ],
    };
    labelTables({ type: 'root', children: [table] });
    assert.deepEqual((table as { properties?: unknown }).properties, { className: ['stack'] });
    const cells = table.children[1]!.children[0]!.children as { properties: Record<string, unknown> }[];
    assert.deepEqual(
      cells.map((c) => c.properties.dataLabel),
      [undefined, '本站显示', '说明'],
    );
  });
});

describe('itemHotlines', () => {
  it('names the lead bureau’s field line first, then the general lines, and only lines with a number', () => {
    const channels = [
      { id: 'web', phone: undefined },
      { id: 'city', phone: '12345' },
      { id: 'hr', phone: '12333', bureaus: ['human-resources'] },
      { id: 'fund', phone: '12329', bureaus: ['housing-fund'] },
    ];
    assert.deepEqual(
      itemHotlines(channels, ['human-resources']).map((c) => c.id),
      ['hr', 'city'],
    );
    assert.deepEqual(
      itemHotlines(channels, ['court']).map((c) => c.id),
      ['city'],
    );
  });
});
