/**
 * Decoding a request's URL path. A path or query that is not valid
 * percent-encoded UTF-8 (`/%E0%A4%A`) makes `decodeURIComponent` throw a
 * URIError; the front gate answers such URLs with 400 instead.
 */

/** The decoded path of a request URL, or undefined when its path or query is not valid percent-encoded UTF-8. */
export function decodePathname(url: string | undefined): string | undefined {
  try {
    const parsed = new URL(url ?? '/', 'http://x');
    decodeURIComponent(parsed.search);
    return decodeURIComponent(parsed.pathname);
  } catch {
    return undefined;
  }
}
