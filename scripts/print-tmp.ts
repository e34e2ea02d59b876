import { execFileSync } from 'node:child_process';
import { chromium } from 'playwright-core';
import { serveStatic } from '../tests/helpers/static-server.ts';
const [dir, base, ...paths] = process.argv.slice(2);
const server = await serveStatic(dir!, base!);
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium' });
for (const p of paths) {
  const page = await browser.newPage();
  await page.goto(server.url + p);
  const file = `/tmp/pt/${p.replace(/\W+/g, '_') || 'home'}.pdf`;
  await page.pdf({ path: file, format: 'A4', preferCSSPageSize: true });
  const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
  console.log(p, /^Pages:\s+(\d+)/m.exec(info)?.[1], file);
  await page.close();
}
await browser.close();
await server.close();
