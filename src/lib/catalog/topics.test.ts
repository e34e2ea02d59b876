import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildCatalog } from './catalog.ts';
import { SourceError } from '../core/source-error.ts';
import { realInputs } from '../../../tests/harness/inputs.ts';
import { checkTopicCoverage, parseTopics } from './topics.ts';
import { NEW_ITEM_ID_RE } from '../core/item-id.ts';

const file = 'topics.yaml';
const yaml = (items: string) => `topics:\n  - slug: housing\n    name: 住房\n    summary: 住房的事。\nitems:\n${items}`;

describe('topics', () => {
  it('parse with each item’s line', () => {
    const data = parseTopics(yaml('  1-1: { topics: [housing], audience: [个人] }\n  1-2: { topics: [housing], audience: [个人, 法人] }\n'), file);
    assert.deepEqual(data.items.get('1-2'), { line: 7, topics: ['housing'], audience: ['个人', '法人'] });
  });

  it('reject an unknown topic, no topic and an unknown audience, naming the line', () => {
    assert.throws(() => parseTopics(yaml('  1-1: { topics: [cars], audience: [个人] }\n'), file), /topics\.yaml:6: item 1-1: unknown topic "cars"/);
    assert.throws(() => parseTopics(yaml('  1-1: { topics: [], audience: [个人] }\n'), file), /topics\.yaml:6: item 1-1: topics/);
    assert.throws(() => parseTopics(yaml('  1-1: { topics: [housing], audience: [游客] }\n'), file), /topics\.yaml:6: item 1-1: audience/);
  });

  it('require every item of the table, and only those', () => {
    const data = parseTopics(yaml('  1-1: { topics: [housing], audience: [个人] }\n  9-9: { topics: [housing], audience: [个人] }\n'), file);
    assert.throws(
      () => checkTopicCoverage(data, ['1-1', '1-2'], 'seed.txt', () => 42),
      (e: unknown) => e instanceof SourceError && e.file === 'seed.txt' && e.line === 42 && /item 1-2 has no topics/.test(e.message),
    );
    assert.throws(() => checkTopicCoverage(data, ['1-1'], 'seed.txt', () => 1), /topics\.yaml:7: topics for item 9-9, which no version/);
  });

  it('let a new item build without topics, with a warning naming the entry to write, and keep a dropped item’s entry', () => {
    const data = parseTopics(yaml('  1-1: { topics: [housing], audience: [个人] }\n  9-9: { topics: [housing], audience: [个人] }\n'), file);
    const warnings = checkTopicCoverage(data, ['1-1', 'n1'], 'seed.txt', () => 12, new Set(['1-1', 'n1', '9-9']));
    assert.deepEqual(
      warnings.map((w) => [w.file, w.message]),
      [[file, 'new item n1 (seed.txt:12) has no topics yet and shows as 未归类: add "n1: { topics: [...], audience: [...] }" under items:']],
    );
  });

  it('give every real item at least one known topic and an audience, but a new one not yet sorted', () => {
    const catalog = buildCatalog(realInputs());
    const slugs = new Set(catalog.topics.map((t) => t.slug));
    for (const item of catalog.items) {
      if (item.topics.length === 0 && NEW_ITEM_ID_RE.test(item.id)) continue;
      assert.ok(item.topics.length > 0 && item.topics.every((t) => slugs.has(t)), item.id);
      assert.ok(item.audience.length > 0, item.id);
    }
  });
});
