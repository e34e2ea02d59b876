import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildCatalog } from './catalog.ts';
import { SourceError } from '../core/source-error.ts';
import { FROZEN_SEED, frozenInputs } from '../../../tests/harness/inputs.ts';

const seed = FROZEN_SEED;
const lines = seed.split('\n');

/** A small deterministic PRNG (mulberry32), so that every run tries the same tables. */
function random(seedValue: number) {
  let a = seedValue;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Mutation = (ls: string[], r: () => number) => string[];
const pick = (ls: string[], r: () => number) => Math.floor(r() * ls.length);
const rowIndex = (ls: string[], r: () => number) => {
  const rows = ls.map((l, i) => (/^\d+\t/.test(l) ? i : -1)).filter((i) => i >= 0);
  return rows[Math.floor(r() * rows.length)] ?? 0;
};
const TRADITIONAL: Record<string, string> = {
  证: '證',
  记: '記',
  登: '登',
  险: '險',
  业: '業',
  资: '資',
  申: '申',
  请: '請',
  办: '辦',
  单: '單',
  关: '關',
  务: '務',
};

const MUTATIONS: Record<string, Mutation> = {
  'drop a line': (ls, r) => ls.filter((_, i) => i !== pick(ls, r)),
  'duplicate a line': (ls, r) => {
    const i = pick(ls, r);
    return [...ls.slice(0, i + 1), ls[i]!, ...ls.slice(i + 1)];
  },
  'merge two lines': (ls, r) => {
    const i = pick(ls, r);
    return [...ls.slice(0, i), `${ls[i]}${ls[i + 1] ?? ''}`, ...ls.slice(i + 2)];
  },
  'drop a cell': (ls, r) => {
    const i = rowIndex(ls, r);
    const cells = ls[i]!.split('\t');
    cells.splice(Math.floor(r() * cells.length), 1);
    return ls.map((l, k) => (k === i ? cells.join('\t') : l));
  },
  'duplicate a cell': (ls, r) => {
    const i = rowIndex(ls, r);
    const cells = ls[i]!.split('\t');
    const c = Math.floor(r() * cells.length);
    cells.splice(c, 0, cells[c]!);
    return ls.map((l, k) => (k === i ? cells.join('\t') : l));
  },
  'merge two cells': (ls, r) => {
    const i = rowIndex(ls, r);
    const cells = ls[i]!.split('\t');
    const c = Math.floor(r() * (cells.length - 1));
    cells.splice(c, 2, `${cells[c]}${cells[c + 1]}`);
    return ls.map((l, k) => (k === i ? cells.join('\t') : l));
  },
  'random bytes': (ls, r) => {
    const i = pick(ls, r);
    const bytes = Buffer.from(Array.from({ length: 1 + Math.floor(r() * 12) }, () => Math.floor(r() * 256)));
    const at = Math.floor(r() * (ls[i]!.length + 1));
    return ls.map((l, k) => (k === i ? l.slice(0, at) + bytes.toString('latin1') + l.slice(at) : l));
  },
  'traditional characters': (ls, r) => {
    const i = rowIndex(ls, r);
    return ls.map((l, k) => (k === i ? [...l].map((ch) => TRADITIONAL[ch] ?? ch).join('') : l));
  },
  'full-width digits': (ls, r) => {
    const i = rowIndex(ls, r);
    return ls.map((l, k) => (k === i ? l.replace(/^\d+/, (d) => [...d].map((x) => String.fromCharCode(x.charCodeAt(0) + 0xfee0)).join('')) : l));
  },
};

/** Builds the catalog from a mutated table: it must succeed or throw a located SourceError. */
function outcome(text: string): 'built' | 'stopped' {
  try {
    buildCatalog(frozenInputs(text));
    return 'built';
  } catch (error) {
    assert.ok(error instanceof SourceError, `not a SourceError: ${error instanceof Error ? error.stack : String(error)}`);
    assert.ok(error.line >= 1, error.message);
    assert.ok(error.message.startsWith(`${error.file}:${error.line}: `), error.message);
    return 'stopped';
  }
}

describe('the pipeline on mutated tables', () => {
  for (const [name, mutate] of Object.entries(MUTATIONS)) {
    it(`${name}: builds correctly or stops with a line-numbered error, 40 times`, () => {
      const r = random(name.length * 7919);
      for (let n = 0; n < 40; n++) outcome(mutate(lines, r).join('\n'));
    });
  }

  it('reads CRLF line ends and a byte order mark as the same table', () => {
    const plain = buildCatalog(frozenInputs(seed)).items;
    const crlf = buildCatalog(frozenInputs(`\uFEFF${lines.join('\r\n')}`)).items;
    assert.deepEqual(crlf, plain);
  });

  it('stops on a full-width item number, naming its line', () => {
    const text = MUTATIONS['full-width digits']!(lines, random(1)).join('\n');
    assert.equal(outcome(text), 'stopped');
  });

  it('stops on a dropped cell, naming its line', () => {
    assert.equal(outcome(MUTATIONS['drop a cell']!(lines, random(2)).join('\n')), 'stopped');
  });

  it('combines mutations without crashing', () => {
    const r = random(42);
    const all = Object.values(MUTATIONS);
    for (let n = 0; n < 100; n++) {
      let ls = lines;
      for (let k = 0; k < 3; k++) ls = all[Math.floor(r() * all.length)]!(ls, r);
      outcome(ls.join('\n'));
    }
  });
});
