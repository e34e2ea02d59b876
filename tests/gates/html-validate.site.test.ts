import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { HtmlValidate } from 'html-validate';
import { listFiles, SITES } from '../harness/build.ts';

describe('valid HTML', () => {
  it('every generated page validates with html-validate, with zero errors', async () => {
    const validator = new HtmlValidate({ extends: ['html-validate:recommended'] });
    const errors: string[] = [];
    for (const file of listFiles(SITES.root.dir).filter((f) => f.endsWith('.html'))) {
      const report = await validator.validateFile(join(SITES.root.dir, file));
      for (const result of report.results)
        for (const m of result.messages) if (m.severity === 2) errors.push(`${file}:${m.line}:${m.column} ${m.ruleId}: ${m.message}`);
    }
    assert.deepEqual(errors.slice(0, 30), []);
  });
});
