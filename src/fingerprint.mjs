// The code fingerprint: a hash of every source file that shapes Trellis's output (src/, the
// search encoder shared with the app, the lockfile). Plain JavaScript, because bin/trellis.js
// needs it before any TypeScript can be loaded: it names the compiled CLI bundle, and caches
// and build records are keyed by it, so none of them outlive a code change. The app bundle's
// key (src/emit/app-bundle.ts) is made by the same two functions.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** Hash of the code under `root` (the project folder). */
export function fingerprintCode(root) {
  const code = (name) => /\.(ts|mjs|js)$/.test(name);
  const files = [...listSources(path.join(root, 'src'), code), ...listSources(path.join(root, 'web', 'search', 'lib'), code), path.join(root, 'package-lock.json')];
  return hashFiles(root, files).slice(0, 32);
}

/**
 * Hex sha256 of `files` (absolute paths), in path order: each file's path relative to `root` and
 * its bytes. A file that cannot be read counts as `(missing)`, so the key still changes when it appears.
 */
export function hashFiles(root, files) {
  const h = createHash('sha256');
  for (const f of [...files].sort()) {
    let bytes;
    try {
      bytes = readFileSync(f);
    } catch {
      bytes = Buffer.from('(missing)');
    }
    h.update(path.relative(root, f)).update('\u0000').update(bytes).update('\u0000');
  }
  return h.digest('hex');
}

/** Files below `dir` whose name `keep` accepts, tests (`*.test.ts`) left out; none if `dir` is missing. */
export function listSources(dir, keep = () => true) {
  try {
    return readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile() && keep(e.name) && !e.name.endsWith('.test.ts'))
      .map((e) => path.join(e.parentPath, e.name));
  } catch {
    return [];
  }
}
