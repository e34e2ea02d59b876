import type { AstroIntegration } from 'astro';

/** The message every build without SITE_URL prints, at its start and at its end. */
export const PREVIEW_WARNING =
  'SITE_URL is not set: this is a PREVIEW build. Pages show relative addresses and carry no canonical links, ' +
  'QR codes, share images or sitemap URLs. To publish, build with SITE_URL=https://your.host npm run build';

/**
 * Checks SITE_URL: an absolute http(s) origin, or nothing for a preview build,
 * which is announced loudly so that nobody publishes one by mistake.
 */
export function siteUrlIntegration(siteUrl: string | undefined): AstroIntegration {
  if (siteUrl !== undefined) {
    let parsed: URL | undefined;
    try {
      parsed = new URL(siteUrl);
    } catch {
      parsed = undefined;
    }
    if (!parsed || !/^https?:$/.test(parsed.protocol))
      throw new Error(`SITE_URL must be an absolute http(s) address such as https://www.example.gov.cn, got ${JSON.stringify(siteUrl)}`);
  }
  return {
    name: 'kstb-site-url',
    hooks: {
      'astro:build:start': ({ logger }) => {
        if (siteUrl === undefined) logger.warn(PREVIEW_WARNING);
      },
      'astro:build:done': ({ logger }) => {
        if (siteUrl === undefined) logger.warn(PREVIEW_WARNING);
      },
    },
  };
}
