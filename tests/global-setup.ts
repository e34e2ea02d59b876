import { rmSync } from 'node:fs';
import { buildSiteAsync, copyProject, SITES, TEST_OUTPUT } from './helpers/build.ts';

/**
 * Builds the site once at the root and once under /kstb/, side by side, before
 * any test runs; every site and browser test reads these two builds. The
 * second build runs in a copy of the sources, so that the two never write the
 * same generated files (.astro/) at once. A failed build fails the run.
 */
export async function globalSetup() {
  rmSync(TEST_OUTPUT, { recursive: true, force: true });
  const copy = copyProject();
  try {
    const builds = Object.entries(SITES).map(async ([name, site], i) => {
      const result = await buildSiteAsync({ root: i === 0 ? undefined : copy, outDir: site.dir, base: site.base, siteUrl: site.siteUrl });
      if (result.status !== 0) throw new Error(`building the ${name} site failed:\n${result.output}`);
    });
    await Promise.all(builds);
  } finally {
    rmSync(copy, { recursive: true, force: true });
  }
}
