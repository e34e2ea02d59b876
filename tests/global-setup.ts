import { copyFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSiteAsync, copyProject, PREVIEW_SITE, SITES, TEST_OUTPUT } from './harness/build.ts';
import { FIREFOX_PATH } from './harness/driver.ts';
import { checkFirefox } from './harness/firefox-esr.ts';
import { firefoxTemplate } from './harness/firefox-profile.ts';
import { checkPackages } from './harness/system.ts';

/**
 * Checks the system packages and the Firefox version, then builds the three
 * test sites side by side before any test runs: at the root
 * and under /kstb/ (both with SITE_URL), and a preview without SITE_URL whose
 * site.yaml fills some identity fields. Every site and browser test reads
 * these builds. The second and third build run in copies of the sources, so
 * that no two builds write the same generated files at once. A failed build
 * fails the run.
 */
export async function globalSetup() {
  // A missing system package (.ci/packages.txt) or a Firefox too old for the browser tests stops the run now,
  // saying what to install, not after the builds.
  checkPackages();
  checkFirefox(FIREFOX_PATH);
  rmSync(TEST_OUTPUT, { recursive: true, force: true });
  const kstb = copyProject();
  const preview = copyProject();
  copyFileSync(PREVIEW_SITE.siteYaml, join(preview, 'content/site.yaml'));
  try {
    const builds = Object.entries(SITES).map(async ([name, site], i) => {
      const result = await buildSiteAsync({ root: i === 0 ? undefined : kstb, outDir: site.dir, base: site.base, siteUrl: site.siteUrl });
      if (result.status !== 0) throw new Error(`building the ${name} site failed:\n${result.output}`);
    });
    const previewBuild = buildSiteAsync({ root: preview, outDir: PREVIEW_SITE.dir, base: PREVIEW_SITE.base }).then((result) => {
      writeFileSync(PREVIEW_SITE.log, result.output);
      if (result.status !== 0) throw new Error(`building the preview site failed:\n${result.output}`);
    });
    // The Firefox profile every Firefox of the tests starts from a copy of (harness/firefox-profile.ts), made beside the builds.
    await Promise.all([...builds, previewBuild, firefoxTemplate(FIREFOX_PATH)]);
  } finally {
    rmSync(kstb, { recursive: true, force: true });
    rmSync(preview, { recursive: true, force: true });
  }
}
