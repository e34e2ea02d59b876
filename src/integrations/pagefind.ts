import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import * as pagefind from 'pagefind';
import { SEARCH_RECORDS_FILE, type SearchRecord } from '../lib/search/record.ts';

const UNUSED_UI_FILES = [
  'pagefind-ui.js',
  'pagefind-ui.css',
  'pagefind-component-ui.js',
  'pagefind-component-ui.css',
  'pagefind-modular-ui.js',
  'pagefind-modular-ui.css',
  'pagefind-highlight.js',
];

/**
 * How many records may be on their way to Pagefind at once. Pagefind's service
 * handles its messages one after another in the order they arrive, so keeping
 * a few in flight hides the round trip without changing the index: the records
 * are still added in catalog order and the output stays the same on every build.
 */
const IN_FLIGHT = 16;

/**
 * Writes the Pagefind index into the build output from the astro:build:done
 * hook, so that `astro build` alone produces a searchable site. Any indexing
 * error fails the build rather than publishing a site without search.
 */
export function pagefindIntegration(): AstroIntegration {
  return {
    name: 'kstb-pagefind',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const outDir = fileURLToPath(dir);
        const started = performance.now();
        try {
          const { index, errors } = await pagefind.createIndex({ forceLanguage: 'zh-cn' });
          if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
          // The item pages themselves are not parsed: the build writes one small record per item
          // (src/pages/pagefind-records.json.ts), so the index holds only what search uses, the pages
          // carry no hidden search text, and a large catalog indexes without reading every page.
          const recordsFile = join(outDir, SEARCH_RECORDS_FILE);
          const records = JSON.parse(await readFile(recordsFile, 'utf8')) as SearchRecord[];
          await rm(recordsFile);
          if (records.length === 0) throw new Error(`${SEARCH_RECORDS_FILE} has no records: the search would find nothing`);
          const failures: string[] = [];
          const inFlight: Promise<void>[] = [];
          for (const { url, html } of records) {
            inFlight.push(
              index.addHTMLFile({ url, content: html }).then(
                (added) => {
                  if (added.errors.length > 0) failures.push(`Pagefind could not index ${url}: ${added.errors.join('; ')}`);
                },
                (error: unknown) => void failures.push(`Pagefind could not index ${url}: ${String(error)}`),
              ),
            );
            if (inFlight.length >= IN_FLIGHT) await inFlight.shift();
          }
          await Promise.all(inFlight);
          if (failures.length > 0) throw new Error(failures.join('\n'));
          const written = await index.writeFiles({ outputPath: `${outDir}pagefind` });
          if (written.errors.length > 0) throw new Error(`Pagefind could not write its files: ${written.errors.join('; ')}`);
          // The site has its own search UI on Pagefind's JS API; Pagefind's prebuilt UIs would only be dead weight.
          await Promise.all(UNUSED_UI_FILES.map((f) => rm(`${outDir}pagefind/${f}`, { force: true })));
          logger.info(`indexed ${records.length} pages in ${Math.round(performance.now() - started)} ms`);
        } finally {
          await pagefind.close();
        }
      },
    },
  };
}
