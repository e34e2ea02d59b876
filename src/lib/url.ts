import { absoluteUrl, withBase } from './paths.ts';

/** A site-relative path with the configured base path, for links and assets. */
export function url(path: string): string {
  return withBase(path, import.meta.env.BASE_URL);
}

/** The absolute public URL of a site-relative path, built from SITE_URL. */
export function publicUrl(path: string): string {
  return absoluteUrl(path, import.meta.env.BASE_URL, import.meta.env.SITE);
}
