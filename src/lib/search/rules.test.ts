import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readProjectFile } from '../../../tests/harness/inputs.ts';
import { parseLexicon } from '../source/lexicon.ts';
import { compactEntry, isScrap, queryConcepts, stripPlaces as strip, type QueryLexiconEntry } from './rules.ts';
import { joinSyllables, latinReader, translateForeign } from './latin.ts';
import { restReader } from './rest.ts';

const segment = (text: string) => [...new Intl.Segmenter('zh-CN', { granularity: 'word' }).segment(text)].filter((s) => s.isWordLike).map((s) => s.segment);
/** The real phrasing data (verbs, groups, purposes, fillers, places), with a few service words of the test's own. */
const phrasingData = parseLexicon(readProjectFile('content/phrasing.yaml'), 'content/phrasing.yaml');
const ofClass = (c: string) => phrasingData.filter((e) => e.class === c);
const FILLERS = ofClass('filler').flatMap((e) => e.say);
const lexicon: QueryLexiconEntry[] = [
  ...phrasingData.map(compactEntry),
  { say: ['结婚证', '领结婚证'], means: ['结婚登记'] },
  { say: ['社保卡'], means: ['社会保障卡'] },
  { say: ['公积金'], means: ['住房公积金'] },
  { say: ['身份证'], means: ['居民身份证'] },
  { say: ['纳税证明'], means: [], related: ['纳税状况公证'] },
  { say: ['离婚'], means: ['离婚登记'] },
  { say: ['产假工资', '生育津贴'], means: ['生育保险'] },
  { say: ['社保证明'], means: ['参保证明'] },
  { say: ['户籍证明'], means: ['户籍类证明'] },
  { say: ['纳税证明书'], means: ['纳税'] },
];
const stripPlaces = (q: string) => strip(q, lexicon);
const concepts = (q: string, common: string[] = []) => queryConcepts(q, lexicon, segment, new Set(common), latinReader(lexicon), restReader);
const said = (q: string) => concepts(q).map((c) => c.say);

describe('places are stripped, never matched', () => {
  it('removes “人在…”, “在外地…”, “不回老家…” and bare place names', () => {
    assert.equal(stripPlaces('人在北京想办社保卡'), '想办社保卡');
    assert.equal(stripPlaces('在外地上班领结婚证'), '领结婚证');
    assert.equal(stripPlaces('不回老家能结婚吗'), '能结婚吗');
    assert.equal(stripPlaces('在深圳打工'), '');
    assert.equal(stripPlaces('社保转回石家庄'), '社保转');
    assert.equal(stripPlaces('外地户口能交医保吗'), '能交医保吗');
  });

  it('keeps the registration said with a place where nothing else is left to move (户口在外省想迁到石家庄)', () => {
    assert.equal(strip('户口在外省想迁到石家庄', lexicon, true), '户口 想迁');
    assert.deepEqual(said('户口在外省想迁到石家庄'), ['户口', '迁']);
    assert.deepEqual(said('外地户口怎么迁过来'), ['户口', '迁过来']);
    // Another thing moves: the registration is where the person is registered.
    assert.ok(!said('内蒙户口来石家庄，残疾证能迁过来吗').includes('户口'));
    assert.ok(!said('外地户口能交医保吗').includes('户口'));
  });

  it('removes the 跨省通办 premise: where the person is registered or a thing was obtained, and not going back', () => {
    assert.equal(stripPlaces('俩人户口都不在石家庄能领结婚证吗'), '俩人 能领结婚证吗');
    assert.equal(stripPlaces('驾照不是在这儿领的能公证吗'), '驾照 能公证吗');
    assert.equal(stripPlaces('外省买的二手车过户'), '二手车过户');
    assert.equal(stripPlaces('学位证公证不用回学校那边'), '学位证公证');
    assert.equal(stripPlaces('工伤了要跟参保地报备'), '工伤了要 报备');
    // 户口 that is still somewhere may be the registration to move: it stays.
    assert.equal(stripPlaces('户口还在老家想迁过来'), '户口还 想迁过来');
    // A document that is itself a service stays.
    assert.equal(stripPlaces('户口本在老家怎么开证明'), '户口本 怎么开证明');
  });

  it('leaves no place in the concepts of a query', () => {
    assert.deepEqual(said('人在上海领结婚证'), ['领结婚证']);
    assert.deepEqual(said('在广东省工作交公积金'), ['交', '公积金']);
  });
});

