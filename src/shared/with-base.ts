/**
 * Prefix a site-relative URL path (`/a/b/`, always starting with `/`) with the
 * site's base path (`/` or `/garden/`), so pages work when served from a subfolder.
 */
export function withBase(basePath: string, path: string): string {
  const base = basePath.endsWith('/') ? basePath : basePath + '/';
  return base + path.replace(/^\/+/, '');
}
