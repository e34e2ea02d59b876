import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { pickChineseVoice, type VoiceLike } from './voice.ts';

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
