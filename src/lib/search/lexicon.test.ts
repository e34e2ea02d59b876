import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildCatalog } from '../catalog.ts';
import { deadWordings, entriesFor, parseLexicon, wordingOccursIn } from './lexicon.ts';
import { meaningfulScenario } from './terms.ts';
import { readProjectFile, realInputs } from '../../../tests/support/inputs.ts';

describe('the lexicon', () => {
  const lexicon = parseLexicon(readProjectFile('content/lexicon.yaml'), 'content/lexicon.yaml');
  const { items } = buildCatalog(realInputs());

  it('matches multi-word official wordings word by word', () => {
    assert.ok(wordingOccursIn('企业 设立登记', '内资企业及分支机构设立登记'));
    assert.ok(!wordingOccursIn('企业 设立登记', '个体工商户设立登记'));
  });

  it('gives every item at least two everyday words to be found by', () => {
    const poor = items.filter((i) => i.searchTerms.everyday.length < 2).map((i) => `${i.id} ${i.name}`);
    assert.deepEqual(poor, []);
  });

  it('ties the colloquial words of the issue to their items', () => {
    const words = (id: string) => items.find((i) => i.id === id)!.searchTerms.everyday;
    for (const [id, word] of [
      ['2-15', '社保卡'],
      ['1-3', '驾照'],
      ['3-40', '领结婚证'],
      ['2-22', '准生证'],
      ['1-32', '开公司'],
      ['1-49', '医保卡'],
      ['3-3', '迁户口'],
      ['1-27', '公积金'],
      ['1-22', '房产'],
      ['1-13', '退休金'],
      ['2-31', '看病报销'],
      ['2-22', '二胎'],
      ['2-23', '三胎'],
    ] as const) {
      assert.ok(words(id).includes(word), `${id} ${word}`);
    }
  });

  it('does not tie a word to every item through the boilerplate “不受…限制” clause', () => {
    assert.equal(meaningfulScenario('申请人可在所在地婚姻登记机关办理结婚登记，不受户籍地限制。'), '申请人可在所在地婚姻登记机关办理结婚登记');
    const withHukouBen = items.filter((i) => entriesFor(lexicon, `${i.name} ${meaningfulScenario(i.scenario)}`).some((e) => e.say.includes('户口本')));
    assert.deepEqual(
      withHukouBen.map((i) => i.id),
      ['3-2'],
    );
  });

  it('rejects a word said twice and reports wordings that match nothing', () => {
    assert.throws(
      () => parseLexicon('- say: [社保]\n  means: [社会保障卡]\n- say: [社保]\n  means: [社会保险]\n', 'l.yaml'),
      /l\.yaml:3: "社保" is already a say word on line 1/,
    );
    assert.deepEqual(deadWordings([{ say: ['x'], means: ['不存在的说法'], related: ['结婚登记'], line: 4 }], ['结婚登记']), [
      { line: 4, wording: '不存在的说法' },
    ]);
    assert.deepEqual(deadWordings([{ say: ['x'], means: [], related: ['不存在的事项'], line: 5 }], ['结婚登记']), [{ line: 5, wording: '不存在的事项' }]);
  });

  it('accepts related-only entries, rejects entries with neither means nor related, and never indexes items under related words', () => {
    assert.deepEqual(parseLexicon('- say: [纳税证明]\n  related: [纳税状况公证]\n', 'l.yaml')[0]?.related, ['纳税状况公证']);
    assert.throws(() => parseLexicon('- say: [纳税证明]\n', 'l.yaml'), /l\.yaml:1: invalid lexicon entry/);
    const taxItem = items.find((i) => i.id === '2-4')!;
    assert.ok(!taxItem.searchTerms.everyday.includes('纳税证明'));
    assert.ok(!items.find((i) => i.id === '1-1')!.searchTerms.everyday.includes('学历认证'));
    assert.ok(!items.find((i) => i.id === '1-20')!.searchTerms.everyday.includes('职称'));
  });
});
