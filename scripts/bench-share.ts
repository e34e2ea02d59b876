/**
 * Measures the cost of drawing share images: every real card (home, items,
 * bureaus, batches, topics) drawn without the cache, twice over, then read
 * back through the cache. Prints wall and CPU milliseconds per image and the
 * estimate for a 10,000-item catalog. CPU time is the figure to trust on a
 * shared machine; wall time includes waiting for other processes.
 *
 *   npm run bench:share
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadCatalog } from '../src/build/load-catalog.ts';
import type { ShareCard } from '../src/lib/publish/share-card.ts';
import { shareCards } from '../src/astro/share-cards.ts';
import { drawShareImage, shareImagePng, warmShareImages } from '../src/build/share-image.ts';
import { parseSiteIdentity } from '../src/lib/facts/site-identity.ts';
import type { SiteData } from '../src/astro/site-data.ts';

const root = join(import.meta.dirname, '..');
const catalog = loadCatalog(root);
const { name } = parseSiteIdentity(readFileSync(join(root, 'content/site.yaml'), 'utf8'), 'content/site.yaml');
// The card builder takes the pages' data shape; the catalog has the same fields.
const bureauBySlug = new Map(catalog.bureaus.map((b) => [b.slug, b]));
const batches = catalog.sections.map((s) => ({ batch: s.batch }));
const data = { items: catalog.items, bureaus: catalog.bureaus, batches, topics: catalog.topics, bureauBySlug } as unknown as SiteData;
const cards: ShareCard[] = [...shareCards(data, name).values()];

async function measure(label: string, draw: (card: ShareCard) => Promise<Buffer>) {
  const cpu = process.cpuUsage();
  const start = performance.now();
  let bytes = 0;
  for (const card of cards) bytes += (await draw(card)).length;
  const wall = performance.now() - start;
  const used = process.cpuUsage(cpu);
  const cpuMs = (used.user + used.system) / 1000;
  console.log(
    `${label.padEnd(22)} ${cards.length} images  wall ${(wall / cards.length).toFixed(1)} ms/image  cpu ${(cpuMs / cards.length).toFixed(1)} ms/image  ${(bytes / cards.length / 1024).toFixed(1)} KiB/image`,
  );
  return cpuMs / cards.length;
}

await measure('uncached (fonts cold)', drawShareImage);
const perImage = await measure('uncached (fonts warm)', drawShareImage);
// Unique cards (a marker in the kicker) so that the cache cannot answer.
const run = `${process.pid}-${Date.now()}`;
const fresh = cards.map((c) => ({ ...c, kicker: `${c.kicker} ${run}` }));
const start = performance.now();
await warmShareImages(fresh);
console.log(`${'warm (pipelined)'.padEnd(22)} ${cards.length} images  wall ${((performance.now() - start) / cards.length).toFixed(1)} ms/image`);
for (const card of cards) await shareImagePng(card);
await measure('cached', shareImagePng);
const tenK = 10_000 + catalog.bureaus.length + 3 + catalog.topics.length + 1;
console.log(
  `estimate for 10,000 items: ${tenK} images, ${((tenK * perImage) / 1000 / 60).toFixed(1)} CPU minutes on a first build, near nothing on later builds of unchanged cards`,
);
