import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { shareCardAlt, shareImagePath } from '../lib/publish/share-card.ts';
import { drawShareImage } from './share-image.ts';

const card = {
  kicker: '第一批第8项',
  title: '城乡居民基本养老保险关系转移接续',
  lines: ['列入“跨省通办”任务，要求2020年底前实现', '牵头单位：市人社局（本站推定）'],
  siteName: '石家庄市跨省通办事项目录',
};

describe('share images', () => {
  it('are named after their page', () => {
    assert.equal(shareImagePath('/'), '/share/home.png');
    assert.equal(shareImagePath('/items/1-8/'), '/share/items/1-8.png');
    assert.equal(shareImagePath('/bureaus/human-resources/'), '/share/bureaus/human-resources.png');
  });

  it('say in their alt text everything they show', () => {
    assert.equal(
      shareCardAlt(card),
      '第一批第8项；城乡居民基本养老保险关系转移接续；列入“跨省通办”任务，要求2020年底前实现；牵头单位：市人社局（本站推定）；石家庄市跨省通办事项目录',
    );
  });

  it('are 1200×630 PNGs, byte-identical when drawn twice', async () => {
    const first = await drawShareImage(card);
    const second = await drawShareImage(card);
    assert.equal(first.subarray(1, 4).toString('latin1'), 'PNG');
    assert.deepEqual([first.readUInt32BE(16), first.readUInt32BE(20)], [1200, 630]);
    assert.ok(first.equals(second));
    // Text drawn in the Chinese font, not empty boxes: a card with text has far more ink than a blank one.
    const blank = await drawShareImage({ kicker: '', title: '', lines: [], siteName: '' });
    assert.ok(first.length > blank.length * 3, `${first.length} vs ${blank.length} bytes`);
  });
});
