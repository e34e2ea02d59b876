import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildCatalog } from '../catalog/catalog.ts';
import { commonWords, conceptHit, everydayWords, itemMatchText, negatedConcepts, rankResults, resultState, states, type ItemWords } from './rank.ts';
import { queryConcepts, type Concept, type QueryLexiconEntry } from './rules.ts';
import { latinReader, pinyinSourceWords } from './latin.ts';
import { restReader } from './rest.ts';
import { normalizeQuery } from './query.ts';
import { segmentWords } from './segment.ts';
import { catalogPinyinMap } from './terms.ts';
import { serviceEntries } from '../source/lexicon.ts';
import { realInputs } from '../../../tests/harness/inputs.ts';

const concept = (say: string, over: Partial<Concept> = {}): Concept => ({ say, means: [], related: [], kind: 'thing', source: 'word', ...over });
const words = (name: string, scenario = '', everyday: string[] = [], pinyin: string[] = []): ItemWords => ({
  name,
  text: `${name} ${scenario}`,
  everyday,
  pinyin,
});

describe('conceptHit', () => {
  it('reads an office the query names as where the item is handled only when that office leads it', () => {
    const marriage = { ...words('结婚登记', '申请人可在登记地办理'), offices: ['市民政局'] };
    assert.deepEqual(conceptHit(concept('民政局'), marriage), { concept: concept('民政局'), strength: 'same', wording: '市民政局', rank: 0 });
    assert.equal(conceptHit(concept('公安局'), marriage), undefined, 'another office is a part the item lacks');
    assert.equal(conceptHit(concept('民政'), marriage), undefined, 'a word that does not name an office');
  });

  it('reads who applies (个人) as the item’s where its text or facets say so, weighing little, and as a part it lacks otherwise', () => {
    const person = concept('个人', { applicant: true });
    assert.deepEqual(conceptHit(person, words('个人社保参保证明查询打印')), { concept: person, strength: 'same', wording: '个人', rank: 0 });
    const limited = { ...words('失业登记'), limits: new Map([['个人', '个人']]) };
    assert.equal(conceptHit(person, limited)?.generic, true, 'its facets account for it; it does not find the item');
    assert.equal(conceptHit(person, words('住房公积金单位登记开户')), undefined);
  });

  it('accounts for a generic word of the item’s facets and for a scrap of speech, never for a group the phrasing names', () => {
    const card = {
      ...words('社会保障卡申领'),
      generic: new Map([
        ['实体', '社会保障卡'],
        ['两口子', '个人'],
        ['宝宝', '个人'],
      ]),
    };
    assert.deepEqual(conceptHit(concept('实体'), card), { concept: concept('实体'), strength: 'same', wording: '社会保障卡', rank: 0, generic: true });
    assert.equal(conceptHit(concept('实体'), words('社会保障卡申领')), undefined, 'without the item’s facets, a part it lacks');
    assert.equal(conceptHit(concept('宝宝', { source: 'group', means: ['新生儿'] }), card), undefined, '宝宝 names 新生儿, a group this item lacks');
    assert.equal(conceptHit(concept('一年'), card)?.generic, true, 'a count');
    assert.equal(conceptHit(concept('出了'), card)?.generic, true, 'a word with a light character');
    assert.equal(conceptHit(concept('翻译'), card), undefined, 'a word that says something');
  });

  it('prefers the official wording, so a result can say which one it has', () => {
    const hit = conceptHit(concept('社保卡', { source: 'lexicon', means: ['社会保障卡'] }), words('社会保障卡补领', '', ['社保卡']));
    assert.deepEqual([hit?.strength, hit?.wording], ['same', '社会保障卡']);
  });

  it('reads an official wording the query spells in full as that wording, not as a later reading of a shorter word in it', () => {
    const licence = concept('技能等级证', { source: 'lexicon', means: ['职业资格证书', '职业技能等级证书'] });
    const item = words('职业技能等级证书查询、核验');
    assert.deepEqual(conceptHit(licence, item, '职业技能等级证书真伪查询'), { concept: licence, strength: 'same', wording: '职业技能等级证书', rank: 0 });
    assert.equal(conceptHit(licence, item, '技能等级证查询')?.rank, 1);
  });

  it('tells a related service apart from the same one', () => {
    const hit = conceptHit(concept('纳税证明', { source: 'lexicon', related: ['纳税状况公证'] }), words('纳税状况公证'));
    assert.deepEqual([hit?.strength, hit?.wording], ['related', '纳税状况公证']);
  });

  it('counts pinyin only against the words the item is found under by pinyin, as the spelling typed', () => {
    const item = words('社会保障卡补领', '', ['社保卡'], ['社保卡', '社会保障卡']);
    const hit = conceptHit(concept('sbk', { source: 'pinyin', spelled: ['社保卡'] }), item);
    assert.deepEqual([hit?.strength, hit?.wording], ['same', 'sbk']);
    assert.equal(conceptHit(concept('she', { source: 'pinyin', spelled: ['社'] }), item), undefined);
    assert.equal(conceptHit(concept('xyz', { source: 'pinyin', spelled: [] }), item), undefined);
  });
});

