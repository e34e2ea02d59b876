import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { FIREFOX_INSTALL, FIREFOX_MIN_VERSION, firefoxProblem } from './firefox-esr.ts';

describe('the Firefox the browser tests need', () => {
  it('runs on ESR 140 and 153', () => {
    assert.equal(firefoxProblem('Mozilla Firefox 140.5.0esr\n', '/usr/bin/firefox-esr'), undefined);
    assert.equal(firefoxProblem('Mozilla Firefox 153.8.0esr\n', '/usr/bin/firefox-esr'), undefined);
  });

  it('stops an older or missing Firefox with the version needed and the command that installs it', () => {
    for (const output of ['Mozilla Firefox 128.14.0esr\n', 'not a version', undefined]) {
      const problem = firefoxProblem(output, '/usr/bin/firefox-esr') ?? '';
      assert.ok(problem.includes(`Firefox ESR ${FIREFOX_MIN_VERSION} or later`), problem);
      assert.ok(problem.includes(FIREFOX_INSTALL) && FIREFOX_INSTALL.startsWith('apt-get update && '), problem);
    }
  });
});
