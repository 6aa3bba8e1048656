/**
 * The absolute URL of a site-relative path (`/a/b/`, as note URLs are) on the site at
 * `siteUrl` (`https://example.org/notes/`): the path goes below the site's own path.
 */
export function absoluteUrl(siteUrl: string, path: string): string {
  return siteUrl.replace(/\/+$/, '') + '/' + path.replace(/^\/+/, '');
}
