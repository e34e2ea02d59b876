import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readProjectFile } from '../../../tests/harness/inputs.ts';
import { segmentWords } from './segment.ts';

describe('segmentWords', () => {
  it('keeps a word that stands alone or ends a run of Han characters (Firefox ESR calls those not word-like)', () => {
    assert.deepEqual(segmentWords('学历'), ['学历']);
    assert.deepEqual(segmentWords('学历公证<script>'), ['学历', '公证', 'script']);
    assert.deepEqual(segmentWords('，&lt;b&gt;不受'), ['lt', 'b', 'gt', '不受']);
  });

  it('keeps exactly the segments ICU calls word-like, on every line of the frozen table', () => {
    const segmenter = new Intl.Segmenter('zh-CN', { granularity: 'word' });
    for (const line of readProjectFile('tests/fixtures/tables/v1.txt').split('\n')) {
      const icu = [...segmenter.segment(line)].filter((s) => s.isWordLike).map((s) => s.segment);
      assert.deepEqual(segmentWords(line), icu, line);
    }
  });
});
