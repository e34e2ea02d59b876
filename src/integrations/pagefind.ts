import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cp, mkdir, mkdtemp, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { CITY_BUNDLES_DIR, INDEX_DIR } from '../lib/search/bundles.ts';
import { minifyFile } from '../build/minify.ts';
import { withoutInflater } from '../build/pagefind-runtime.ts';

/** The script that builds the index in a process of its own. */
const INDEXER = fileURLToPath(new URL('../build/search-index.ts', import.meta.url));

interface Indexing {
  /** Where the index is being written, outside the output directory (which Astro may clear). */
  tempDir: string;
  started: number;
  /** The record count, once the indexer has finished. */
  done: Promise<number>;
}

/** Starts the indexer on the project at `root`, writing into a fresh folder under `cacheDir`. */
async function startIndexing(root: string, cacheDir: string): Promise<Indexing> {
  // A cold build starts before Astro has made its cache directory.
  await mkdir(cacheDir, { recursive: true });
  const tempDir = await mkdtemp(join(cacheDir, 'pagefind-'));
  const started = performance.now();
  // Pagefind would otherwise start a thread per core and take the core Astro renders on: one is its share.
  const env = { ...process.env, RAYON_NUM_THREADS: '1', TOKIO_WORKER_THREADS: '1' };
  const child = spawn(process.execPath, [INDEXER, root, tempDir], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  // A build that fails half-way must not leave the indexer running.
  const stop = () => child.kill();
  process.once('exit', stop);
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => (stdout += d));
  child.stderr.on('data', (d) => (stderr += d));
  const done = new Promise<number>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (status) => {
      process.off('exit', stop);
      if (status === 0) resolve(Number(stdout.trim()));
      else reject(new Error(`the search index could not be built (exit ${status}):\n${stderr.slice(-3000)}`));
    });
  });
  // Reported at build:done; until then a rejection is not yet anyone's to handle.
  done.catch(() => undefined);
  return { tempDir, started, done };
}

/**
 * Writes the Pagefind index into the build output, so that `astro build` alone
 * produces a searchable site. The index is built from the catalog's search
 * records (src/build/search-index.ts) by a process of its own, started with
 * the build: Astro loads the content and renders on one core while Pagefind indexes on another,
 * instead of the index waiting for the last page. Any indexing error fails the
 * build rather than publishing a site without search.
 */
export function pagefindIntegration(): AstroIntegration {
  let building = false;
  let indexing: Promise<Indexing> | undefined;
  return {
    name: 'kstb-pagefind',
    hooks: {
      'astro:config:setup': ({ command }) => {
        building = command === 'build';
      },
      // As soon as the configuration is known, so that the index is built while Astro loads the content too.
      'astro:config:done': ({ config }) => {
        if (!building || indexing) return;
        indexing = startIndexing(fileURLToPath(config.root), fileURLToPath(config.cacheDir));
        // Reported at build:done, with the rest of the indexer's errors.
        indexing.catch(() => undefined);
      },
      'astro:build:done': async ({ dir, logger }) => {
        if (!indexing) throw new Error('the search index was never started');
        const { tempDir, started, done } = await indexing;
        const waited = performance.now();
        try {
          const count = await done;
          // The first city's bundle, and the other cities' folder where the catalog has more than one city.
          for (const folder of [INDEX_DIR, CITY_BUNDLES_DIR]) {
            const target = join(fileURLToPath(dir), folder);
            await rm(target, { recursive: true, force: true });
            if (!existsSync(join(tempDir, folder))) continue;
            // The cache directory is normally on the output's file system; copy where it is not.
            await rename(join(tempDir, folder), target).catch(() => cp(join(tempDir, folder), target, { recursive: true }));
          }
          // Pagefind ships its runtime with whitespace removed but names kept: 13.1 KiB gzipped, 10.8 minified.
          // Here, in Astro's process, where Vite is loaded already; the indexer's process would grow by 60 MB.
          // The site's own city's bundle is the one every search page loads first; other cities' bundles keep Pagefind's.
          // Without its gzip inflater: the search worker hands it its files inflated (src/build/pagefind-runtime.ts).
          await minifyFile(join(fileURLToPath(dir), INDEX_DIR, 'pagefind.js'), 'module', withoutInflater);
          const now = performance.now();
          logger.info(`indexed ${count} pages in ${Math.round(now - started)} ms, alongside rendering; the build waited ${Math.round(now - waited)} ms for it`);
        } finally {
          await rm(tempDir, { recursive: true, force: true });
        }
      },
    },
  };
}