describe('fillers, single characters, digits and non-pinyin Latin never count on their own', () => {
  it('gives no concept for fillers, digits or lone characters', () => {
    for (const q of ['的', '啊', '我要办', '怎么办', '在哪里', '你好', '咨询一下', '13812345678', '2021', '好']) assert.deepEqual(concepts(q), [], q);
  });

  it('keeps Latin words as pinyin candidates, which the ranking checks against the items’ pinyin', () => {
    assert.deepEqual(
      concepts('xyz').map((c) => c.source),
      ['pinyin'],
    );
    assert.deepEqual(said('she bao ka'), ['shebaoka']);
  });

  it('drops words most items contain', () => {
    assert.deepEqual(said('护照业务'), ['护照', '业务']);
    assert.deepEqual(
      concepts('护照业务', ['业务']).map((c) => c.say),
      ['护照'],
    );
  });

  it('lists fillers of two or more characters only where they are words', () => {
    assert.ok(FILLERS.includes('我要') && FILLERS.includes('怎么'));
  });
});

describe('everyday verbs map to official verbs', () => {
  const verb = (q: string) => concepts(q).find((c) => c.kind === 'action');
  for (const [everyday, official] of [
    ['领', '申领'],
    ['销户', '注销'],
    ['查', '查询'],
    ['补', '补领'],
    ['换', '换领'],
    ['转', '转移接续'],
    ['迁', '迁移'],
    ['开', '开具'],
    ['交', '缴存'],
    ['取', '提取'],
  ] as const) {
    it(`${everyday} → ${official}`, () => {
      const found = verb(`${everyday}公积金`);
      assert.equal(found?.say, everyday);
      assert.ok(found?.means.includes(official), `${everyday}: ${found?.means.join('、')}`);
    });
  }

  it('a verb is an action: it ranks results but never names a service', () => {
    assert.ok(ofClass('verb').every((r) => r.means.length > 0));
    assert.deepEqual(
      concepts('补办').map((c) => c.kind),
      ['action'],
    );
  });
});

describe('everyday names for groups of people', () => {
  for (const [everyday, official] of [
    ['农民工', '灵活就业人员'],
    ['退休老人', '领取养老金人员'],
    ['大学生', '大中专'],
    ['毕业生', '大中专'],
    ['退伍军人', '退役军人'],
    ['宝宝', '新生儿'],
    ['孩子', '新生儿'],
    ['新生儿', '新生儿'],
    ['个体老板', '个体工商户'],
    ['自由职业', '灵活就业人员'],
    ['灵活就业', '灵活就业人员'],
    ['娃', '新生儿'],
    ['退伍', '退役军人'],
    ['小卖部', '个体工商户'],
    ['孙子', '新生儿'],
    ['体制内', '机关事业单位'],
  ] as const) {
    it(`${everyday} → ${official}`, () => {
      const found = concepts(everyday)[0];
      assert.equal(found?.source, 'group');
      assert.ok(found?.means.includes(official));
    });
  }

  it('every group rule names an official wording', () => assert.ok(ofClass('group').every((r) => r.means.length > 0)));
});

describe('purpose phrasing', () => {
  for (const [everyday, official] of [
    ['买房想用公积金', '购房'],
    ['退休了领钱', '养老金'],
    ['生孩子', '生育'],
    ['看病', '就医'],
    ['换工作了', '转移接续'],
  ] as const) {
    it(`${everyday} → ${official}`, () => {
      const found = concepts(everyday).find((c) => c.source === 'purpose');
      assert.ok(found?.means.includes(official), JSON.stringify(concepts(everyday)));
    });
  }

  it('every purpose rule names an official wording', () => assert.ok(ofClass('purpose').every((r) => r.means.length > 0)));
});

