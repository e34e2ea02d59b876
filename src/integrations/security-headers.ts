import { writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { headersFile } from '../lib/publish/csp.ts';

/**
 * Writes `_headers` (Netlify, Cloudflare Pages and similar hosts) with the
 * Content-Security-Policy and other security headers. Astro ignores page files
 * starting with an underscore, so the file is written after the build.
 */
export function securityHeadersIntegration(): AstroIntegration {
  return {
    name: 'kstb-security-headers',
    hooks: {
      'astro:build:done': async ({ dir }) => {
        await writeFile(`${fileURLToPath(dir)}_headers`, headersFile());
      },
    },
  };
}
