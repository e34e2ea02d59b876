import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { robotsTxt, sitemapXml } from './sitemap.ts';

describe('preview builds (no SITE_URL)', () => {
  it('list no address in the sitemap and point robots.txt at none', () => {
    const xml = sitemapXml([], 'preview build -- no SITE_URL');
    assert.doesNotMatch(xml, /<loc>/);
    assert.match(xml, /<!-- preview build - - no SITE_URL -->/, 'the comment cannot be closed early');
    assert.equal(robotsTxt(undefined), 'User-agent: *\nAllow: /\n');
  });
});
