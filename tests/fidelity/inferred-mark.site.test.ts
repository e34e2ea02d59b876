import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, it } from 'node:test';
import { PROJECT_ROOT, listFiles, readBuilt, SITES } from '../harness/build.ts';
import { parseCsv } from '../harness/csv.ts';
import { loadPage, text } from '../harness/html.ts';
import { loadCatalog } from '../../src/build/load-catalog.ts';
import { INFERRED_LEGEND, INFERRED_MARK, inferredMark, leadText, nameOf, withMark } from '../../src/lib/views/item-view.ts';

const catalog = loadCatalog(PROJECT_ROOT);
const bureauName = nameOf(new Map(catalog.bureaus.map((b) => [b.slug, b])));
const inferredLead = catalog.items.filter((i) => inferredMark(i.notes, 'lead') !== undefined);

/** The search records Pagefind holds, by page URL: each fragment is gzip with a `pagefind_dcd` header before its JSON. */
function searchFragments(): Map<string, { meta: Record<string, string> }> {
  const dir = join(SITES.root.dir, 'pagefind', 'fragment');
  const fragments = readdirSync(dir).map((f) =>
    JSON.parse(
      gunzipSync(readFileSync(join(dir, f)))
        .toString('utf8')
        .replace(/^pagefind_dcd/, ''),
    ),
  );
  return new Map(fragments.map((f: { url: string; meta: Record<string, string> }) => [f.url, f]));
}

describe('本站推定 reads the same everywhere', () => {
  it('the catalog has inferred lead bureaus to show (1-8..1-18, 2-19)', () => {
    assert.ok(inferredLead.length >= 12, `${inferredLead.length} inferred leads`);
    for (const item of inferredLead) assert.ok(leadText(item, bureauName).endsWith(`（${INFERRED_MARK}）`), item.id);
  });

  it('on screen, in print, on the share card, in search results and in the CSV, as leadText() says it', () => {
    const fragments = searchFragments();
    const csv = parseCsv(readBuilt('root', 'data/items.csv'));
    const [header, ...rows] = csv;
    const notesColumn = header!.indexOf('notes');
    for (const item of inferredLead) {
      const expected = leadText(item, bureauName);
      const batchPage = loadPage('root', `batches/${item.batch}/index.html`);
      const row = (table: string) => [...batchPage.querySelectorAll(`${table} tbody tr`)].find((tr) => text(tr.querySelector('th')).includes(item.name));
      // Screen: the batch page's table and the list of all items.
      assert.equal(text(row('.screen-only table')?.querySelector('td[data-label="牵头单位"]')), expected, `${item.id} on screen`);
      const listed = [...loadPage('root', 'items/index.html').querySelectorAll('.item-list li')].find((li) => text(li.querySelector('a')) === item.name);
      assert.ok(text(listed).includes(`牵头：${expected}`), `${item.id} in the list of all items`);
      // Print: the paper-only table of the same page.
      assert.ok(text(row('.catalog-print-table')).includes(expected), `${item.id} in print`);
      // Share card: its alt text is everything the image says.
      const alt = loadPage('root', `items/${item.id}/index.html`).querySelector('meta[property="og:image:alt"]')?.getAttribute('content') ?? '';
      assert.ok(alt.includes(`牵头单位：${expected}`), `${item.id} on the share card: ${alt}`);
      // Search result: the lead line Pagefind returns for the item.
      assert.equal(fragments.get(`/items/${item.id}/`)?.meta.lead, expected, `${item.id} in search results`);
      // CSV: the correction is marked with the same words.
      const csvRow = rows.find((r) => r[0] === item.id);
      const leadNote = item.notes.find((n) => n.field === 'lead' && n.inferred)!;
      assert.ok(csvRow?.[notesColumn]?.includes(`→ ${withMark(leadNote.corrected, INFERRED_MARK)}`), `${item.id} in items.csv: ${csvRow?.[notesColumn]}`);
    }
  });

  it('is explained once per list page that shows it, and never in another wording', () => {
    for (const page of ['items/index.html', 'items/by-bureau/index.html', 'batches/1/index.html', 'bureaus/human-resources/index.html']) {
      const html = readBuilt('root', page);
      assert.equal(html.split(INFERRED_LEGEND).length - 1, page.includes('by-bureau') ? 1 : 2, `${page}: once on screen and once on paper`);
    }
    for (const page of listFiles(SITES.root.dir).filter((f) => f.endsWith('.html'))) {
      assert.ok(!readBuilt('root', page).includes('原表空白，本站推定'), `${page} says the mark another way`);
    }
  });
});
