import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ELDER_NORMS, parseElderNorm } from './elder-norm.ts';
import { parseReferences } from './references.ts';
import { readProjectFile } from '../../../tests/harness/inputs.ts';

const refs = parseReferences(readProjectFile('content/references.yaml'), 'content/references.yaml');
const requirements = parseElderNorm(readProjectFile('content/elder-norm.yaml'), 'content/elder-norm.yaml', refs);
const entry = (extra: string) =>
  `requirements:\n  - id: a\n    norm: website\n    requirement: 甲\n    status: met\n    site: 乙\n    test: 丙\n    checked: 2026-11-28\n${extra}`;

describe('the 适老化 norms register (content/elder-norm.yaml)', () => {
  it('covers both norms and every point the issue lists, each with a known source and a check date', () => {
    for (const norm of Object.keys(ELDER_NORMS))
      assert.ok(
        requirements.some((r) => r.norm === norm),
        norm,
      );
    for (const id of [
      'no-ads',
      'keyboard',
      'large-pointer',
      'extra-large-text',
      'high-contrast',
      'read-aloud',
      'simple-interface',
      'line-and-paragraph-spacing',
      'colour-not-only',
      'visible-entrance',
    ])
      assert.ok(
        requirements.some((r) => r.id === id),
        id,
      );
    for (const r of requirements) assert.ok(refs.references.includes(r.citation.reference), r.id);
  });

  it('gives a clause number only where the source is the norm itself, never one read in a press report', () => {
    for (const r of requirements) if (/新闻报道/.test(r.citation.reference.publisher)) assert.equal(r.clause, undefined, r.id);
  });

  it('stops the build on a requirement without a source, naming the line', () => {
    assert.throws(() => parseElderNorm(entry(''), 'n.yaml', refs), /^SourceError: n\.yaml:2: invalid requirement/);
  });

  it('stops the build on a citation of an unknown source, naming the line', () => {
    const unknown = entry('    citation: { source: rumour, checked: 2026-11-28 }\n');
    assert.throws(() => parseElderNorm(unknown, 'n.yaml', refs), /n\.yaml:2: unknown source "rumour"/);
  });
});
