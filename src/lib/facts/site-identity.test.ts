import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { contactLines, parseSiteIdentity } from './site-identity.ts';
import { SourceError } from '../core/source-error.ts';

describe('site identity (content/site.yaml)', () => {
  it('the shipped file names 石家庄 and sets nothing it cannot know', () => {
    const site = parseSiteIdentity(readFileSync(new URL('../../../content/site.yaml', import.meta.url), 'utf8'), 'content/site.yaml');
    assert.match(site.name, /石家庄/);
    assert.deepEqual(Object.keys(site).sort(), ['accessibilityReviewed', 'name']);
    assert.deepEqual(contactLines(site), []);
  });

  it('treats empty values as unset and keeps the ones given', () => {
    const site = parseSiteIdentity('name: 某站\noperator: 某单位\nemail: a@example.org\nphone: "0311-0000 0000"\nicp: ""\nsiteCode: 1301000000\n', 'site.yaml');
    assert.deepEqual(site, { name: '某站', operator: '某单位', email: 'a@example.org', phone: '0311-0000 0000', siteCode: '1301000000' });
    assert.deepEqual(
      contactLines(site).map((c) => [c.label, c.href]),
      [
        ['电子邮件', 'mailto:a@example.org'],
        ['电话', 'tel:031100000000'],
      ],
    );
  });

  it('stops on a bad value, naming the file, line and value', () => {
    const cases: [string, RegExp][] = [
      ['name: x\nemail: not-an-address\n', /site\.yaml:2: invalid site identity: email/],
      ['name: x\nfeedbackUrl: ftp://example.org/\n', /site\.yaml:2: invalid site identity: feedbackUrl/],
      ['name: x\nphone: call us\n', /site\.yaml:2: invalid site identity: phone/],
      ['name: x\nicpp: 1\n', /site\.yaml:2: invalid site identity: icpp/],
      ['operator: x\n', /site\.yaml:1: invalid site identity: name/],
      ['- name: x\n', /site\.yaml:1: the file must be a YAML mapping/],
    ];
    for (const [text, message] of cases) {
      assert.throws(
        () => parseSiteIdentity(text, 'site.yaml'),
        (e: unknown) => e instanceof SourceError && message.test(e.message),
        text,
      );
    }
  });
});