describe('pinyinSourceWords', () => {
  it('lists the everyday words, the official words they stand for, the name’s words and the whole name', () => {
    const lexicon = [
      { say: ['驾照'], means: ['机动车驾驶证'] },
      { say: ['户口本'], means: ['户籍'] },
    ];
    assert.deepEqual(
      pinyinSourceWords({ name: '机动车驾驶证公证', scenario: '办理公证。不受户籍地限制。' }, lexicon, segmentWords),
      ['驾照', '机动车驾驶证', ...segmentWords('机动车驾驶证公证').filter((w) => w.length >= 2), '机动车驾驶证公证'].filter(
        (w, i, all) => all.indexOf(w) === i,
      ),
    );
  });
});

describe('rankResults: the relevance floor and the three states', () => {
  const items = [words('社会保障卡补领、换领、换发'), words('社会保障卡申领'), words('营业执照遗失补领、换发'), words('失业登记')];
  const rank = (query: string, concepts: Concept[]) => rankResults(query, concepts, items, (w) => w).map((r) => `${r.tier}:${r.item.name}`);
  const card = concept('社保卡', { source: 'lexicon', means: ['社会保障卡'] });
  const reissue = concept('补办', { kind: 'action', source: 'verb', means: ['补领'] });

  it('keeps only candidates that share a meaningful concept', () => {
    assert.deepEqual(rank('社保卡补办', [card, reissue]), ['full:社会保障卡补领、换领、换发', 'full:社会保障卡申领']);
  });

  it('never lets an action alone make a result when the query names a thing the catalog lacks', () => {
    assert.deepEqual(rank('护照补办', [concept('护照'), reissue]), []);
  });

  it('gives no ranked answer when the query names no thing, only an action (补办, 查询)', () => {
    assert.deepEqual(rank('补办', [reissue]), []);
  });

  it('lets an action alone pick among the items a filter chose (提取 in the topic 住房公积金)', () => {
    const ranked = rankResults(
      '补办',
      [reissue],
      items,
      (w) => w,
      [],
      () => [],
      true,
    );
    assert.deepEqual(ranked.map((r) => `${r.tier}:${r.item.name}`).sort(), ['full:社会保障卡补领、换领、换发', 'full:营业执照遗失补领、换发']);
  });

  it('says per item what it leaves unanswered, and never labels an item whose limit the query contradicts as full', () => {
    const ranked = rankResults(
      '社保卡补办',
      [card, { ...reissue, strong: true }],
      items,
      (w) => w,
      [],
      (item) => (item.name.startsWith('社会保障卡补领') ? [{ kind: 'who', query: '单位', item: ['个人'] }] : []),
    );
    const reissued = ranked.find((r) => r.item.name.startsWith('社会保障卡补领'));
    assert.equal(reissued?.tier, 'partial');
    assert.deepEqual(reissued?.conflicts, [{ kind: 'who', query: '单位', item: ['个人'] }]);
    const other = ranked.find((r) => !r.item.name.startsWith('社会保障卡补领') && r.item.name.includes('社会保障卡'));
    assert.deepEqual(other?.gaps, ['补办']);
  });

  it('labels items with only some of the known things as partial', () => {
    const ranked = rankResults('社保卡失业', [card, concept('失业')], items, (w) => w);
    assert.deepEqual(
      ranked.map((r) => r.tier),
      ['partial', 'partial', 'partial'],
    );
    assert.equal(resultState(ranked), 'partial');
  });

  it('keeps results partial when the catalog lacks a word of the query (房屋租赁备案)', () => {
    // Equal otherwise, the item whose name says no more than was asked comes first.
    assert.deepEqual(rank('社保卡租赁', [card, concept('租赁')]), ['partial:社会保障卡申领', 'partial:社会保障卡补领、换领、换发']);
  });

  it('ranks an item answering more parts of the query first, before weight', () => {
    const closed = concept('注销', { kind: 'action', source: 'verb', means: ['注销'], strong: true });
    const licence = concept('执照', { source: 'lexicon', means: ['营业执照'] });
    const shop = concept('小饭馆', { source: 'group', means: ['个体工商户'] });
    const pool = [words('营业执照遗失补领、换发'), words('个体工商户注销登记')];
    assert.deepEqual(
      rankResults('小饭馆不干了执照', [shop, closed, licence], pool, (w) => w).map((r) => r.item.name),
      ['个体工商户注销登记', '营业执照遗失补领、换发'],
    );
  });

  it('makes a result full only when it does the specific action asked for (驾照到期换证)', () => {
    const renew = concept('换证', { kind: 'action', source: 'verb', means: ['换领', '换发'], strong: true });
    assert.deepEqual(rank('社保卡换证', [card, renew]), ['full:社会保障卡补领、换领、换发', 'partial:社会保障卡申领']);
  });

  it('leaves partial an item that does one specific action of the query where another item of the same things does it and the rest', () => {
    const verb = (say: string, means: string[]) => concept(say, { kind: 'action', source: 'verb', means, strong: true });
    const pharmacist = concept('药师');
    const pool = [words('执业药师注册'), words('执业药师注销注册'), words('执业药师延续注册')];
    const tiers = (query: string, concepts: Concept[]) => rankResults(query, concepts, pool, (w) => w).map((r) => `${r.tier}:${r.item.name}`);
    assert.deepEqual(tiers('药师不干了注册', [pharmacist, verb('不干了', ['注销']), verb('注册', ['注册'])]), [
      'full:执业药师注销注册',
      'partial:执业药师注册',
      'partial:执业药师延续注册',
    ]);
    const cards = [words('社会保障卡申领'), words('社会保障卡启用')];
    const card = concept('社保卡', { source: 'lexicon', means: ['社会保障卡'] });
    const started = rankResults('新领的社保卡激活', [verb('领', ['申领']), card, verb('激活', ['启用'])], cards, (w) => w);
    assert.deepEqual(
      started.map((r) => r.tier),
      ['full', 'full'],
      'neither does the other’s action and its own: each answers part of the query as its service',
    );
  });

  it('puts the exact full name first', () => {
    assert.equal(rank('社会保障卡申领', [concept('社会保障卡'), concept('申领')])[0], 'full:社会保障卡申领');
  });

  it('of two names that differ only in punctuation, puts the one typed as written first', () => {
    const twins = [words('职业技能等级证书查询核验'), words('职业技能等级证书查询、核验')];
    const first = (query: string) => rankResults(normalizeQuery(query), [concept('职业技能等级证书'), concept('核验')], twins, (w) => w)[0]!.item.name;
    assert.equal(first('职业技能等级证书查询、核验'), '职业技能等级证书查询、核验');
    assert.equal(first('职业技能等级证书查询核验'), '职业技能等级证书查询核验');
  });

  it('reports the state: matches, partial, related or none', () => {
    assert.equal(resultState([{ tier: 'partial' }, { tier: 'full' }]), 'matches');
    assert.equal(resultState([{ tier: 'related' }]), 'related');
    assert.equal(resultState([]), 'none');
  });
});

