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
          // One file at a time rather than addDirectory: Pagefind then never holds the
          // whole site in memory at once, which keeps a 10,000-item build under 1 GiB.
          let pageCount = 0;
          for (const file of await htmlFiles(outDir)) {
            const path = relative(outDir, file).split(sep).join('/');
            const url = `/${path.replace(/(^|\/)index\.html$/, '$1')}`;
            const added = await index.addHTMLFile({ url, content: await readFile(file, 'utf8') });
            if (added.errors.length > 0) throw new Error(`Pagefind could not index ${path}: ${added.errors.join('; ')}`);
            pageCount++;
          }
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
