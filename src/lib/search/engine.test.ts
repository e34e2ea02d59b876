import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { BATCH_IDS } from '../core/batches.ts';
import { batchTitle, plannedDeadline, plannedDeadlineOfTitle } from '../views/format.ts';
import { encodeIsland, readIsland, reasons, recordFacts, recordName, recordScenario, VERDICTS, type IndexRecord } from './engine.ts';

const record = (content: string, meta: IndexRecord['meta'] = {}): IndexRecord => ({ url: '/items/3-40/', content, meta });

describe('a search record read back from Pagefind’s content', () => {
  it('has its name up to the first space, whether Pagefind closed it with “. ” or, after a bracket, a space alone', () => {
    const plain = record('结婚登记. 申请人可在所在地婚姻登记机关办理结婚登记.');
    assert.deepEqual([recordName(plain), recordScenario(plain)], ['结婚登记', '申请人可在所在地婚姻登记机关办理结婚登记']);
    const bracket = record('生育登记（一孩/二孩） 申请人可异地网上申请生育登记（一孩/二孩）');
    assert.deepEqual([recordName(bracket), recordScenario(bracket)], ['生育登记（一孩/二孩）', '申请人可异地网上申请生育登记（一孩/二孩）']);
  });

  it('prefers a title kept as metadata', () => {
    assert.equal(recordName(record('结婚登记. 申请人….', { title: '结婚登记' })), '结婚登记');
  });
});

describe('what a result says under its name', () => {
  it('gives the batch’s deadline as the lists do and the lead bureaus, from the record’s filters', () => {
    const filters = { batch: ['第二批（2021年6月前）'], lead: ['市人社局', '市医保局'] };
    assert.equal(recordFacts({ ...record('社会保障卡申领. 申请人….'), filters }), '要求2021年6月前实现；牵头：市人社局、市医保局');
  });

  it('keeps the mark of a lead the site inferred, which only then is metadata', () => {
    const filters = { batch: ['第一批（2020年底前）'], lead: ['市人社局'] };
    assert.equal(recordFacts({ ...record('x. y.', { lead: '市人社局（本站推定）' }), filters }), '要求2020年底前实现；牵头：市人社局（本站推定）');
    assert.equal(recordFacts(record('x. y.')), '', 'nothing known, nothing said');
  });
});

describe('the planned deadline from a batch’s title', () => {
  it('says what plannedDeadline says for every batch', () => {
    for (const batch of BATCH_IDS) assert.equal(plannedDeadlineOfTitle(batchTitle(batch)), plannedDeadline(batch));
    assert.equal(plannedDeadlineOfTitle(''), undefined);
  });
});

describe('the search page’s data island', () => {
  it('reads back the phrasing and the common words it was written with', () => {
    const text = encodeIsland({ phrasing: '\t社保卡\t社会保障卡\nverb\t补办\t补领\t\t1', common: ['办理', '申请人'] });
    const data = readIsland(text);
    assert.deepEqual(data.common, ['办理', '申请人']);
    assert.deepEqual(
      data.lexicon.map((e) => e.say),
      [['社保卡'], ['补办']],
    );
    assert.equal(data.lexicon[1]?.strong, true);
    assert.deepEqual(readIsland(encodeIsland({ phrasing: '\t社保卡\t社会保障卡', common: [] })).common, []);
  });

  it('asks again for a file whose load failed, and once for one that loaded', async () => {
    let asked = 0;
    const facets = () => (++asked === 1 ? Promise.reject(new Error('offline')) : Promise.resolve(''));
    const data = readIsland(encodeIsland({ phrasing: '\t社保卡\t社会保障卡', common: [] }), undefined, facets);
    await assert.rejects(data.facets!(), /offline/);
    assert.ok(await data.facets!());
    assert.ok(await data.facets!());
    assert.equal(asked, 2);
  });

  it('refuses text that could end its script element', () => {
    assert.throws(() => encodeIsland({ phrasing: '\t</script>\tx', common: [] }), /“<”/);
  });
});

describe('a result’s one verdict', () => {
  const concept = { say: '驾照', means: ['驾驶证'], related: [], kind: 'thing' as const, source: 'lexicon' as const };
  const verdicts = (lines: { className: string; text: string }[]) => lines.filter((l) => l.className === 'tier').map((l) => l.text);

  it('says 匹配 once and words a reading as a reading, never with a verdict’s word', () => {
    const lines = reasons({ name: '机动车驾驶证公证', tier: 'full', hits: [{ concept, strength: 'same', wording: '驾驶证', rank: 0 }] });
    assert.deepEqual(verdicts(lines), [VERDICTS.full]);
    assert.deepEqual(
      lines.filter((l) => l.className === 'via').map((l) => l.text),
      ['“驾照”按“驾驶证”查找'],
    );
    assert.ok(!lines.some((l) => l.className === 'via' && /匹配|相符|相关/.test(l.text)));
  });

  it('says 部分相符 with what the item does not cover: a contradicted limit once, then the missing words', () => {
    const lines = reasons({
      name: '购房提取住房公积金',
      tier: 'partial',
      hits: [],
      gaps: ['装修', '离职'],
      conflicts: [{ kind: 'purpose', query: '装修', item: ['购房'] }],
    });
    assert.deepEqual(verdicts(lines), ['部分相符：本事项限于“购房”，不含“装修”；本事项不含“离职”']);
  });

  it('says what the query does not want once, as the query’s, and no generic word as a reading', () => {
    const lines = reasons({
      name: '单位职工基本医疗保险参保登记',
      tier: 'partial',
      hits: [{ concept: { ...concept, say: '实体', means: [], source: 'word' }, strength: 'same', wording: '社会保障卡', rank: 0, generic: true }],
      gaps: [],
      conflicts: [{ kind: 'negated', query: '单位', item: ['单位'] }],
    });
    assert.deepEqual(verdicts(lines), ['部分相符：查询说不是“单位”，本事项正是']);
    assert.deepEqual(
      lines.filter((l) => l.className === 'via'),
      [],
    );
  });

  it('asserts a difference only where the data knows one; otherwise asks to confirm', () => {
    const related = (unsure: boolean) => ({
      concept: { say: '教师资格证', means: [], related: ['专业技术人员职业资格证书'], kind: 'thing' as const, source: 'lexicon' as const, unsure },
      strength: 'related' as const,
      wording: '专业技术人员职业资格证书',
      rank: 0,
    });
    assert.deepEqual(verdicts(reasons({ name: 'x', tier: 'related', hits: [related(false)] })), [
      '相关，不是同一事项：“教师资格证”与“专业技术人员职业资格证书”不同',
    ]);
    assert.deepEqual(verdicts(reasons({ name: 'x', tier: 'related', hits: [related(true)] })), [
      '可能相关，请向办理部门确认：本目录不能判断本事项是否包括“教师资格证”',
    ]);
  });
});
