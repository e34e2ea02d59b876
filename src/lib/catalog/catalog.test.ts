import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, it } from 'node:test';
import { buildCatalog } from './catalog.ts';
import { inputsDigest } from '../../build/load-catalog.ts';
import { parseCorrections } from '../source/corrections.ts';
import { SourceError } from '../core/source-error.ts';
import { parseIdentities } from '../source/identities.ts';
import { parseBureauRegistry } from './bureaus.ts';
import { parseReferences } from '../facts/references.ts';
import {
  editLine,
  fixtureSeed,
  FROZEN_SEED,
  realInputs,
  FROZEN_SEED_PATH,
  frozenInputs,
  lineStartingWith,
  readProjectFile,
  SEED_PATH,
} from '../../../tests/harness/inputs.ts';
import { parseQueryFile } from '../../../tests/harness/search-ui.ts';

const seed = FROZEN_SEED;
const catalog = buildCatalog(frozenInputs());
const item = (id: string) => {
  const found = catalog.items.find((i) => i.id === id);
  assert.ok(found, `item ${id} exists`);
  return found;
};

function assertSourceError(fn: () => unknown, file: string, line: number, problem: RegExp) {
  assert.throws(fn, (error: unknown) => {
    assert.ok(error instanceof SourceError, String(error));
    assert.equal(error.file, file);
    assert.equal(error.line, line);
    assert.match(error.message, problem);
    return true;
  });
}

describe('buildCatalog on the real table', () => {
  it('builds the items the table declares, with ids following the first table’s numbering', () => {
    assert.equal(catalog.items.length, catalog.declaredTotal);
    assert.equal(new Set(catalog.items.map((i) => i.id)).size, catalog.declaredTotal);
    for (const i of catalog.items) assert.equal(i.id, `${i.batch}-${i.number}`);
    assert.equal(item('2-15').name, '社会保障卡补领、换领、换发');
  });

  it("is one city, the table's own, named by its publisher, and every item is in it", () => {
    assert.deepEqual(catalog.cities, [{ code: 'local', name: '石家庄市', fictional: false }]);
    assert.deepEqual(new Set(catalog.items.map((i) => i.city)), new Set(['local']));
  });

  it('fills the empty lead cells of 1-8..1-18 with 市人社局, marked inferred', () => {
    for (let n = 8; n <= 18; n++) {
      const i = item(`1-${n}`);
      assert.deepEqual(i.lead, ['human-resources']);
      assert.equal(i.source.lead, '');
      assert.deepEqual(
        i.notes.map((note) => [note.field, note.original, note.corrected, note.inferred]),
        [['lead', '', '市人社局', true]],
      );
    }
  });

  it('puts the shifted cell of 2-19 back: housing fund leads, police and HR cooperate', () => {
    const i = item('2-19');
    assert.deepEqual(i.lead, ['housing-fund']);
    assert.deepEqual(i.cooperating, ['public-security', 'human-resources']);
    assert.deepEqual(i.source, { ...i.source, lead: '市公安局、市人社局', cooperating: '' });
    assert.ok(i.notes.every((n) => n.inferred));
  });

  it('fixes the typos and keeps the originals', () => {
    assert.deepEqual(item('3-29').cooperating, ['human-resources']);
    assert.equal(item('3-29').source.cooperating, '市人社局局长');
    assert.ok(item('3-25').cooperating.includes('pboc'));
    assert.match(item('3-25').source.cooperating, /市行石家庄中心支行/);
    assert.match(item('3-28').scenario, /转入地与转出地/);
    assert.match(item('3-28').source.scenario, /转出地与转出地/);
    assert.match(item('2-17').scenario, /职业技能等级证书/);
    assert.doesNotMatch(item('2-17').scenario, /級/);
  });

  it('treats 市公积金管理中心 as the housing fund centre and notes the alias', () => {
    const i = item('3-25');
    assert.deepEqual(i.lead, ['housing-fund']);
    assert.deepEqual(item('1-25').lead, ['housing-fund']);
    const alias = i.notes.find((n) => n.kind === 'alias');
    assert.deepEqual([alias?.field, alias?.original, alias?.corrected], ['lead', '市公积金管理中心', '住房公积金管理中心']);
  });

  it('keeps a bureau cooperating with itself as the table has it, with a note for the reader', () => {
    const selfCooperating = catalog.items.filter((i) => i.lead.some((slug) => i.cooperating.includes(slug))).map((i) => i.id);
    assert.deepEqual(selfCooperating, ['1-4', '2-5', '2-6', '2-7', '2-8', '2-9', '2-10', '2-11', '2-13', '2-14', '2-15', '3-38']);
    for (const id of selfCooperating) {
      const note = item(id).notes.find((n) => n.kind === 'annotation');
      assert.equal(note?.corrected, '与牵头单位相同，原表如此', id);
      assert.equal(note?.original, item(id).source.cooperating, id);
    }
    assert.deepEqual(item('2-13').cooperating, ['human-resources']);
    assert.deepEqual(item('1-4').cooperating, ['justice']);
    assert.deepEqual(item('2-12').cooperating, ['healthcare-security']);
  });

  it('keeps remarks, and null where the table has none', () => {
    assert.equal(item('1-31').remark, '省级事权');
    assert.equal(item('2-31').remark, '国家级事权');
    assert.equal(item('2-23').remark, '省委托');
    assert.equal(item('3-12').remark, '市级初审上报');
    assert.equal(item('1-1').remark, null);
  });

  it('lists every bureau that leads or cooperates, including the cooperating-only ones', () => {
    const slugs = catalog.bureaus.map((b) => b.slug);
    for (const slug of ['education', 'taxation', 'investment-promotion', 'court', 'pboc']) assert.ok(slugs.includes(slug), slug);
    const used = new Set(catalog.items.flatMap((i) => [...i.lead, ...i.cooperating]));
    assert.deepEqual(new Set(slugs), used);
  });

  it('relates the same service across batches in both directions', () => {
    assert.deepEqual(
      item('1-22').sameService.map((s) => s.id),
      ['3-10'],
    );
    assert.deepEqual(
      item('3-10').sameService.map((s) => s.id),
      ['1-22'],
    );
  });
});

