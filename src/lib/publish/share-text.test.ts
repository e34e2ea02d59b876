import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { shareText } from './share-text.ts';

describe('shareText', () => {
  it('puts the name before the address, separated by one space', () => {
    assert.equal(shareText('社会保障卡补领、换领、换发', 'https://x.example/items/2-15/'), '社会保障卡补领、换领、换发 https://x.example/items/2-15/');
  });

  it('copies the bare address when there is no name', () => {
    assert.equal(shareText(undefined, 'https://x.example/'), 'https://x.example/');
    assert.equal(shareText('  ', 'https://x.example/'), 'https://x.example/');
  });
});
