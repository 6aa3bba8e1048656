/**
 * Where the dev server's Vite keeps the app's pre-bundled dependencies (its `cacheDir`).
 *
 * Vite's dependency optimizer has no lock between processes: it bundles into a `deps_temp_*`
 * folder and renames it over `deps`, so two servers that share the folder (two gardens served at
 * once, or the test suite's dev servers running side by side) replace each other's bundles while
 * their pages load them, and a page's module requests can fail or wait. So one dev server at a time
 * uses the project's shared folder (Vite's default, `node_modules/.vite`, kept between runs), holding
 * a lock file in it; a server started while another holds it bundles into a folder of its own
 * (`node_modules/.vite/dev-<pid>-*`, where the app's requests for it are allowed) and removes it when
 * it closes. Folders left by servers that were killed are removed by the next server that starts.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import path from 'node:path';
import { tryLock } from '../incremental/build-lock.ts';
import { removeLeftFolders } from './left-folders.ts';

/** The dev server's Vite cache folder, held until `release`. */
export interface ViteCache {
  /** The folder to give Vite as `cacheDir`. */
  dir: string;
  /** Whether this is a folder of this server's own (another server holds the shared one). */
  own: boolean;
  /** Let the shared folder go, or remove the server's own. */
  release(): void;
}

/** An own folder's name: this prefix, then the pid of the server that made it. */
const ownPrefix = 'dev-';

/** Vite's default cache folder for a project: `node_modules/.vite`, or `.vite` when it has no `node_modules`. */
export function sharedViteCache(projectRoot: string): string {
  const modules = path.join(projectRoot, 'node_modules');
  return existsSync(modules) ? path.join(modules, '.vite') : path.join(projectRoot, '.vite');
}

/** Take the shared cache folder of `projectRoot`'s Vite, or make one of this server's own when another server holds it. */
export function claimViteCache(projectRoot: string): ViteCache {
  const shared = sharedViteCache(projectRoot);
  mkdirSync(shared, { recursive: true });
  removeLeftFolders(shared, ownPrefix);
  const lock = tryLock(path.join(shared, 'trellis-dev.lock'));
  if (lock) return { dir: shared, own: false, release: () => lock.release() };
  const dir = mkdtempSync(path.join(shared, `${ownPrefix}${process.pid}-`));
  return { dir, own: true, release: () => rmSync(dir, { recursive: true, force: true }) };
}
