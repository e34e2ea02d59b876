/** What a share image says: drawn at build time, described by its alt text. */
export interface ShareCard {
  /** Small line above the title: what kind of page this is. */
  kicker: string;
  /** The page's subject: an item, bureau, batch or topic name. */
  title: string;
  /** Up to two short facts: status, lead bureau, counts. */
  lines: string[];
  /** The site's name, at the foot of the image. */
  siteName: string;
}

/** Share images are 1200×630, the 1.91:1 that chat apps and social sites expect. */
export const SHARE_IMAGE_SIZE = { width: 1200, height: 630 } as const;

/** The site-relative path of a page's share image: /items/1-1/ → /share/items/1-1.png, / → /share/home.png. */
export function shareImagePath(pagePath: string): string {
  const trimmed = pagePath.replace(/^\/+|\/+$/g, '');
  return `/share/${trimmed === '' ? 'home' : trimmed}.png`;
}

/** The image's alt text: everything it shows, in reading order. */
export function shareCardAlt(card: ShareCard): string {
  return [card.kicker, card.title, ...card.lines, card.siteName].filter(Boolean).join('；');
}
