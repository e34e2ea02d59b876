import type { APIRoute } from 'astro';
import { paths } from '../lib/views/paths.ts';
import { getSiteData } from '../astro/site-data.ts';
import { sitemapXml } from '../lib/publish/sitemap.ts';
import { PUBLIC_ORIGIN, publicUrl } from '../astro/url.ts';

/**
 * Every HTML page of the site, as absolute URLs built from SITE_URL. A preview
 * build has no public address, so its sitemap lists nothing and says why.
 */
export const GET: APIRoute = async () => {
  if (PUBLIC_ORIGIN === undefined)
    return new Response(sitemapXml([], 'preview build: SITE_URL is not set, so there are no public addresses to list'), {
      headers: { 'Content-Type': 'application/xml; charset=utf-8' },
    });
  const { items, bureaus, batches, topics } = await getSiteData();
  const pages = [
    paths.home,
    paths.items,
    paths.itemsByBureau,
    paths.bureaus,
    paths.batches,
    paths.topics,
    paths.overview,
    paths.search,
    paths.about,
    paths.howToApply,
    paths.dataNotes,
    paths.changes,
    paths.accessibility,
    paths.data,
    ...items.map((i) => paths.item(i.id)),
    ...bureaus.map((b) => paths.bureau(b.slug)),
    ...batches.map((b) => paths.batch(b.batch)),
    ...topics.map((t) => paths.topic(t.slug)),
  ];
  return new Response(sitemapXml(pages.map((p) => publicUrl(p)!)), { headers: { 'Content-Type': 'application/xml; charset=utf-8' } });
};
