import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { PROJECT_ROOT } from './build.ts';
import { installCommand, missingPackages, packagesProblem, parsePackages, requiredPackages } from './system.ts';

describe('the system packages the tests need (.ci/packages.txt)', () => {
  it('are one list, which the README shows and installs, and .ci/run installs from', () => {
    const packages = requiredPackages();
    assert.deepEqual(packages, ['chromium', 'firefox-esr', 'fonts-noto-cjk', 'poppler-utils', 'default-jre-headless', 'w3m']);
    const readme = readFileSync(join(PROJECT_ROOT, 'README.md'), 'utf8');
    assert.ok(readme.includes("apt-get install --no-install-recommends $(sed 's/#.*//' .ci/packages.txt)"), 'the README installs from the list');
    assert.ok(readme.includes(`\`${packages.join(' ')}\``), 'the README shows the list as it is');
    assert.ok(readFileSync(join(PROJECT_ROOT, '.ci/run'), 'utf8').includes('.ci/packages.txt'), '.ci/run reads the list');
    assert.ok(!packages.includes('imagemagick'), 'screenshots are read in Node');
  });

  it('reads one package a line, with comments', () => {
    assert.deepEqual(parsePackages('# fonts\nchromium\n\n  w3m  # text browser\n'), ['chromium', 'w3m']);
  });

  it('stops with every missing package named and the command that installs them', () => {
    assert.equal(packagesProblem([]), undefined);
    const problem = packagesProblem(['w3m', 'poppler-utils']) ?? '';
    assert.ok(problem.includes('w3m, poppler-utils'), problem);
    assert.ok(problem.includes(installCommand(['w3m', 'poppler-utils'])), problem);
    assert.equal(installCommand(['w3m']), 'apt-get update && apt-get install --no-install-recommends w3m');
  });

  it('asks dpkg which are installed', () => {
    assert.deepEqual(missingPackages(['kstb-no-such-package']), ['kstb-no-such-package']);
    assert.deepEqual(missingPackages(['dpkg']), []);
  });
});
