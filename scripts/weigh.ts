/**
 * What a page costs to download on a built site: every response it fetches
 * until the network is idle (and, on the search page, until its first results
 * are shown), each gzipped at level 6 as a static host would send it (Pagefind's
 * data files are gzip already and count as they are). Prints
 * one line per response and the total, for the byte figures in docs/performance.md.
 * Usage: npm run weigh -- [DIR] [PATH]   (default: dist and /search/?q=社保卡; build DIR first)
 */
import { gzipSync } from 'node:zlib';
import { resolve } from 'node:path';
import { launchBrowser } from '../tests/harness/browser.ts';
import { serveStatic } from '../tests/harness/static-server.ts';

const [dir = 'dist', path = '/search/?q=社保卡'] = process.argv.slice(2);
const server = await serveStatic(resolve(dir), '/');
const browser = await launchBrowser();
try {
  const page = await browser.newPage();
  const responses: { url: string; bytes: Promise<number> }[] = [];
  page.on('response', (r) => {
    const gzipped = (b: Buffer) => (b[0] === 0x1f && b[1] === 0x8b ? b.length : gzipSync(b, { level: 6 }).length);
    responses.push({ url: r.url(), bytes: r.body().then(gzipped) });
  });
  await page.goto(new URL(path.replace(/^\//, ''), server.url).href, { waitUntil: 'networkidle' });
  // The search page shows its first results after the network may have gone quiet once: wait for them.
  await page.waitForFunction(() => {
    const app = document.getElementById('search-app');
    return !app || app.dataset.state === 'done';
  });
  let total = 0;
  for (const r of responses) {
    const bytes = await r.bytes;
    total += bytes;
    console.log(`${(bytes / 1024).toFixed(2).padStart(8)} KiB  ${decodeURIComponent(new URL(r.url).pathname)}`);
  }
  console.log(`${(total / 1024).toFixed(2).padStart(8)} KiB  in ${responses.length} responses (${total} bytes), ${path} on ${dir}`);
} finally {
  await browser.close();
  await server.close();
}
