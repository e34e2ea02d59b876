import type { Plugin } from 'vite';

/** Vite's id for the helper it wraps around every dynamic import() of a page's script. */
const PRELOAD_HELPER = '\0vite/preload-helper.js';

/**
 * Replaces Vite's preload helper (about 0.7 KiB gzipped in the script that holds it) with a call of the
 * import itself. The helper preloads a dynamic chunk's CSS and shared chunks; this site has one stylesheet
 * (cssCodeSplit: false) and its one dynamic import on a page (the read-aloud reader, src/client/read-aloud.ts)
 * has no dependency to preload, so the helper would only add weight to every page that reads aloud.
 */
export function preloadHelperPlugin(): Plugin {
  return {
    name: 'kstb:preload-helper',
    enforce: 'pre',
    resolveId: (id) => (id === PRELOAD_HELPER ? id : undefined),
    load: (id) => (id === PRELOAD_HELPER ? 'export const __vitePreload = (load) => load();' : undefined),
  };
}
