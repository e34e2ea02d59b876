// @ts-check
import mdx from '@astrojs/mdx';
import { unified } from '@astrojs/markdown-remark';
import { defineConfig } from 'astro/config';
import remarkGfm from 'remark-gfm';
import { contactGapsIntegration } from './src/integrations/contact-gaps.ts';
import { minifyPublicIntegration } from './src/integrations/minify-public.ts';
import { pagefindIntegration } from './src/integrations/pagefind.ts';
import { preloadHelperPlugin } from './src/integrations/preload-helper.ts';
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

/** A page script's file name: its component's name, and the script's number when a component has several. */
const scriptName = (/** @type {string} */ name) =>
  name.replace(/\.astro_astro_type_script_index_(\d+)_lang$/, (_, i) => (i === '0' ? '' : `-${i}`)).replace(/[^\w.-]/g, '_');

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
    // No module-preload helper: the one dynamic import of a page (the read-aloud reader) has nothing to preload.
    plugins: [preloadHelperPlugin()],
    build: { assetsInlineLimit: 0, cssCodeSplit: false, modulePreload: false, rolldownOptions: { output: { comments: { annotation: false } } } },
    // Page scripts named after their component alone (ReadAloud.<hash>.js, not ReadAloud.astro_astro_type_script_index_0_lang.<hash>.js):
    // every page names its scripts in its HTML.
    environments: { client: { build: { rolldownOptions: { output: { entryFileNames: (chunk) => `_astro/${scriptName(chunk.name)}.[hash].js` } } } } },
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
  integrations: [siteUrlIntegration(site), contactGapsIntegration(), mdx(), pagefindIntegration(), securityHeadersIntegration(), minifyPublicIntegration()],
  devToolbar: { enabled: false },
});
