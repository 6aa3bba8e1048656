/** Where a request to the preview server goes: a path inside the site, a redirect, outside the site, or a bad request. */

/** What a request URL names. */
export type SitePath =
  /** `path` is relative to the site's root (no leading `/`; `''` is the home page); `pathname` is the request's, for redirects. */
  | { kind: 'file'; path: string; pathname: string; search: string }
  | { kind: 'redirect'; location: string }
  /** Inside the site but never served (dotfiles): the site's 404. */
  | { kind: 'missing' }
  | { kind: 'outside' }
  | { kind: 'bad' };

/**
 * Map a request URL onto the site served under `basePath`. Undecodable paths, NUL bytes,
 * backslashes, `.` and `..` segments and dotfiles are bad requests or outside the site;
 * `/notes` (the base path without its slash) and `/` redirect to the base path.
 */
export function sitePathOf(requestUrl: string, basePath: string): SitePath {
  let url: URL;
  let pathname: string;
  try {
    url = new URL(requestUrl, 'http://preview.invalid');
    pathname = decodeURIComponent(url.pathname);
  } catch {
    return { kind: 'bad' };
  }
  // The raw path is checked too: URL resolves `..` before we would see it.
  if (/(^|\/)\.\.?(\/|$)/.test(requestUrl.split('?')[0]!) || pathname.includes('\0') || pathname.includes('\\')) return { kind: 'bad' };
  const base = safeDecode(basePath);
  if (base !== '/' && (pathname === base.slice(0, -1) || pathname === '/')) return { kind: 'redirect', location: basePath + url.search };
  if (!pathname.startsWith(base)) return { kind: 'outside' };
  const rest = pathname.slice(base.length);
  if (rest.split('/').some((s) => s.startsWith('.'))) return { kind: 'missing' };
  return { kind: 'file', path: rest, pathname: url.pathname, search: url.search };
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
