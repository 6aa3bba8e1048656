/**
 * The dev server serves the garden under the site's base path, as the host will
 * (`/notes/a/` for `--url https://user.github.io/notes/`); Vite serves the app
 * there too (its `base`). Only the editor API stays at `/_trellis/api/`.
 */

/** A decoded request path relative to the site (`/a/`), or undefined when it is outside `basePath`. */
export function belowBase(pathname: string, basePath: string): string | undefined {
  const base = decodeURIComponent(basePath);
  if (base === '/') return pathname;
  return pathname.startsWith(base) ? pathname.slice(base.length - 1) : undefined;
}
