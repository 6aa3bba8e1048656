/**
 * The site URL (`--url`, or `url` in the configuration): where the built site
 * will be served. It gives the base path every page, link and asset is prefixed
 * with, and the absolute URLs of the sitemap, feeds and canonical links.
 */

/** A site URL, checked and normalised. */
export interface SiteUrl {
  /** Origin plus base path, always ending with `/` (`https://example.org/notes/`). */
  href: string;
  /** URL path the site is served under, starting and ending with `/` (`/notes/`). */
  basePath: string;
}

/** A site URL that cannot be used; the message says why and what would work. */
export class SiteUrlError extends Error {}

/**
 * Check and normalise a site URL: an absolute `http:` or `https:` URL without
 * credentials, query or fragment; a missing trailing slash is added (`/notes` is
 * the folder `/notes/`, as static hosts serve it).
 */
export function parseSiteUrl(input: string): SiteUrl {
  const text = input.trim();
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new SiteUrlError(`the site URL must be absolute, like https://example.org/notes/; got "${input}"`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new SiteUrlError(`the site URL must start with https:// or http://; got "${input}"`);
  if (url.username || url.password) throw new SiteUrlError(`the site URL must not carry a user name or password; got "${input}"`);
  if (url.search || url.hash || text.endsWith('?') || text.endsWith('#'))
    throw new SiteUrlError(`the site URL must not have a query or fragment (?… or #…); got "${input}"`);
  // Dot segments are resolved by URL; an index file name would make every page URL wrong.
  if (/\.html?$/i.test(url.pathname)) throw new SiteUrlError(`the site URL is a folder, not a page: drop the file name from "${input}"`);
  const basePath = url.pathname.endsWith('/') ? url.pathname : url.pathname + '/';
  return { href: url.origin + basePath, basePath };
}

/** The line a build prints when the site has no URL. */
export const noUrlNotice =
  'trellis: no site URL (--url, or url in the configuration), so sitemap.xml, the feeds and canonical links are left out: they need absolute URLs';
