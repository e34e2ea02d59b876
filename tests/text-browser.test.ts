import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { SITES } from './helpers/build.ts';

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
    }
  });
});