describe('buildCatalog on broken inputs', () => {
  it('rejects an unknown bureau with the seed line', () => {
    const line = lineStartingWith(seed, '1\t学历公证');
    const broken = editLine(seed, line, (l) => l.replace('市教育局', '市文旅局'));
    assertSourceError(() => buildCatalog(frozenInputs(broken)), FROZEN_SEED_PATH, line, /item 1-1: unknown bureau "市文旅局" in cooperating/);
  });

  it('stops on a bureau cooperating with itself that no annotation explains', () => {
    const line = lineStartingWith(seed, '2\t学位公证');
    const broken = editLine(seed, line, (l) => l.replace('市司法局\t市教育局', '市司法局\t市司法局'));
    assertSourceError(
      () => buildCatalog(frozenInputs(broken)),
      FROZEN_SEED_PATH,
      line,
      /item 1-2: bureau "市司法局" is both lead and cooperating; keep it with an annotation/,
    );
  });

  it('stops on an item whose bureaus serve different cities', () => {
    const line = lineStartingWith(seed, '1\t学历公证');
    const registry = parseBureauRegistry(
      `${readProjectFile('content/bureaus.yaml')}- slug: education-c001\n  name: 虚构001号市教育局\n  fullName: 虚构001号市教育局\n  aliases: []\n  city: { code: c001, name: 虚构001号市, fictional: true }\n`,
      'content/bureaus.yaml',
      parseReferences(readProjectFile('content/references.yaml'), 'content/references.yaml'),
    );
    const broken = editLine(seed, line, (l) => l.replace('市教育局', '虚构001号市教育局'));
    assertSourceError(
      () => buildCatalog({ ...frozenInputs(broken), registry }),
      FROZEN_SEED_PATH,
      line,
      /item 1-1: its bureaus serve different cities \(local, c001\)/,
    );
  });

  it('rejects an unknown remark with the seed line', () => {
    const line = lineStartingWith(seed, '31\t消毒产品');
    const broken = editLine(seed, line, (l) => l.replace('省级事权', '县级事权'));
    assertSourceError(() => buildCatalog(frozenInputs(broken)), FROZEN_SEED_PATH, line, /unknown remark \(备注\) "县级事权"/);
  });

  it('rejects an empty lead cell that no correction fills', () => {
    const line = lineStartingWith(seed, '5\t失业登记');
    const broken = editLine(seed, line, (l) => l.replace('市人社局', ''));
    assertSourceError(() => buildCatalog(frozenInputs(broken)), FROZEN_SEED_PATH, line, /item 1-5: empty lead bureau/);
  });

  it('stops when a correction no longer matches a changed table', () => {
    const line = lineStartingWith(seed, '29\t门诊费用跨省直接结算');
    const broken = editLine(seed, line, (l) => l.replace('市人社局局长', '市人社局'));
    const correctionLine = lineStartingWith(readProjectFile('content/corrections.yaml'), '- items: [3-29]');
    assertSourceError(
      () => buildCatalog(frozenInputs(broken)),
      'content/corrections.yaml',
      correctionLine,
      /correction for item 3-29 \(cooperating\) no longer matches the source/,
    );
  });

  it('stops when a gap it filled is no longer empty', () => {
    const line = lineStartingWith(seed, '8\t城乡居民基本养老保险');
    const broken = editLine(seed, line, (l) => l.replace(/\t\t\t$/, '\t市民政局\t\t'));
    assertSourceError(
      () => buildCatalog(frozenInputs(broken)),
      'content/corrections.yaml',
      lineStartingWith(readProjectFile('content/corrections.yaml'), '- items: [1-8,'),
      /expects an empty cell/,
    );
  });

  it('rejects a correction naming an item the table lacks', () => {
    const inputs = frozenInputs();
    const extra = parseCorrections('- items: [3-46]\n  field: name\n  original: a\n  corrected: b\n  inferred: false\n  reason: test\n', 'x.yaml');
    assertSourceError(() => buildCatalog({ ...inputs, corrections: [...inputs.corrections, ...extra] }), 'x.yaml', 1, /names item 3-46/);
  });

  it('asks for a note when two batches share a service name that no group relates', () => {
    const inputs = frozenInputs();
    assertSourceError(
      () => buildCatalog({ ...inputs, related: inputs.related.filter((g) => !g.items.includes('3-10')) }),
      FROZEN_SEED_PATH,
      lineStartingWith(seed, '10\t不动产登记资料查询'),
      /items 1-22 and 3-10 look like the same service/,
    );
  });

  it('shows an edit to the seed in the built item', () => {
    const line = lineStartingWith(seed, '40\t结婚登记');
    const edited = buildCatalog(frozenInputs(editLine(seed, line, (l) => l.replace('结婚登记\t', '结婚登记（试点）\t'))));
    assert.equal(edited.items.find((i) => i.id === '3-40')?.name, '结婚登记（试点）');
  });
});

