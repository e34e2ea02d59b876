import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join, relative } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { PROJECT_ROOT, SITES } from '../harness/build.ts';

/** The W3C Nu HTML Checker, from the vnu-jar npm package; Java comes from the system (Debian's default-jre-headless). */
const VNU_JAR = join(PROJECT_ROOT, 'node_modules/vnu-jar/build/dist/vnu.jar');

interface NuMessage {
  type: string;
  url?: string;
  lastLine?: number;
  message: string;
}

describe('valid HTML (W3C Nu HTML Checker)', () => {
  it('every generated page of both builds has zero errors', () => {
    // One JVM for every page of both sites: starting Java once per file would take minutes.
    // The checker needs a deep stack for its HTML schema (it overflowed now and then with
    // Java's default); a short run spends less CPU with the quick JIT and the serial collector.
    const result = spawnSync(
      'java',
      [
        '-Xss4m',
        '-XX:TieredStopAtLevel=1',
        '-XX:+UseSerialGC',
        '-jar',
        VNU_JAR,
        '--errors-only',
        '--skip-non-html',
        '--format',
        'json',
        SITES.root.dir,
        SITES.kstb.dir,
      ],
      { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
    );
    assert.equal(result.error, undefined, `could not run java: ${result.error?.message}`);
    const report = JSON.parse(result.stderr) as { messages: NuMessage[] };
    const errors = report.messages.map((m) => `${m.url ? relative(PROJECT_ROOT, fileURLToPath(m.url)) : '?'}:${m.lastLine ?? '?'} ${m.type}: ${m.message}`);
    assert.deepEqual(errors.slice(0, 30), []);
    assert.equal(result.status, 0, result.stderr.slice(0, 2000));
  });
});
