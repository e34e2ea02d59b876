import type { APIRoute, GetStaticPaths } from 'astro';
import { shareImagePath, type ShareCard } from '../../lib/publish/share-card.ts';
import { shareCards } from '../../astro/share-cards.ts';
import { shareImagePng, warmShareImages } from '../../build/share-image.ts';
import { SITE_NAME } from '../../astro/site.ts';
import { getSiteData } from '../../astro/site-data.ts';
import { PUBLIC_ORIGIN } from '../../astro/url.ts';

/**
 * One 1200×630 PNG per home, item, bureau, batch and topic page, for link
 * previews. og:image must be absolute, so a preview build (no SITE_URL)
 * draws none.
 */
export const getStaticPaths = (async () => {
  if (PUBLIC_ORIGIN === undefined) return [];
  const cards = shareCards(await getSiteData(), SITE_NAME);
  // In a build, draw what the cache lacks in one pipelined pass before the routes ask.
  if (import.meta.env.PROD) await warmShareImages(cards.values());
  return [...cards].map(([pagePath, card]) => ({ params: { image: shareImagePath(pagePath).replace(/^\/share\/|\.png$/g, '') }, props: { card } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ card: ShareCard }> = async ({ props }) =>
  new Response(new Uint8Array(await shareImagePng(props.card)), { headers: { 'Content-Type': 'image/png' } });
