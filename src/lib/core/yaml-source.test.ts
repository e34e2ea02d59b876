import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseYamlList, parseYamlSections } from './yaml-source.ts';

describe('YAML sources', () => {
  it('rejects a duplicate key at any depth, naming the file and line', () => {
    assert.throws(() => parseYamlSections('topics: []\nitems: {}\ntopics: []\n', 't.yaml'), /t\.yaml:3: invalid YAML: duplicate key "topics"/);
    assert.throws(() => parseYamlSections('items:\n  1-1: { topics: [a] }\n  1-2: { topics: [a] }\n  1-1: { topics: [b] }\n', 't.yaml'), /t\.yaml:4: .*"1-1"/);
    assert.throws(() => parseYamlList('- { say: [a], say: [b] }\n', 'l.yaml'), /l\.yaml:1: .*"say"/);
  });

  it('keeps each entry line', () => {
    const sections = parseYamlSections('items:\n  1-1: { topics: [a] }\n\n  1-2: { topics: [b] }\n', 't.yaml');
    const items = sections.get('items') as Map<string, { line: number; value: unknown }>;
    assert.deepEqual(
      [...items].map(([id, e]) => [id, e.line]),
      [
        ['1-1', 2],
        ['1-2', 4],
      ],
    );
  });
});
