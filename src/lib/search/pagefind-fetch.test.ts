import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { gzipSync } from 'node:zlib';
import { inflated, inflatingFetch, isPagefindData } from './pagefind-fetch.ts';

describe('isPagefindData', () => {
  it('names Pagefind’s gzip data files and nothing else', () => {
    for (const url of [
      '/pagefind/pagefind.zh-cn_36d37b6f9570b.pf_meta',
      '/kstb/pagefind/index/zh-cn_9fc1f44.pf_index',
      '/pagefind/fragment/zh-cn_9ff3d49.pf_fragment',
      '/pagefind/filter/zh-cn_1a2b3c.pf_filter',
      '/pagefind/wasm.unknown.pagefind',
      'file:///dist/pagefind/wasm.zh-cn.pagefind',
    ])
      assert.ok(isPagefindData(url), url);
    for (const url of ['/pagefind/pagefind.js', '/pagefind/pagefind-entry.json?ts=1', '/pagefind/latin.txt', '/pagefind/'])
      assert.ok(!isPagefindData(url), url);
  });
});

describe('inflated', () => {
  const body = new TextEncoder().encode('pagefind_dcd{"url":"/items/2-14/","content":"社会保障卡启用"}');
  it('inflates a gzip body to the bytes Pagefind wrote', async () => {
    const response = await inflated(new Response(gzipSync(body)));
    assert.deepEqual(new Uint8Array(await response.arrayBuffer()), body);
    assert.equal(response.status, 200);
  });
  it('leaves a body that is not gzip as it is', async () => {
    assert.deepEqual(new Uint8Array(await (await inflated(new Response(body))).arrayBuffer()), body);
  });
});

describe('inflatingFetch', () => {
  const files: Record<string, Uint8Array<ArrayBuffer>> = {
    '/pagefind/fragment/a.pf_fragment': gzipSync('pagefind_dcd{}'),
    '/pagefind/pagefind-entry.json': new TextEncoder().encode('{"version":"1.6.0"}'),
  };
  const base = (async (input: string | URL | Request) => {
    const file = files[String(input)];
    return file ? new Response(file) : new Response('missing', { status: 404 });
  }) as typeof fetch;
  const fetched = inflatingFetch(base);
  it('inflates Pagefind’s data files only', async () => {
    assert.equal(await (await fetched('/pagefind/fragment/a.pf_fragment')).text(), 'pagefind_dcd{}');
    assert.equal(await (await fetched('/pagefind/pagefind-entry.json')).text(), '{"version":"1.6.0"}');
  });
  it('passes a failed response on, for Pagefind to report', async () => {
    const response = await fetched('/pagefind/index/gone.pf_index');
    assert.equal(response.status, 404);
    assert.equal(await response.text(), 'missing');
  });
});
