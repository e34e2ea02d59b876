import siteYaml from '../../content/site.yaml?raw';
import { parseSiteIdentity, type SiteIdentity } from '../lib/facts/site-identity.ts';

/**
 * Who runs the site and how to reach them, from content/site.yaml. Vite bundles
 * the file's text at build time (and reloads it in dev), so no page reads files.
 */
export const SITE: SiteIdentity = parseSiteIdentity(siteYaml, 'content/site.yaml');

/** The site's name, shown in the header, page titles, link previews and print. */
export const SITE_NAME = SITE.name;
