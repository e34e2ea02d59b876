import { absoluteUrl, withBase } from '../lib/views/paths.ts';

/**
 * The public origin from SITE_URL, or undefined in a preview build. Every
 * absolute address (canonical, og:url, JSON-LD, sitemap, QR codes, share
 * images) depends on it, so that a preview build never shows a made-up host.
 */
export const PUBLIC_ORIGIN: string | undefined = import.meta.env.SITE || undefined;

/** A site-relative path with the configured base path, for links and assets. */
export function url(path: string): string {
  return withBase(path, import.meta.env.BASE_URL);
}

/** The absolute public URL of a site-relative path, or undefined without SITE_URL. */
export function publicUrl(path: string): string | undefined {
  return PUBLIC_ORIGIN === undefined ? undefined : absoluteUrl(path, import.meta.env.BASE_URL, PUBLIC_ORIGIN);
}

/** The address to show readers: absolute with SITE_URL, else the path under the base. */
export function shownUrl(path: string): string {
  return publicUrl(path) ?? url(path);
}
