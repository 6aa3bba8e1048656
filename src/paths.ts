/**
 * Where Trellis's own files are: the project folder (web/, vite.config.ts, src/)
 * and the entry files of its worker threads.
 *
 * Trellis runs either from its TypeScript sources (tests, `TRELLIS_FROM_SOURCE=1`),
 * with each worker registering tsx's loader, or from the JavaScript bundle that
 * bin/trellis.js compiles once per code version (bin/cli-bundle.js). The bundle
 * defines `__TRELLIS_BUNDLE__`: its files sit flat in one folder, so a worker's
 * entry is found next to whichever chunk holds this module.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

declare const __TRELLIS_BUNDLE__: { root: string; fingerprint: string } | undefined;

const bundle = typeof __TRELLIS_BUNDLE__ === 'undefined' ? undefined : __TRELLIS_BUNDLE__;

/** The project folder, with a trailing separator. */
export const projectRoot = fileURLToPath(bundle ? new URL(bundle.root, import.meta.url) : new URL('../', import.meta.url));

/** The code fingerprint the bundle was compiled for (undefined when running from source). */
export const bundledFingerprint = bundle?.fingerprint;

/** The compile fingerprint written beside the bundle when it was compiled (bin/cli-bundle.js); undefined when running from source. */
export function bundledCompileFingerprint(): string | undefined {
  if (!bundle) return undefined;
  try {
    const value = readFileSync(new URL('./compile-fingerprint', import.meta.url), 'utf8');
    return /^[0-9a-f]{32}$/.test(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

/** Trellis's worker threads. */
export type WorkerName = 'parse' | 'layout' | 'search' | 'relink';

const sourceEntries: Record<WorkerName, string> = {
  parse: './compile/worker-entry.mjs',
  layout: './graph/layout-worker-entry.mjs',
  search: './search/worker-entry.mjs',
  relink: './incremental/relink-worker-entry.mjs',
};

/** The file a worker thread starts from. */
export function workerUrl(name: WorkerName): URL {
  return bundle ? new URL(`./${name}-worker.js`, import.meta.url) : new URL(sourceEntries[name], import.meta.url);
}

/** The file the clean-up process after a build starts from (src/incremental/clean-up.ts). */
export function cleanUpUrl(): URL {
  return bundle ? new URL('./clean-up.js', import.meta.url) : new URL('./incremental/clean-up-entry.mjs', import.meta.url);
}
