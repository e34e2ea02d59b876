import assert from 'node:assert/strict';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { closeBrowser, launch, openPage } from '../harness/driver.ts';
import { FIREFOX_COPIES, FIREFOX_TEMPLATE } from '../harness/firefox-profile.ts';

/** The profile directory a running Firefox was started with (its `--profile` argument). */
function profileOf(args: readonly string[]): string {
  const i = args.indexOf('--profile');
  assert.ok(i >= 0, 'Firefox was started with --profile');
  return args[i + 1]!;
}

describe('Firefox starts from a copy of one started profile', () => {
  it('carries no preference of an earlier launch, and the copy is gone once Firefox has exited', async () => {
    const schemes: string[] = [];
    for (const colorScheme of ['dark', 'light'] as const) {
      const browser = await launch('firefox', { colorScheme });
      const proc = browser.process()!;
      const profile = profileOf(proc.spawnargs);
      assert.ok(profile.startsWith(FIREFOX_COPIES + '/'), `${profile}: a copy of the template, not an empty profile of puppeteer's`);
      assert.ok(existsSync(join(profile, 'startupCache')), `the copy has the started profile's startup cache`);
      const page = await openPage(browser, 'data:text/html,<p lang="zh-CN">页面</p>');
      schemes.push(await page.evaluate(() => (matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light')));
      const exited = new Promise((resolve) => proc.once('exit', resolve));
      await closeBrowser(browser);
      await exited;
      // The driver removes the copy on the process's exit event, which has now been emitted.
      assert.ok(!existsSync(profile), `${profile} removed`);
    }
    // Launched dark first: had the template or the copy kept that launch's preferences, the second would be dark too.
    assert.deepEqual(schemes, ['dark', 'light']);
    const kept = readdirSync(FIREFOX_TEMPLATE);
    for (const name of ['prefs.js', 'user.js', 'lock', 'parent.lock']) assert.ok(!kept.includes(name), `the template holds no ${name}`);
    assert.ok(existsSync(join(FIREFOX_TEMPLATE, 'startupCache')), 'the template keeps its startup cache');
  });
});
