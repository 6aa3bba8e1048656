// The code fingerprint: a hash of every source file that shapes Trellis's output (src/, the
// search encoder shared with the app, the lockfile). Plain JavaScript, because bin/trellis.js
// needs it before any TypeScript can be loaded: it names the compiled CLI bundle, and caches
// and build records are keyed by it, so none of them outlive a code change.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** Hash of the code under `root` (the project folder). */
export function fingerprintCode(root) {
  const h = createHash('sha256');
  const files = [...list(path.join(root, 'src')), ...list(path.join(root, 'web', 'search', 'lib')), path.join(root, 'package-lock.json')].sort();
  for (const f of files) {
    try {
      h.update(path.relative(root, f)).update('\u0000').update(readFileSync(f)).update('\u0000');
    } catch {
      /* a missing lockfile only weakens the key */
    }
  }
  return h.digest('hex').slice(0, 32);
}

function list(dir) {
  try {
    return readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile() && /\.(ts|mjs|js)$/.test(e.name) && !e.name.endsWith('.test.ts'))
      .map((e) => path.join(e.parentPath, e.name));
  } catch {
    return [];
  }
}
