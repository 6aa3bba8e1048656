/** `robots.txt`: everything may be crawled; the sitemap is named when the site has a URL. */

import { absoluteUrl } from '../shared/absolute-url.ts';

/** The robots.txt of a site (at absolute URL `siteUrl`, when known). */
export function renderRobots(siteUrl: string | undefined): string {
  return `User-agent: *\nAllow: /\n${siteUrl ? `\nSitemap: ${absoluteUrl(siteUrl, 'sitemap.xml')}\n` : ''}`;
}
