import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildCatalog } from '../catalog/catalog.ts';
import { checkPhrasing, deadWordings, parseLexicon, serviceEntries } from './lexicon.ts';
import { meaningfulScenario, wordingOccursIn } from './wording.ts';
import { entriesFor, everydayWords, itemMatchText } from '../search/rank.ts';
import { readProjectFile, realInputs } from '../../../tests/harness/inputs.ts';

describe('the lexicon', () => {
  const lexicon = parseLexicon(readProjectFile('content/lexicon.yaml'), 'content/lexicon.yaml');
  const catalog = buildCatalog(realInputs());
  const { items } = catalog;
  /** The everyday words an item is found under, as the engine derives them from the lexicon. */
  const everyday = (item: (typeof items)[number]) => everydayWords(itemMatchText(item), serviceEntries(catalog.lexicon));

  it('matches multi-word official wordings word by word', () => {
    assert.ok(wordingOccursIn('企业 设立登记', '内资企业及分支机构设立登记'));
    assert.ok(!wordingOccursIn('企业 设立登记', '个体工商户设立登记'));
  });

  it('gives every sorted item at least two everyday words to be found by', () => {
    // A new item not yet sorted (未归类, the build warns) waits for its words as for its topics.
    const poor = items.filter((i) => i.topics.length > 0 && everyday(i).length < 2).map((i) => `${i.id} ${i.name}`);
    assert.deepEqual(poor, []);
  });

  it('ties the colloquial words of the issue to their items', () => {
    const words = (id: string) => everyday(items.find((i) => i.id === id)!);
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
      /l\.yaml:3: "社保" is already a say word at l.yaml:1/,
    );
    assert.deepEqual(deadWordings([{ say: ['x'], means: ['不存在的说法'], related: ['结婚登记'], line: 4 }], ['结婚登记']), [
      { line: 4, wording: '不存在的说法' },
    ]);
    assert.deepEqual(deadWordings([{ say: ['x'], means: [], related: ['不存在的事项'], line: 5 }], ['结婚登记']), [{ line: 5, wording: '不存在的事项' }]);
  });

  it('stops on a say word listed twice across the lexicon and the phrasing data, naming the later file and line', () => {
    const lexicon = parseLexicon('- say: [年审]\n  means: [待遇资格认证]\n', 'content/lexicon.yaml');
    const phrasing = parseLexicon('- class: filler\n  say: [请问]\n- class: verb\n  say: [认证, 年审]\n  means: [认证]\n', 'content/phrasing.yaml');
    assert.throws(() => checkPhrasing([...lexicon, ...phrasing]), /content\/phrasing\.yaml:3: "年审" is already a say word at content\/lexicon\.yaml:1/);
  });

  it('stops on a means or related wording of any class that matches no item, naming file and line', () => {
    const phrasing = parseLexicon('- class: place\n  say: [北京]\n- class: group\n  say: [农民工]\n  means: [没有这个说法]\n', 'content/phrasing.yaml');
    assert.deepEqual(deadWordings(phrasing, ['灵活就业人员']), [{ file: 'content/phrasing.yaml', line: 3, wording: '没有这个说法' }]);
    // The whole pipeline stops with that file and line.
    const inputs = realInputs();
    const bad = parseLexicon('- class: purpose\n  say: [开飞机]\n  means: [飞行执照]\n', 'content/phrasing.yaml');
    assert.throws(
      () => buildCatalog({ ...inputs, lexicon: { ...inputs.lexicon, entries: [...inputs.lexicon.entries, ...bad] } }),
      /content\/phrasing\.yaml:1: official wording "飞行执照" occurs in no item/,
    );
  });

  it('stops on an entry another shadows: a word a place or filler removes first, or one no query can contain', () => {
    const places = parseLexicon('- class: place\n  say: [外地]\n- class: filler\n  say: [手续]\n', 'content/phrasing.yaml');
    const shadowedByPlace = parseLexicon('- say: [外地看病]\n  means: [就医]\n', 'content/lexicon.yaml');
    assert.throws(() => checkPhrasing([...places, ...shadowedByPlace]), /content\/lexicon\.yaml:1: "外地看病" is shadowed by the place "外地"/);
    const shadowedByFiller = parseLexicon('- class: purpose\n  say: [手续]\n  means: [登记]\n', 'content/phrasing.yaml');
    assert.throws(
      () => checkPhrasing([...places, ...shadowedByFiller]),
      /content\/phrasing\.yaml:1: "手续" is already a say word at content\/phrasing\.yaml:\d+/,
    );
    assert.throws(
      () => parseLexicon('- say: [Social Security]\n  means: [社会保障卡]\n', 'content/lexicon.yaml'),
      /content\/lexicon\.yaml:1: "Social Security" can never be typed/,
    );
    // Latin words travel only to queries with Latin letters (the Latin data, pinyin.ts).
    assert.throws(
      () => parseLexicon('- class: foreign\n  say: ["12333"]\n  means: [社会保障卡]\n', 'content/phrasing.yaml'),
      /content\/phrasing\.yaml:1: "12333" has no Latin letter/,
    );
  });

  it('accepts related-only entries, rejects entries with neither means nor related, and never indexes items under related words', () => {
    assert.deepEqual(parseLexicon('- say: [纳税证明]\n  related: [纳税状况公证]\n', 'l.yaml')[0]?.related, ['纳税状况公证']);
    assert.throws(() => parseLexicon('- say: [纳税证明]\n', 'l.yaml'), /l\.yaml:1: invalid lexicon entry/);
    const taxItem = items.find((i) => i.id === '2-4')!;
    assert.ok(!everyday(taxItem).includes('纳税证明'));
    assert.ok(!everyday(items.find((i) => i.id === '1-1')!).includes('学历认证'));
    assert.ok(!everyday(items.find((i) => i.id === '1-20')!).includes('职称'));
  });
});
