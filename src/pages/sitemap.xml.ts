import type { APIRoute } from 'astro';
import { paths } from '../lib/paths.ts';
import { getSiteData } from '../lib/site-data.ts';
import { sitemapXml } from '../lib/sitemap.ts';
import { publicUrl } from '../lib/url.ts';

/** Every HTML page of the site, as absolute URLs built from SITE_URL. */
export const GET: APIRoute = async () => {
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
    paths.dataNotes,
    paths.accessibility,
    paths.data,
    ...items.map((i) => paths.item(i.id)),
    ...bureaus.map((b) => paths.bureau(b.slug)),
    ...batches.map((b) => paths.batch(b.batch)),
    ...topics.map((t) => paths.topic(t.slug)),
  ];
  return new Response(sitemapXml(pages.map(publicUrl)), { headers: { 'Content-Type': 'application/xml; charset=utf-8' } });
};