describe('words are read whole', () => {
  it('does not take a one-character verb out of a longer word', () => {
    assert.ok(!concepts('公交卡充值').some((c) => c.kind === 'action'), '交 in 公交卡');
    assert.ok(!concepts('生二胎要办什么手续').some((c) => c.say === '续'), '续 in 手续');
    assert.deepEqual(said('交燃气费'), ['交', '燃气费']);
  });

  it('does not read a thing inside another noun', () => {
    assert.deepEqual(said('公积金费'), ['公积金费']);
    assert.ok(!said('居住证办理').includes('居住'), '居住证 is one word');
  });

  it('reads the official verb typed as is', () => {
    const [, verb] = concepts('身份证换领');
    assert.equal(verb?.kind, 'action');
    assert.ok(verb?.means.includes('换领'));
  });
});

describe('lexicon words and typos', () => {
  it('finds the longest everyday word first, without overlap', () => {
    assert.deepEqual(said('领结婚证'), ['领结婚证']);
    assert.deepEqual(said('社保卡补办'), ['社保卡', '补办']);
  });

  it('keeps related-only words apart from their services', () => {
    const [c] = concepts('纳税证明');
    assert.deepEqual([c?.means, c?.related], [[], ['纳税状况公证']]);
  });

  it('reads a known word with one mistyped character (3 characters or more)', () => {
    const [c] = concepts('公基金');
    assert.ok(c?.means.includes('住房公积金'));
    assert.equal(c?.readAs, '公积金', 'says which known word it was read as');
    assert.equal(concepts('公积金')[0]?.readAs, undefined, 'a word typed right is read as itself');
    assert.ok(concepts('身分证')[0]?.means.includes('居民身份证'));
    assert.equal(concepts('基金')[0]?.source, 'word', 'two characters are too few to guess');
    assert.equal(concepts('公积金税')[0]?.source, 'word', 'another document or charge is no typo');
    assert.ok(concepts('身份正')[0]?.means.includes('居民身份证'), 'a non-document character typed for 证 is a typo');
    assert.equal(concepts('身份后')[0]?.readAs, undefined, 'a word with 后 says when, not which document');
  });

  it('reads a known official wording mistyped even where part of it looks like a verb', () => {
    const [c, ...others] = concepts('结昏登记');
    assert.deepEqual([c?.say, c?.means.includes('结婚登记'), c?.readAs, others.length], ['结昏登记', true, '结婚登记', 0]);
    assert.ok(concepts('我要结昏登记').some((x) => x.means.includes('结婚登记')));
    // A real word is no typo, even one character away from a known wording.
    assert.deepEqual(said('离婚登记'), ['离婚', '登记']);
  });
});