describe('commonWords', () => {
  it('finds words most texts contain', () => {
    assert.deepEqual(commonWords(['办理结婚登记', '办理离婚登记', '资料查询'], segmentWords, 0.5), ['办理', '登记']);
  });
});

/** The whole catalog as candidates: what the search page would rank if Pagefind returned every item. */
describe('the real catalog and lexicon', () => {
  const catalog = buildCatalog(realInputs());
  const lexicon: QueryLexiconEntry[] = catalog.lexicon;
  const common = new Set(commonWords(catalog.items.map(itemMatchText), segmentWords));
  const services = serviceEntries(catalog.lexicon);
  const all = catalog.items.map((i) => ({
    id: i.id,
    words: { name: i.name, text: itemMatchText(i), everyday: everydayWords(itemMatchText(i), services), pinyin: pinyinSourceWords(i, services, segmentWords) },
  }));
  const pinyin = catalogPinyinMap(catalog.items, catalog.lexicon);
  const search = (raw: string) => {
    const query = normalizeQuery(raw);
    return rankResults(query, queryConcepts(query, lexicon, segmentWords, common, latinReader(lexicon, pinyin), restReader), all, (c) => c.words);
  };
  const top = (raw: string, k = 5) =>
    search(raw)
      .slice(0, k)
      .map((r) => r.item.id);
  const tierOf = (raw: string, id: string) => search(raw).find((r) => r.item.id === id)?.tier;
  /** True when the result shows `id` as a match (匹配) through `wording`. */
  const claimsMatch = (raw: string, id: string, wording: string) =>
    search(raw).some((r) => r.item.id === id && r.hits.some((h) => h.strength === 'same' && h.wording.includes(wording)));

  it('纳税证明/完税证明 reach 纳税状况公证 only as a related service', () => {
    for (const q of ['纳税证明', '完税证明']) {
      assert.equal(tierOf(q, '2-4'), 'related', q);
      assert.ok(!claimsMatch(q, '2-4', '纳税状况公证'), q);
    }
  });

  it('学历认证/学位认证 reach the notarisations only as related services', () => {
    assert.equal(tierOf('学历认证', '1-1'), 'related');
    assert.equal(tierOf('学位认证', '1-2'), 'related');
    assert.ok(!claimsMatch('学历认证', '1-1', '学历公证'));
    assert.ok(!claimsMatch('学位认证', '1-2', '学位公证'));
  });

  it('职称 is not 职业资格: a related hint at most', () => {
    assert.equal(tierOf('职称', '1-20'), 'related');
    assert.ok(!claimsMatch('职称', '1-20', '职业资格'));
  });

  it('社保 reaches 社会保险 items in its top 5', () => {
    assert.ok(
      top('社保').some((id) => ['1-6', '3-43'].includes(id)),
      top('社保').join(' '),
    );
  });

  it('看病报销/医保报销 match 3-29 outpatient costs and 2-31; work-injury care and maternity benefits (other funds) are only related', () => {
    for (const q of ['看病报销', '医保报销']) {
      for (const id of ['3-29', '2-31']) assert.equal(tierOf(q, id), 'full', `${q} ${id}`);
      for (const id of ['3-44', '3-45']) assert.equal(tierOf(q, id), 'related', `${q} ${id}`);
    }
  });

  it('报销, 住院 and 备案 lead to 异地就医', () => {
    for (const q of ['报销', '住院', '异地就医备案', '住院报销']) assert.ok(top(q).includes('2-31'), `${q}: ${top(q).join(' ')}`);
  });

  it('养老认证 leads to the pension eligibility check', () => {
    assert.equal(top('养老认证')[0], '1-13');
  });

  it('社保关系转移 covers all three insurances', () => {
    const found = search('社保关系转移')
      .filter((r) => r.tier === 'full')
      .map((r) => r.item.id);
    for (const id of ['1-7', '1-8', '1-9', '1-10', '1-11', '2-8', '3-28']) assert.ok(found.includes(id), id);
  });

  it('the narrowed words no longer claim every item of a family', () => {
    // A 房产证 is the certificate itself: looking up the registration is only related; looking up a 房产 is the same service.
    assert.deepEqual(
      search('房产证')
        .filter((r) => r.tier === 'full')
        .map((r) => r.item.id),
      [],
    );
    assert.deepEqual(
      search('房产证查询')
        .filter((r) => r.tier === 'full')
        .map((r) => r.item.id)
        .sort(),
      ['1-22', '3-10'],
    );
    assert.ok(
      search('房产证')
        .filter((r) => r.item.id === '1-23')
        .every((r) => r.tier === 'related'),
    );
    // 生产许可证 occurs in 2-25's name itself; the special-equipment licence is only related.
    assert.equal(tierOf('生产许可证', '1-48'), 'related');
    assert.equal(tierOf('上岗证', '1-19'), 'related');
    assert.ok(search('上岗证').every((r) => r.tier !== 'full'));
    // 药师 is no everyday word for 执业药师 any more: only items whose own words contain it are found, with no 匹配 claim.
    assert.ok(search('药师').every((r) => r.hits.every((h) => h.wording === '药师')));
  });

  it('keeps other service families out of the top 5 when the query names one', () => {
    const family = (raw: string, ids: (id: string) => boolean) => assert.ok(top(raw).every(ids), `${raw}: ${top(raw).join(' ')}`);
    const nameHas = (word: string) => (id: string) => catalog.items.find((i) => i.id === id)!.name.includes(word);
    family('公积金', nameHas('公积金'));
    family('买房公积金', nameHas('公积金'));
    family('社保卡', nameHas('社会保障卡'));
    family('户口迁移', nameHas('户口'));
    family('残疾证', nameHas('残疾'));
    family('不动产', nameHas('不动产'));
  });

  it('answers out-of-catalog and nonsense queries with nothing', () => {
    for (const q of ['护照办理', '办护照', 'xyz不存在的', '1234567890', '的', '我要办', 'qwerty', 'hello', '量子物理实验室']) assert.deepEqual(top(q), [], q);
  });
});

