import { shareCardAlt, shareImagePath, type ShareCard } from '../lib/publish/share-card.ts';
import { shareCards } from './share-cards.ts';
import { SITE_NAME } from './site.ts';
import { getSiteData } from './site-data.ts';
import { paths } from '../lib/views/paths.ts';
import { publicUrl } from './url.ts';

let cards: Promise<Map<string, ShareCard>> | undefined;

/** The og:image of a page: its own card, or the home page's; none without SITE_URL. */
export async function shareImageMeta(pagePath: string): Promise<{ url: string; alt: string } | undefined> {
  cards ??= getSiteData().then((data) => shareCards(data, SITE_NAME));
  const all = await cards;
  const own = all.has(pagePath) ? pagePath : paths.home;
  const url = publicUrl(shareImagePath(own));
  const card = all.get(own);
  return url === undefined || card === undefined ? undefined : { url, alt: shareCardAlt(card) };
}
