import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { withoutInflater } from './pagefind-runtime.ts';

describe('withoutInflater', () => {
  const runtime = (inflater: string) => `const pagefind_version="1.6.0";var __defProp=Object.defineProperty;${inflater}var word_separators=/[^\\S\\uFEFF]+/g;`;
  it('replaces the inflater, from its first to its last statement, with a stand-in that throws', () => {
    const out = withoutInflater(
      runtime('var u8=Uint8Array;var inflt=function(dat){return dat};function gunzipSync(d){return inflt(d)}var gz_default=gunzipSync;'),
    );
    assert.ok(!out.includes('inflt') && !out.includes('gunzipSync'));
    assert.ok(out.startsWith('const pagefind_version="1.6.0";var __defProp=Object.defineProperty;var gz_default=()=>{throw new Error('));
    assert.ok(out.endsWith('var word_separators=/[^\\S\\uFEFF]+/g;'));
    const gz = new Function(`${out.replace(/^const pagefind_version="1\.6\.0";/, '')} return gz_default;`)() as () => unknown;
    assert.throws(gz, /must be inflated/);
  });
  it('refuses a runtime written otherwise', () => {
    assert.throws(() => withoutInflater(runtime('var inflate=function(d){return d};')), /Pagefind 1\.6/);
    assert.throws(() => withoutInflater(runtime('var gz_default=gunzipSync;var u8=Uint8Array;')), /Pagefind 1\.6/);
  });
});
