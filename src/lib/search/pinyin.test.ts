import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { decodeLatinData, decodePinyinMap, encodeLatinData, encodePinyinMap, spelledWords } from './pinyin.ts';
import { queryConcepts } from './rules.ts';
import { latinReader } from './latin.ts';
import { restReader } from './rest.ts';
import { readAsNote } from './query.ts';
import { segmentWords } from './segment.ts';

const map = new Map([
  ['shebaoka', ['社保卡']],
  ['sbk', ['社保卡']],
  ['gongjijin', ['公积金']],
  ['gongjijintiqu', ['公积金提取']],
  ['gongshang', ['工伤', '工商']],
]);

describe('the pinyin map', () => {
  it('travels as sorted lines of tab-separated words and reads back the same', () => {
    const text = encodePinyinMap(map);
    assert.equal(text.split('\n')[0], 'gongjijin\t公积金');
    assert.ok(text.includes('gongshang\t工伤\t工商'));
    assert.deepEqual(decodePinyinMap(text), map);
    assert.deepEqual(decodePinyinMap(''), new Map());
  });

  it('travels after the Latin words’ phrasing, an empty line between', () => {
    const phrasing = 'foreign\tid card\t身份证\npinyin-filler\tbanli';
    assert.deepEqual(decodeLatinData(encodeLatinData({ phrasing, pinyin: map })), { phrasing, pinyin: map });
    assert.deepEqual(decodeLatinData(encodeLatinData({ phrasing: '', pinyin: map })), { phrasing: '', pinyin: map });
  });

  it('reads a spelling whole, or as the start of longer spellings from four letters on', () => {
    assert.deepEqual(spelledWords(map, 'sbk'), ['社保卡']);
    assert.deepEqual(spelledWords(map, 'gongji'), ['公积金', '公积金提取']);
    assert.deepEqual(spelledWords(map, 'gongjijin'), ['公积金', '公积金提取']);
    assert.deepEqual(spelledWords(map, 'gon'), [], 'three letters are no start of a word yet');
    assert.deepEqual(spelledWords(map, 'xyz'), []);
  });
});

describe('a pinyin word in a query', () => {
  const lexicon = [{ say: ['社保卡'], means: ['社会保障卡'] }];
  const concepts = (q: string) => queryConcepts(q, lexicon, segmentWords, new Set(), latinReader(lexicon, map), restReader);

  it('stands for the words it spells, searched as their official wordings too', () => {
    const [c] = concepts('shebaoka');
    assert.deepEqual([c?.source, c?.spelled, c?.means], ['pinyin', ['社保卡'], ['社保卡', '社会保障卡']]);
  });

  it('is read as those words, which the page says', () => {
    assert.equal(readAsNote({ query: 'sbk', concepts: concepts('sbk'), searches: [] }), '已按“社保卡”查找。');
    assert.equal(readAsNote({ query: 'gongshang', concepts: concepts('gongshang'), searches: [] }), '已按“工伤”“工商”查找。');
    assert.equal(readAsNote({ query: 'gongjijin', concepts: concepts('gongjijin'), searches: [] }), '已按“公积金”查找。', 'not by the longer words it begins');
    assert.equal(readAsNote({ query: 'gongji', concepts: concepts('gongji'), searches: [] }), '已按“公积金”“公积金提取”查找。');
  });

  it('spells nothing when the catalog has no such word, or without the map', () => {
    assert.deepEqual(concepts('xyz')[0]?.spelled, []);
    assert.equal(concepts('xyz')[0]?.readAs, undefined);
    assert.deepEqual(queryConcepts('sbk', lexicon, segmentWords, new Set(), latinReader(lexicon), restReader)[0]?.spelled, []);
  });

  describe('as the map spells it', () => {
    const phrasing = [
      { class: 'pinyin-filler' as const, say: ['zenmeban', 'zai'] },
      { class: 'pinyin-verb' as const, say: ['zhuxiao'], means: ['注销'] },
    ];
    const reader = latinReader(phrasing, new Map([...map, ['xinshenger', ['新生儿']], ['shanghukou', ['上户口']], ['yidi', ['异地']], ['jiuyi', ['就医']]]));

    it('reads erhua with 儿, two words the map spells only together as one, and a run typed without spaces as the words it is made of', () => {
      assert.equal(reader.pinyinText('xinshengr'), 'xinshenger');
      assert.equal(reader.pinyinText('shang hukou'), 'shanghukou');
      assert.equal(reader.pinyinText('yidijiuyi zenmeban'), 'yidi jiuyi');
      assert.equal(reader.pinyinText('yidijiuyixyz'), 'yidijiuyixyz', 'a run with an unknown part stays as typed');
    });

    it('reads pinyin among characters as a pinyin query: fillers dropped, verbs in characters', () => {
      assert.equal(reader.translate('社保卡 zhuxiao zai'), '社保卡 注销');
      assert.equal(reader.translate('shebaoka zhuxiao'), 'shebaoka zhuxiao', 'a Latin query is read whole later');
    });
  });
});
