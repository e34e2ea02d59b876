import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { loadCatalog } from '../../src/build/load-catalog.ts';
import type { Catalog } from '../../src/lib/catalog/catalog.ts';
import { buildSite, copyProject, listFiles, readBuilt, SITES, TEST_OUTPUT } from '../harness/build.ts';
import { FROZEN_SEED_PATH, freezeProject, rerecordSeed } from '../harness/inputs.ts';

// A build test: the copy's only table is the frozen first one, whatever seeds/ holds later.
const SEED = FROZEN_SEED_PATH;
const project = copyProject();
freezeProject(project);
after(() => rmSync(project, { recursive: true, force: true }));

/** Edits line `n` (1-based) of the copied seed file. */
function editSeed(n: number, edit: (line: string) => string) {
  const path = join(project, SEED);
  const lines = readFileSync(path, 'utf8').split('\n');
  lines[n - 1] = edit(lines[n - 1]!);
  writeFileSync(path, lines.join('\n'));
  rerecordSeed(project);
}

function digest(dir: string): Map<string, string> {
  return new Map(
    listFiles(dir).map((f) => [
      f,
      createHash('sha256')
        .update(readFileSync(join(dir, f)))
        .digest('hex'),
    ]),
  );
}

describe('astro build on a changed table', () => {
  it('stops on a broken table, names the file and line, and publishes nothing', () => {
    const original = readFileSync(join(project, SEED), 'utf8');
    editSeed(14, (line) => line.replace('\t市公安局', ''));
    const outDir = join(project, 'dist-broken');
    const result = buildSite({ root: project, outDir });
    writeFileSync(join(project, SEED), original);
    rerecordSeed(project);
    assert.notEqual(result.status, 0);
    assert.match(result.output, /seeds\/000_0d21fb7026870303\.txt:14: expected 6 tab-separated cells, found 5/);
    assert.match(result.output, /机动车驾驶证公证/);
    assert.equal(existsSync(join(outDir, 'index.html')), false, 'no page was written');
  });

  it('shows an edit to the seed, and a bureau’s contact details once a deploying office fills them in', () => {
    editSeed(180, (line) => line.replace('申请人可在所在地婚姻登记机关办理结婚登记', '申请人可在任一婚姻登记机关办理结婚登记'));
    // Fixture data: a contact page and two contact fields for 市人社局, each with its source.
    const refs = join(project, 'content/references.yaml');
    writeFileSync(refs, `${readFileSync(refs, 'utf8')}  - id: fixture-hr-contact\n    title: 测试用联系方式页面\n    publisher: 测试单位\n`);
    const bureaus = join(project, 'content/bureaus.yaml');
    const citation = '{ source: fixture-hr-contact, checked: 2026-11-27 }';
    writeFileSync(
      bureaus,
      readFileSync(bureaus, 'utf8').replace(
        '  fullName: 石家庄市人力资源和社会保障局\n  aliases: []\n',
        `  fullName: 石家庄市人力资源和社会保障局\n  aliases: []\n  contact:\n    phone: { value: 0311-00000000, citation: ${citation} }\n    hours: { value: 工作日上午9点至下午5点（测试数据）, citation: ${citation} }\n`,
      ),
    );
    const outDir = join(project, 'dist-edited');
    const result = buildSite({ root: project, outDir });
    assert.equal(result.status, 0, result.output);
    const page = readFileSync(join(outDir, 'items/3-40/index.html'), 'utf8');
    assert.match(page, /申请人可在任一婚姻登记机关办理结婚登记/);
    for (const file of ['bureaus/human-resources/index.html', 'items/2-15/index.html']) {
      const html = readFileSync(join(outDir, file), 'utf8');
      assert.match(html, /咨询电话.*0311-00000000.*来源：测试用联系方式页面/s, file);
      assert.match(html, /办公时间.*工作日上午9点至下午5点（测试数据）/s, file);
      assert.doesNotMatch(html, /办公地址|网站<\/dt>/, `${file}: unfilled fields stay out`);
    }
    assert.doesNotMatch(readFileSync(join(outDir, 'items/3-40/index.html'), 'utf8'), /咨询电话/, 'other bureaus show no contact');
    assert.doesNotMatch(readBuilt('root', 'bureaus/human-resources/index.html'), /咨询电话/, 'the shipped registry shows none');
  });
});

/**
 * The table reader on corrupted tables, run as the build runs it: the content config builds the catalog with
 * loadCatalog(root) (src/content.config.ts), so these cases read the copied project's corrupted seed through that
 * same function, without an astro build each. That a reader's error stops `astro build`, with its file and line,
 * before anything is written, is the broken-table build above.
 */
describe('the build’s table reader on corrupted tables', () => {
  /** Reads the copy with its seed replaced by `corrupt(seed)` (its bytes recorded again, as a maintainer would). */
  function loadCorrupted(corrupt: (text: string) => string): Catalog {
    const path = join(project, SEED);
    const original = readFileSync(path, 'utf8');
    writeFileSync(path, corrupt(original));
    rerecordSeed(project);
    try {
      return loadCatalog(project);
    } finally {
      writeFileSync(path, original);
      rerecordSeed(project);
    }
  }

  it('CRLF line ends and a byte order mark: reads the same catalog, every item', () => {
    const plain = loadCatalog(project);
    const crlf = loadCorrupted((t) => `\uFEFF${t.split('\n').join('\r\n')}`);
    const declared = Number(/\(共 (\d+) 项\)/.exec(readFileSync(join(project, SEED), 'utf8'))![1]);
    assert.equal(crlf.items.length, declared);
    assert.deepEqual(crlf.items, plain.items);
  });

  const cases: [string, (text: string) => string, RegExp][] = [
    [
      'random bytes in a cell',
      (t) => t.replace('\t学位公证\t', '\t学位\u0000\u00ff\t公证\t'),
      /seeds\/000_0d21fb7026870303\.txt:13: expected 6 tab-separated cells, found 7/,
    ],
    [
      'a full-width item number',
      (t) => t.replace('\n2\t学位公证', '\n２\t学位公证'),
      /seeds\/000_0d21fb7026870303\.txt:13: item number "２" is not a whole number/,
    ],
    [
      'a merged line',
      (t) => t.replace('\n3\t机动车驾驶证公证', '3\t机动车驾驶证公证'),
      /seeds\/000_0d21fb7026870303\.txt:13: expected 6 tab-separated cells, found 11/,
    ],
  ];
  for (const [name, corrupt, error] of cases) {
    it(`${name}: stops with a line-numbered error`, () => {
      assert.throws(() => loadCorrupted(corrupt), error);
    });
  }
});

describe('reproducible builds', () => {
  it('two builds of the same sources are byte-identical', () => {
    const again = join(TEST_OUTPUT, 'root-again');
    const result = buildSite({ outDir: again, base: SITES.root.base, siteUrl: SITES.root.siteUrl });
    assert.equal(result.status, 0, result.output);
    const first = digest(SITES.root.dir);
    const second = digest(again);
    assert.deepEqual([...second.keys()], [...first.keys()]);
    const differing = [...first].filter(([file, hash]) => second.get(file) !== hash).map(([file]) => file);
    assert.deepEqual(differing, []);
  });
});