describe('classes of phrasing found in fresh queries (set H)', () => {
  const withServices = [
    ...lexicon,
    { say: ['异地就医备案'], means: ['异地就医结算备案'] },
    { say: ['异地就医'], means: ['异地就医'] },
    { say: ['探矿证'], means: ['探矿权'] },
    { say: ['二手车'], means: ['二手车交易登记'] },
    { say: ['二手房'], means: ['不动产'] },
  ];
  const read = (q: string) => queryConcepts(q, withServices, segment, new Set(), undefined, restReader);

  it('reads a homophone typo at the end of a long service word in a spoken sentence', () => {
    const found = read('异地就医备按咋弄啊').find((c) => c.source === 'lexicon');
    assert.equal(found?.readAs, '异地就医备案');
  });

  it('never reads a typo that cuts into a longer word (二手面包车 is a van, not 二手房)', () => {
    assert.ok(!read('二手面包车').some((c) => c.readAs));
  });

  it('reads a generic word whole where the segmenter would cut it (出资额 in 出资额变了), and lets a service word overlap a facet word', () => {
    const lex = [
      ...withServices,
      { class: 'facet' as const, say: ['出资额', '出资', '变了'] },
      { class: 'facet' as const, say: ['个人参保'], facet: 'who=个人' },
      { say: ['参保证明'], means: ['参保证明'] },
    ];
    const says = (q: string) => queryConcepts(q, lex, segment, new Set(), undefined, restReader).map((c) => c.say);
    assert.deepEqual(says('成员和出资额变了'), ['成员', '出资额', '变了']);
    assert.ok(says('个人参保证明').includes('参保证明'));
  });

  it('reads an official term followed by a person suffix as the term (探矿权人)', () => {
    const lex = [...lexicon, { say: ['探矿权'], means: ['探矿权'] }];
    assert.ok(queryConcepts('探矿权人延续登记', lex, segment, new Set(), undefined, restReader).some((c) => c.say === '探矿权'));
  });

  it('translates English and mixed words for documents and actions, gluing them to their neighbours', () => {
    assert.equal(translateForeign('social security card lost', lexicon), '社保卡丢了');
    assert.equal(translateForeign('医保 qr code', lexicon), '医保二维码');
    assert.equal(translateForeign('driving licence', lexicon), '驾照', 'British spelling');
    assert.equal(translateForeign('unemployment benefits', lexicon), '失业金', 'plural');
    assert.ok(
      said('no criminal record certificate').every((w) => !/[a-z]/.test(w)),
      'leftover English fillers name nothing',
    );
  });
});

describe('pinyin typed with spaces', () => {
  it('joins single syllables into one word and keeps longer words apart', () => {
    assert.equal(joinSyllables('she bao ka'), 'shebaoka');
    assert.equal(joinSyllables('gjj tiqu'), 'gjj tiqu');
    assert.equal(joinSyllables('yibao beian'), 'yibao beian');
    assert.equal(joinSyllables('gong ji jin tiqu'), 'gongjijin tiqu');
  });

  it('drops pinyin fillers and reads pinyin verbs as actions', () => {
    assert.deepEqual(said('shebaoka banli'), ['shebaoka']);
    const [thing, action] = concepts('gjj cx');
    assert.deepEqual([thing?.say, action?.kind, action?.means.includes('查询')], ['gjj', 'action', true]);
  });

  it('gives one pinyin concept per word', () => {
    assert.deepEqual(said('gjj tiqu'), ['gjj', '提取']);
    assert.deepEqual(said('she bao ka'), ['shebaoka']);
  });
});

describe('part of a known everyday word', () => {
  it('stands for what that word means, since the index holds whole words (产假 in 产假工资)', () => {
    const [c] = concepts('产假');
    assert.deepEqual([c?.source, c?.means], ['word', ['生育保险']]);
  });

  it('borrows nothing when many everyday words contain it: it is too vague', () => {
    assert.deepEqual(concepts('证明')[0]?.means ?? [], []);
  });
});

describe('scraps of speech', () => {
  it('are counts and words with a light character, not words that say something', () => {
    for (const w of ['一年', '两项', '每月', '按月', '那笔', '出了', '做的', '先拿']) assert.ok(isScrap(w), w);
    for (const w of ['翻译', '离职', '四级', '二孩', '三项补贴', '成为', '不动产', '上市', '下岗', '过户']) assert.ok(!isScrap(w), w);
  });
});

describe('typos', () => {
  it('never cut into a word that states a facet', () => {
    const entries: QueryLexiconEntry[] = [
      { say: ['二手房'], means: ['不动产登记'] },
      { class: 'facet', say: ['小轿车'], facet: 'vehicle=小型非营运' },
    ];
    const segment = (text: string) => [...new Intl.Segmenter('zh', { granularity: 'word' }).segment(text)].map((s) => s.segment);
    assert.deepEqual(
      queryConcepts('二手小轿车', entries, segment, new Set(), undefined, restReader).filter((c) => c.readAs),
      [],
      '二手小 is not 二手房 mistyped',
    );
    assert.equal(queryConcepts('二手防', entries, segment, new Set(), undefined, restReader)[0]?.readAs, '二手房', 'without the facet word, a typo as before');
  });
});