describe('generic words of an item’s facets', () => {
  const card = concept('社保卡', { source: 'lexicon', means: ['社会保障卡'] });
  const physical = concept('实体');
  const activate = concept('激活', { kind: 'action', source: 'verb', means: ['启用'], strong: true });
  const items = [
    { ...words('电子社会保障卡申领'), generic: new Map([['激活', '电子社会保障卡']]) },
    { ...words('社会保障卡启用'), generic: new Map([['实体', '社会保障卡']]) },
    { ...words('社会保障卡申领'), generic: new Map([['实体', '社会保障卡']]) },
  ];
  const rank = (concepts: Concept[]) => rankResults('', concepts, items, (i) => i).map((r) => [r.item.name, r.tier]);

  it('lets an item the rest of the query finds be the same service, and says no part is missing', () => {
    const [first] = rankResults('第一次办实体社保卡', [physical, card], [items[2]!], (i) => i);
    assert.deepEqual([first?.tier, first?.gaps], ['full', []]);
    assert.deepEqual(
      rank([physical, card]),
      [
        ['社会保障卡启用', 'full'],
        ['社会保障卡申领', 'full'],
        ['电子社会保障卡申领', 'partial'],
      ],
      'each item whose facets account for 实体',
    );
  });

  it('never finds an item by a generic word alone', () => {
    assert.deepEqual(rank([physical]), []);
    assert.deepEqual(rank([physical, concept('护照')]), []);
  });

  it('reads a related word the item accounts for as that item’s, once another word found it', () => {
    const transfer = concept('过户', { source: 'lexicon', related: ['二手车交易登记'], unsure: true });
    const car = { ...words('小型非营运二手车交易登记'), generic: new Map([['过户', '交易登记']]), limits: new Map([['轿车', '小型非营运']]) };
    assert.deepEqual(
      rankResults('小轿车过户', [concept('轿车'), transfer], [car], (i) => i).map((r) => r.tier),
      ['full'],
    );
    assert.deepEqual(
      rankResults('过户', [transfer], [car], (i) => i).map((r) => r.tier),
      ['related'],
      'alone, 过户 may be a property’s',
    );
  });

  it('puts an item that answers in its own words before one that only accounts for a word', () => {
    assert.deepEqual(rank([card, activate]).slice(0, 2), [
      ['社会保障卡启用', 'full'],
      ['电子社会保障卡申领', 'full'],
    ]);
  });
});

