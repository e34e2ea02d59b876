// @ts-check
import mdx from '@astrojs/mdx';
import { unified } from '@astrojs/markdown-remark';
import { defineConfig } from 'astro/config';
import remarkGfm from 'remark-gfm';
import { minifyPublicIntegration } from './src/integrations/minify-public.ts';
import { pagefindIntegration } from './src/integrations/pagefind.ts';
import { securityHeadersIntegration } from './src/integrations/security-headers.ts';
import { siteUrlIntegration } from './src/integrations/site-url.ts';
import { normaliseBase } from './src/lib/views/paths.ts';
import { rehypeBaseLinks } from './src/integrations/rehype-base-links.ts';
import { rehypeTableLabels } from './src/integrations/rehype-table-labels.ts';

/**
 * The public origin, for absolute URLs (canonical links, sitemap, QR codes,
 * share images). Unset means a preview build: no absolute address anywhere.
 */
const site = process.env.SITE_URL || undefined;
/** The sub-path the site is served under, e.g. /kstb/. */
const base = normaliseBase(process.env.BASE_PATH);

export default defineConfig({
  site,
  base,
  trailingSlash: 'always',
  // Every style and script is a file of the site's own origin, so that a strict
  // Content-Security-Policy (script-src 'self', style-src 'self') needs no hashes.
  // Four pages in flight: while one page's directory and file are written (each write a round trip to Node's
  // I/O threads), the next renders, instead of the build waiting idle on every write (docs/performance.md).
  build: { format: 'directory', inlineStylesheets: 'never', concurrency: 4 },
  // One stylesheet for the whole site (about 5 KiB gzipped): a single render-blocking
  // request, cached after the first page, instead of three to six small per-page files.
  // The search worker (src/client/search-worker.ts) is a module worker: it imports Pagefind's runtime itself.
  // Minified scripts keep no pure-call annotations (a minifier's hint, kept by Rolldown): bytes of every search.
  vite: {
    build: { assetsInlineLimit: 0, cssCodeSplit: false, rolldownOptions: { output: { comments: { annotation: false } } } },
    worker: { format: 'es', rolldownOptions: { output: { comments: { annotation: false } } } },
  },
  // GFM comes from remark-gfm explicitly, and smart quotes would turn Chinese
  // quotation marks into English ones, so both built-ins are off.
  markdown: {
    processor: unified({
      gfm: false,
      smartypants: false,
      remarkPlugins: [remarkGfm],
      rehypePlugins: [[rehypeBaseLinks, { base }], rehypeTableLabels],
    }),
  },
  integrations: [siteUrlIntegration(site), mdx(), pagefindIntegration(), securityHeadersIntegration(), minifyPublicIntegration()],
  devToolbar: { enabled: false },
});