describe('buildCatalog on a second version of the table', () => {
  const v2 = fixtureSeed('v2-six-changes', 'seeds/001_v2.txt');
  const first = frozenInputs();
  const next = buildCatalog({ ...first, earlierSeeds: [first.seed], seed: { file: v2.file, sha256: v2.sha256, text: v2.text } });
  const byId = new Map(next.items.map((i) => [i.id, i]));

  it('keeps every first-version id on its own service, and shows each at its new position', () => {
    const before = buildCatalog(first);
    for (const old of before.items) {
      if (old.id === '2-34') continue;
      assert.equal(byId.get(old.id)?.source.scenario === old.source.scenario || old.id === '2-1', true, old.id);
    }
    assert.equal(byId.get('1-5')?.name, '失业登记');
    assert.deepEqual([byId.get('1-5')?.batch, byId.get('1-5')?.number], [1, 6]);
    assert.equal(next.items.length, next.declaredTotal);
  });

  it('keeps a dropped item out of the items, with its last row, and says what the newest table changed', () => {
    assert.equal(byId.has('2-34'), false);
    assert.deepEqual(
      next.dropped.map((d) => d.row.id),
      ['2-34'],
    );
    assert.deepEqual(byId.get('3-43')?.change, { received: null, added: false, renamedFrom: '社会保险参保缴费记录查询', movedFrom: null, changed: [] });
    assert.deepEqual(byId.get('3-40')?.change?.changed, ['lead']);
    assert.equal(byId.get('1-6')?.change, null, 'renumbered only: no change to show');
  });

  it('builds new items without topics as 未归类, warning with the file and item to edit', () => {
    assert.deepEqual(byId.get('n1')?.topics, []);
    const messages = next.warnings.map((w) => `${w.file}: ${w.message.split('\n')[0]}`);
    assert.ok(
      messages.some((m) => m.startsWith('content/topics.yaml: new item n1 (seeds/001_v2.txt:16) has no topics yet')),
      messages.join('\n'),
    );
    assert.ok(messages.some((m) => m.startsWith('content/identities.yaml: seeds/001_v2.txt is not recorded yet')));
  });

  it('builds a new item without facets as one no query facet rules out, warning with the file and item to edit', () => {
    assert.deepEqual(
      next.facets.items.map((f) => f.id),
      next.items.map((i) => i.id).filter((id) => id !== 'n1' && id !== 'n2'),
      'every first-version item keeps its facets, in catalog order; the dropped one is left out',
    );
    assert.ok(next.warnings.some((w) => w.file === 'content/facets.yaml' && w.message.startsWith('new item n1 has no facets yet')));
  });
});

