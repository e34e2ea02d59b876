import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { pickChineseVoice, splitForSpeech, type VoiceLike } from './speech.ts';

const voice = (name: string, lang: string, localService = true, isDefault = false): VoiceLike => ({ name, lang, localService, default: isDefault });

describe('pickChineseVoice', () => {
  it('takes a local zh-CN voice, preferring the exact tag', () => {
    const chosen = pickChineseVoice([voice('en', 'en-US', true, true), voice('cmn', 'cmn-Hans-CN'), voice('ting', 'zh-CN')]);
    assert.equal(chosen?.name, 'ting');
  });

  it('reads zh_CN (Android) and cmn-CN as Mandarin', () => {
    assert.equal(pickChineseVoice([voice('a', 'zh_CN')])?.name, 'a');
    assert.equal(pickChineseVoice([voice('b', 'cmn-CN')])?.name, 'b');
  });

  it('never takes a voice that speaks on a server: the text would leave the device', () => {
    assert.equal(pickChineseVoice([voice('Google 普通话（中国大陆）', 'zh-CN', false)]), undefined);
  });

  it('takes no Cantonese, Taiwanese or other voice, and none from an empty list', () => {
    assert.equal(pickChineseVoice([voice('hk', 'zh-HK'), voice('tw', 'zh-TW'), voice('yue', 'yue-Hant-HK'), voice('en', 'en-GB')]), undefined);
    assert.equal(pickChineseVoice([]), undefined);
  });
});

describe('splitForSpeech', () => {
  it('keeps whole sentences with their marks and joins short ones', () => {
    assert.deepEqual(splitForSpeech('第一句。第二句！\n  第三句', 120), ['第一句。第二句！第三句']);
    assert.deepEqual(splitForSpeech('第一句。第二句。', 4), ['第一句。', '第二句。']);
  });

  it('cuts a long sentence at a comma, and without one at the limit', () => {
    const long = `${'甲'.repeat(50)}，${'乙'.repeat(50)}。`;
    assert.deepEqual(splitForSpeech(long, 60), [`${'甲'.repeat(50)}，`, `${'乙'.repeat(50)}。`]);
    assert.deepEqual(splitForSpeech('丙'.repeat(25), 10), ['丙'.repeat(10), '丙'.repeat(10), '丙'.repeat(5)]);
  });

  it('says nothing for blank text', () => {
    assert.deepEqual(splitForSpeech('  \n '), []);
  });
});
