/**
 * What of the project the dev server lets Vite serve: the web app (web/), the
 * code it shares with the builder (src/shared/), the packages it uses (node_modules, with
 * Vite's pre-bundled dependencies in node_modules/.vite) and Vite's own client.
 * Everything else in the project (package.json, src/, test/, dotfiles) and the
 * rest of the file system (`/@fs/...` outside those folders) is not served.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';

/** The builder's folder the web app imports from (the lint keeps the app to it; test/dev-guards.test.ts checks). */
export const sharedFolder = 'src/shared';

/** Vite's virtual modules the app loads: its client, and helpers compiled code imports (`\0` ids). */
const viteUrls = ['/@vite/client', '/@vite/env'];
const viteIdPrefixes = ['/@id/__x00__', '/@id/__vite-browser-external'];

/**
 * Absolute folders Vite may serve: web/, src/shared/, and every
 * node_modules folder Node would resolve the app's packages from (the project's own,
 * and its ancestors' when Trellis is installed as a dependency).
 */
export function appServingRoots(projectRoot: string): string[] {
  const roots = [path.join(projectRoot, 'web'), path.join(projectRoot, sharedFolder)];
  for (let dir = path.resolve(projectRoot); ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, 'node_modules'))) roots.push(path.join(dir, 'node_modules'));
    if (path.dirname(dir) === dir) break;
  }
  return roots;
}

/** Whether a decoded request path that the garden did not answer may go on to Vite. */
export function appRequestAllowed(pathname: string, projectRoot: string, roots: readonly string[]): boolean {
  if (viteUrls.includes(pathname) || viteIdPrefixes.some((p) => pathname.startsWith(p))) return true;
  if (pathname.includes('\0') || pathname.includes('\\') || pathname.split('/').some((s) => s === '..' || s === '.')) return false;
  const file = pathname.startsWith('/@fs/') ? pathname.slice('/@fs'.length) : path.join(projectRoot, pathname);
  return roots.some((root) => {
    const rel = path.relative(root, file);
    if (rel === '') return true;
    if (rel.startsWith('..') || path.isAbsolute(rel)) return false;
    // No dotfiles or dot-folders, except Vite's pre-bundled dependencies (node_modules/.vite).
    return rel.split(path.sep).every((s, i) => !s.startsWith('.') || (i === 0 && s === '.vite' && path.basename(root) === 'node_modules'));
  });
}
