import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { splitForSpeech } from './speech.ts';

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
