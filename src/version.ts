/**
 * The code fingerprint: a hash of the engine version and of every source file
 * that shapes the output (src/, the search encoder shared with the app, the
 * lockfile). Caches and build records keyed by it never outlive a code change.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { engineVersion } from './constants.ts';

const projectRoot = fileURLToPath(new URL('../', import.meta.url));
let memo: string | undefined;

/** Hash of the engine's code (computed once per process). */
export function codeFingerprint(): string {
  if (memo) return memo;
  const h = createHash('sha256').update(engineVersion);
  const files = [...list(path.join(projectRoot, 'src')), ...list(path.join(projectRoot, 'web', 'search', 'lib')), path.join(projectRoot, 'package-lock.json')].sort();
  for (const f of files) {
    try {
      h.update(path.relative(projectRoot, f)).update('\u0000').update(readFileSync(f)).update('\u0000');
    } catch {
      /* a missing lockfile only weakens the key */
    }
  }
  memo = h.digest('hex').slice(0, 32);
  return memo;
}

function list(dir: string): string[] {
  try {
    return readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile() && /\.(ts|mjs|js)$/.test(e.name) && !e.name.endsWith('.test.ts'))
      .map((e) => path.join(e.parentPath, e.name));
  } catch {
    return [];
  }
}
