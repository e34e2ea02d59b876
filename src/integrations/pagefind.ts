import { readdir, readFile, rm } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import * as pagefind from 'pagefind';

const UNUSED_UI_FILES = [
  'pagefind-ui.js',
  'pagefind-ui.css',
  'pagefind-component-ui.js',
  'pagefind-component-ui.css',
  'pagefind-modular-ui.js',
  'pagefind-modular-ui.css',
  'pagefind-highlight.js',
];

/** Every HTML file below a directory, sorted, so that the index is the same on every build. */
async function htmlFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile() && e.name.endsWith('.html'))
    .map((e) => join(e.parentPath, e.name))
    .sort();
}

/**
 * How many pages may be on their way to Pagefind at once. Pagefind's service
 * handles its messages one after another in the order they arrive, so keeping
 * a few in flight hides the round trip without changing the index: the pages
 * are still added in sorted order and the output stays byte-identical.
 */
const IN_FLIGHT = 16;

/** The attribute that marks the part of a page Pagefind indexes. */
const BODY_MARK = 'data-pagefind-body';

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
          // File by file rather than addDirectory, in sorted order, so that the index
          // is the same on every build. Pages without a data-pagefind-body element are not
          // sent at all: once any page has one, Pagefind ignores the others anyway, and the
          // long list pages would only cost parsing time and memory.
          let pageCount = 0;
          const failures: string[] = [];
          const inFlight: Promise<void>[] = [];
          for (const file of await htmlFiles(outDir)) {
            const content = await readFile(file, 'utf8');
            if (!content.includes(BODY_MARK)) continue;
            const path = relative(outDir, file).split(sep).join('/');
            const url = `/${path.replace(/(^|\/)index\.html$/, '$1')}`;
            inFlight.push(
              index.addHTMLFile({ url, content }).then(
                (added) => {
                  if (added.errors.length > 0) failures.push(`Pagefind could not index ${path}: ${added.errors.join('; ')}`);
                },
                (error: unknown) => void failures.push(`Pagefind could not index ${path}: ${String(error)}`),
              ),
            );
            pageCount++;
            if (inFlight.length >= IN_FLIGHT) await inFlight.shift();
          }
          await Promise.all(inFlight);
          if (failures.length > 0) throw new Error(failures.join('\n'));
          if (pageCount === 0) throw new Error(`no page has a ${BODY_MARK} element: the search would find nothing`);
          const written = await index.writeFiles({ outputPath: `${outDir}pagefind` });
          if (written.errors.length > 0) throw new Error(`Pagefind could not write its files: ${written.errors.join('; ')}`);
          // The site has its own search UI on Pagefind's JS API; Pagefind's prebuilt UIs would only be dead weight.
          await Promise.all(UNUSED_UI_FILES.map((f) => rm(`${outDir}pagefind/${f}`, { force: true })));
          logger.info(`indexed ${pageCount} pages in ${Math.round(performance.now() - started)} ms`);
        } finally {
          await pagefind.close();
        }
      },
    },
  };
}
