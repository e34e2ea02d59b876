import { rmSync } from 'node:fs';
import { buildSite, SITES, TEST_OUTPUT } from './helpers/build.ts';

/**
 * Builds the site once at the root and once under /kstb/ before any test runs;
 * the site and browser tests read these builds. A failed build fails the run.
 */
export async function globalSetup() {
  rmSync(TEST_OUTPUT, { recursive: true, force: true });
  for (const [name, site] of Object.entries(SITES)) {
    const result = buildSite({ outDir: site.dir, base: site.base, siteUrl: site.siteUrl });
    if (result.status !== 0) throw new Error(`building the ${name} site failed:\n${result.output}`);
  }
}
