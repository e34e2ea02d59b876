import assert from 'node:assert/strict';
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { listFiles, SITES, type SiteName } from '../harness/build.ts';
import { loadPage } from '../harness/html.ts';

/** Finds every internal link or asset reference that does not resolve, anchors included. */
function brokenLinks(site: SiteName): string[] {
  const { dir, base } = SITES[site];
  const pages = listFiles(dir).filter((f) => f.endsWith('.html'));
  const ids = new Map<string, Set<string>>();
  const idsOf = (file: string) => {
    if (!ids.has(file)) ids.set(file, new Set([...loadPage(site, file).querySelectorAll('[id]')].map((e) => e.id)));
    return ids.get(file)!;
  };
  const broken: string[] = [];
  for (const page of pages) {
    const doc = loadPage(site, page);
    const pageUrl = new URL(`/${page.replace(/index\.html$/, '')}`, 'http://site');
    for (const el of doc.querySelectorAll('[href], [src]')) {
      const ref = el.getAttribute('href') ?? el.getAttribute('src')!;
      if (/^(mailto|tel|data):/.test(ref)) continue;
      const target = new URL(ref, new URL(base + pageUrl.pathname.slice(1), 'http://site'));
      if (target.origin !== 'http://site') continue;
      if (!target.pathname.startsWith(base)) {
        broken.push(`${page}: ${ref} is outside ${base}`);
        continue;
      }
      let file = join(dir, decodeURIComponent(target.pathname.slice(base.length)));
      if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
      if (!existsSync(file)) {
        broken.push(`${page}: ${ref}`);
        continue;
      }
      const anchor = decodeURIComponent(target.hash.slice(1));
      if (anchor && !idsOf(file.slice(dir.length + 1)).has(anchor)) broken.push(`${page}: ${ref} (no #${anchor})`);
    }
  }
  return broken;
}

describe('internal links', () => {
  for (const site of Object.keys(SITES) as SiteName[]) {
    it(`none is broken at ${SITES[site].base}`, () => {
      assert.deepEqual(brokenLinks(site), []);
    });
  }
});