describe('buildCatalog on an ambiguous rename', () => {
  const first = frozenInputs();
  const v2 = fixtureSeed('v2-ambiguous', 'seeds/001_v2.txt');
  const row = v2.table.sections[0]!.rows[20]!;
  const inputs = (decision: string) => ({
    ...first,
    earlierSeeds: [first.seed],
    seed: { file: v2.file, sha256: v2.sha256, text: v2.text },
    identities: parseIdentities(
      [
        'versions:',
        `  - seed: ${first.seed.file}`,
        `    sha256: ${first.seed.sha256}`,
        `    received: ${first.info.received}`,
        `  - seed: ${v2.file}`,
        `    sha256: ${v2.sha256}`,
        `    received: ${first.info.received}`,
        decision,
      ].join('\n'),
      'content/identities.yaml',
    ),
  });

  it('stops with the file, the line and the candidates, and builds once the decision is recorded', () => {
    assertSourceError(() => buildCatalog(inputs('')), v2.file, row.line, /1-21 "[^"]+" \(same position and scenario\); 3-9 "[^"]+" \(same scenario and lead\)/);
    const decided = buildCatalog(inputs(`    renamed:\n      - { id: 1-21, batch: 1, number: 21, name: ${row.cells.name} }`));
    assert.equal(decided.items.find((i) => i.id === '1-21')?.name, row.cells.name);
    assert.equal(decided.items.find((i) => i.id === '3-9')?.change?.renamedFrom, '商品房预售、抵押涉及的不动产预告登记');
    assert.deepEqual(decided.dropped, []);
  });
});

describe('curated files and fixtures keyed by item', () => {
  it('name only permanent ids some version of the table lists (the search query sets too)', () => {
    const real = buildCatalog(realInputs());
    const known = new Set([...real.items.map((i) => i.id), ...real.dropped.map((d) => d.row.id)]);
    const root = fileURLToPath(new URL('../../../', import.meta.url));
    const sets = readdirSync(join(root, 'tests/fixtures')).filter((f) => /^search-queries\..*\.tsv$/.test(f));
    assert.ok(sets.length > 0);
    for (const name of sets) {
      for (const { query, expected } of parseQueryFile(readFileSync(join(root, 'tests/fixtures', name), 'utf8')))
        for (const id of expected) assert.ok(known.has(id), `tests/fixtures/${name}: "${query}" expects ${id}, no item of any version of the table`);
    }
  });
});

describe('inputsDigest', () => {
  it('changes when an input changes and only then', () => {
    const root = fileURLToPath(new URL('../../../', import.meta.url));
    const dir = mkdtempSync(join(tmpdir(), 'kstb-digest-'));
    cpSync(join(root, 'seeds'), join(dir, 'seeds'), { recursive: true });
    cpSync(join(root, 'content'), join(dir, 'content'), { recursive: true });
    const before = inputsDigest(dir);
    assert.equal(inputsDigest(dir), before);
    const seed = join(dir, SEED_PATH);
    writeFileSync(seed, `${readFileSync(seed, 'utf8')}\n`);
    assert.notEqual(inputsDigest(dir), before);
    rmSync(dir, { recursive: true, force: true });
  });
});