describe('what an item’s text states for itself', () => {
  it('is not a word only its own exclusion names, one after 非, or the charge for a thing', () => {
    const lawyer = '法律职业资格认定（享受放宽条件政策的除外） 申请人可选择在居住地申请授予法律职业资格';
    assert.equal(states(lawyer, '放宽'), false, 'the item leaves out what its exclusion names');
    assert.equal(states(lawyer, '法律职业资格'), true);
    const newborn = '新生儿入户 父母非集体户，且随父亲或母亲报出生';
    assert.equal(states(newborn, '集体户'), false, 'non-collective households only');
    assert.equal(states(newborn, '集体户', '父母非集体户的孩子报户口'), true, 'unless the query says 非 too');
    const injury = '工伤职工异地就医结算 直接结算工伤医疗费、辅助器具配置费';
    assert.equal(states(injury, '配置', '工伤辅助器具配置申请'), false, 'the item pays the fee, it does not fit the device');
    assert.equal(states(injury, '配置', '辅助器具配置费结算'), true);
    assert.equal(conceptHit(concept('放宽'), words('法律职业资格认定（享受放宽条件政策的除外）')), undefined);
  });
});

describe('what the query says it does not want', () => {
  const scheme = concept('居民医保', { source: 'lexicon', means: ['城乡居民基本医疗保险'] });
  const employer = concept('单位', { source: 'group', means: ['单位'] });
  const workers = concept('职工');

  it('is the words right after 不是 or 不要, up to a light character', () => {
    assert.deepEqual([...negatedConcepts('上居民医保 不是单位职工那种', [scheme, employer, workers])], [employer, workers]);
    const marriage = concept('领证', { source: 'lexicon' });
    assert.deepEqual([...negatedConcepts('我们俩都不是本地户口想去领证', [marriage])], [], '领证 is wanted');
  });

  it('is A in 不是A，是B: the clause runs over concepts to a break, and a concept said again outside it is wanted', () => {
    const shop = concept('个体户', { source: 'lexicon' });
    const cancel = concept('注销', { kind: 'action', source: 'verb', strong: true });
    const pause = concept('歇业');
    assert.deepEqual([...negatedConcepts('个体户不是要注销，就想先歇业半年', [shop, cancel, pause])], [cancel], 'the modal 要 opens the clause');
    const parents = concept('爸妈', { source: 'group' });
    const join = concept('投靠');
    const moving = concept('户口', { source: 'lexicon' });
    assert.deepEqual([...negatedConcepts('不是我爸妈投靠我，是我想把户口迁到我爸妈家去', [parents, join, moving])], [join], '爸妈 is said in B too');
    // 就 in 就业 is part of a concept, not the light character that ends the clause.
    const check = concept('查', { kind: 'action', source: 'verb', strong: true });
    const work = concept('就业', { source: 'lexicon' });
    const card = concept('创业证', { source: 'lexicon' });
    assert.deepEqual(
      [...negatedConcepts('不是查就业创业证 我还没有这个证 想申请办一张', [check, work, card])],
      [check],
      'the action is not wanted; its thing still is',
    );
  });

  it('is no question and no place premise', () => {
    const book = concept('户口本', { source: 'lexicon' });
    assert.deepEqual([...negatedConcepts('要不要带户口本', [book])], []);
    assert.deepEqual([...negatedConcepts('学历证书是不是真的', [concept('学历证书', { source: 'lexicon' })])], []);
    assert.deepEqual([...negatedConcepts('驾照不是在这儿领的', [concept('领', { kind: 'action', source: 'verb' })])], []);
  });

  it('rules out an item that does only the unwanted action, not one that also does the action asked for', () => {
    const card = concept('社保卡', { source: 'lexicon', means: ['社会保障卡'] });
    const lost = concept('丢了', { kind: 'action', source: 'verb', strong: true, means: ['补领', '挂失'] });
    const swap = concept('换', { kind: 'action', source: 'verb', strong: true, means: ['换领'] });
    const items = [words('社会保障卡临时挂失'), words('社会保障卡补领、换领、换发')];
    const ranked = rankResults('不是丢了 是社保卡磨了换张新的', [lost, card, swap], items, (i) => i);
    assert.deepEqual(
      ranked.map((r) => [r.item.name, r.tier, r.conflicts.map((c) => c.query)]),
      [
        ['社会保障卡补领、换领、换发', 'full', []],
        ['社会保障卡临时挂失', 'partial', ['丢了']],
      ],
    );
  });

  it('rules out only an item whose name says what is not wanted', () => {
    const firm = concept('企业', { source: 'group', means: ['企业', '单位'] });
    const pension = concept('养老保险', { source: 'lexicon' });
    const mutual = words('机关事业单位基本养老保险与企业职工基本养老保险互转');
    const public_ = words('机关事业单位基本养老保险关系转移接续', '从企业调入机关事业单位');
    const ranked = rankResults('不是企业的 养老保险', [firm, pension], [mutual, public_], (i) => i);
    assert.deepEqual(
      ranked.map((r) => [r.item.name, r.tier]),
      [
        ['机关事业单位基本养老保险关系转移接续', 'full'],
        ['机关事业单位基本养老保险与企业职工基本养老保险互转', 'partial'],
      ],
    );
  });

  it('is accounted for by an item without it, and rules out an item that is it', () => {
    const residents = words('城乡居民基本医疗保险参保登记');
    const staff = words('单位职工基本医疗保险参保登记', '城乡居民基本医疗保险');
    const ranked = rankResults('上居民医保 不是单位职工那种', [scheme, employer, workers], [staff, residents], (i) => i);
    assert.deepEqual(
      ranked.map((r) => [r.item.name, r.tier]),
      [
        ['城乡居民基本医疗保险参保登记', 'full'],
        ['单位职工基本医疗保险参保登记', 'partial'],
      ],
    );
    assert.deepEqual(
      ranked[1]?.conflicts.map((c) => [c.kind, c.query]),
      [
        ['negated', '单位'],
        ['negated', '职工'],
      ],
    );
  });
});
