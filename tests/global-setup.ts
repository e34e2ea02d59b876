import { copyFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSite, copyProject, PREVIEW_SITE, SITES, TEST_OUTPUT } from './helpers/build.ts';

/**
 * Builds the site once at the root and once under /kstb/ before any test runs,
 * and once as a preview (no SITE_URL);
 * the site and browser tests read these builds. A failed build fails the run.
 */
export async function globalSetup() {
  rmSync(TEST_OUTPUT, { recursive: true, force: true });
  for (const [name, site] of Object.entries(SITES)) {
    const result = buildSite({ outDir: site.dir, base: site.base, siteUrl: site.siteUrl });
    if (result.status !== 0) throw new Error(`building the ${name} site failed:\n${result.output}`);
  }
  const project = copyProject();
  copyFileSync(PREVIEW_SITE.siteYaml, join(project, 'content/site.yaml'));
  const preview = buildSite({ root: project, outDir: PREVIEW_SITE.dir, base: PREVIEW_SITE.base });
  rmSync(project, { recursive: true, force: true });
  writeFileSync(PREVIEW_SITE.log, preview.output);
  if (preview.status !== 0) throw new Error(`building the preview site failed:\n${preview.output}`);
}
