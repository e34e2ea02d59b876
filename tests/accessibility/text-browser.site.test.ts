import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { SITES } from '../harness/build.ts';

/** The page as w3m shows it: no CSS (so `hidden` is ignored), no JavaScript. */
function dump(path: string): string {
  const result = spawnSync('w3m', ['-dump', '-T', 'text/html', '-I', 'UTF-8', '-O', 'UTF-8', '-cols', '80', join(SITES.root.dir, path)], { encoding: 'utf8' });
  assert.equal(result.error, undefined, `could not run w3m: ${result.error?.message}`);
  assert.equal(result.status, 0, result.stderr);
  return result.stdout;
}

describe('in a text browser (w3m)', () => {
  it('no control that needs JavaScript shows, and the content does', () => {
    const pages: [string, string][] = [
      ['index.html', '跨省通办事项目录'],
      ['items/2-15/index.html', '社会保障卡补领、换领、换发'],
      ['bureaus/human-resources/index.html', '石家庄市人力资源和社会保障局'],
      ['topics/housing-fund/index.html', '住房公积金'],
    ];
    for (const [path, heading] of pages) {
      const text = dump(path);
      assert.ok(text.includes(heading), `${path}: shows its content`);
      for (const control of ['大字版', '复制链接', '打印本页']) assert.ok(!text.includes(control), `${path}: shows the JavaScript-only “${control}”`);
      assert.ok(!text.includes('拼音：'), `${path}: shows the hidden search record`);
      assert.doesNotMatch(text, /^\s*•\s*$/m, `${path}: shows an empty list item (a slot only a script fills)`);
    }
  });

  it('keeps pieces of text apart that only layout separates', () => {
    const item = dump('items/2-15/index.html');
    assert.match(item, /上一项：社会保障卡启用 \| 下一项：社会保障卡临时挂失/);
    assert.match(item, /搜索 \| 菜单/);
    assert.match(dump('index.html'), /市人社局（石家庄市人力资源和社会保障局）/);
    // On a bureau's own page the lead is not named, but a lead the site inferred is still marked.
    assert.match(dump('bureaus/human-resources/index.html'), /城乡居民基本养老保险关系转移接续\s+要求2020年底前实现；牵头单位（本站推定）/);
  });

  it('the search page shows its form and the ways to browse, and nothing that only a script uses', () => {
    const text = dump('search/index.html');
    for (const shown of ['搜索事项', '搜索需要在浏览器中启用 JavaScript', '其他查找方式']) assert.ok(text.includes(shown), `shows “${shown}”`);
    for (const scriptOnly of ['显示更多结果', '本目录中没有这项事项', '您是不是要找'])
      assert.ok(!text.includes(scriptOnly), `shows the script-only “${scriptOnly}”`);
    assert.equal(text.split('缩小范围').length - 1, 1, 'names the filters once');
  });
});
