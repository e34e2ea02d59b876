import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { absoluteUrl, normaliseBase, paths, withBase } from './paths.ts';
import { prefixBaseInTree } from '../../integrations/rehype-base-links.ts';

describe('paths', () => {
  it('normalises base paths', () => {
    for (const [input, expected] of [
      [undefined, '/'],
      ['', '/'],
      ['/', '/'],
      ['kstb', '/kstb/'],
      ['/kstb', '/kstb/'],
      ['/a/b/', '/a/b/'],
    ] as const) {
      assert.equal(normaliseBase(input), expected);
    }
  });

  it('prefixes the base path once', () => {
    assert.equal(withBase(paths.item('2-15'), '/kstb/'), '/kstb/items/2-15/');
    assert.equal(withBase(paths.home, '/'), '/');
    assert.equal(withBase(paths.bureau('court'), '/'), '/bureaus/court/');
  });

  it('builds absolute URLs from the public origin', () => {
    assert.equal(absoluteUrl(paths.item('1-1'), '/kstb/', 'https://example.gov.cn'), 'https://example.gov.cn/kstb/items/1-1/');
  });

  it('rewrites site-absolute Markdown links under the base path', () => {
    const tree = {
      type: 'root',
      children: [
        { type: 'element', tagName: 'a', properties: { href: '/data-notes/' } },
        { type: 'element', tagName: 'p', children: [{ type: 'element', tagName: 'a', properties: { href: 'https://www.gov.cn/' } }] },
        { type: 'element', tagName: 'a', properties: { href: '//cdn.example/x' } },
      ],
    };
    prefixBaseInTree(tree, '/kstb/');
    assert.deepEqual(
      [tree.children[0]!.properties!.href, tree.children[1]!.children![0]!.properties!.href, tree.children[2]!.properties!.href],
      ['/kstb/data-notes/', 'https://www.gov.cn/', '//cdn.example/x'],
    );
  });
});
