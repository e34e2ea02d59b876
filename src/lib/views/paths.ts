/** Site-relative paths of every kind of page, without the base path. */
export const paths = {
  home: '/',
  items: '/items/',
  itemsByBureau: '/items/by-bureau/',
  item: (id: string) => `/items/${id}/`,
  bureaus: '/bureaus/',
  bureau: (slug: string) => `/bureaus/${slug}/`,
  batches: '/batches/',
  batch: (batch: number) => `/batches/${batch}/`,
  topics: '/topics/',
  topic: (slug: string) => `/topics/${slug}/`,
  overview: '/overview/',
  data: '/data/',
  itemsJson: '/data/items.json',
  itemsCsv: '/data/items.csv',
  bureauCsv: (slug: string) => `/data/bureaus/${slug}.csv`,
  sitemap: '/sitemap.xml',
  search: '/search/',
  about: '/about/',
  /** The one page that explains the three modes and the channels, linked from every item. */
  howToApply: '/how-to-apply/',
  dataNotes: '/data-notes/',
  /** Every version of the table the site has published and what each changed. */
  changes: '/changes/',
  accessibility: '/accessibility/',
} as const;

/** Normalises a base path to start and end with one slash: kstb → /kstb/. */
export function normaliseBase(base: string | undefined): string {
  const trimmed = (base ?? '').replace(/^\/+|\/+$/g, '');
  return trimmed === '' ? '/' : `/${trimmed}/`;
}

/** Prefixes a site-relative path with the base path: (/items/1-1/, /kstb/) → /kstb/items/1-1/. */
export function withBase(path: string, base: string): string {
  return normaliseBase(base) + path.replace(/^\/+/, '');
}

/** An absolute URL for a site-relative path, for canonical links and print. */
export function absoluteUrl(path: string, base: string, site: string): string {
  return new URL(withBase(path, base), site).href;
}
