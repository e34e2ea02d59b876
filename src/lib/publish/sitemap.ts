const escapeXml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * A sitemap (sitemaps.org 0.9) listing absolute URLs, sorted for byte-identical
 * rebuilds, with an optional comment saying why it is empty.
 */
export function sitemapXml(urls: readonly string[], comment?: string): string {
  const entries = [...new Set(urls)].sort().map((u) => `  <url><loc>${escapeXml(u)}</loc></url>\n`);
  const note = comment === undefined ? '' : `<!-- ${comment.replace(/--/g, '- -')} -->\n`;
  return `<?xml version="1.0" encoding="UTF-8"?>\n${note}<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${entries.join('')}</urlset>\n`;
}

/** robots.txt allowing everything and, when the site has a public address, pointing to the sitemap. */
export function robotsTxt(sitemapUrl: string | undefined): string {
  return `User-agent: *\nAllow: /\n${sitemapUrl === undefined ? '' : `\nSitemap: ${sitemapUrl}\n`}`;
}
