// The code fingerprint: a hash of every file that can shape Trellis's output: all code and styles
// under src/ and web/ (tests and prose left out), bin/, the Vite and TypeScript configs and the
// package files. Nothing is listed by hand, so a change to any module, whichever side imports it,
// changes the key. Plain JavaScript, because bin/trellis.js needs it before any TypeScript can be
// loaded: it names the compiled CLI bundle, and the app bundle (src/emit/app-bundle.ts), caches and
// build records are keyed by it, so none of them outlive a code change.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** Whether a file name is code or a style that can shape the output. */
const isCode = (name) => /\.(ts|mts|mjs|js|css|json)$/.test(name);

/** Every file the fingerprint covers, as absolute paths. */
export function codeFiles(root) {
  return [
    ...listSources(path.join(root, 'src'), isCode),
    ...listSources(path.join(root, 'web'), isCode),
    ...listSources(path.join(root, 'bin'), isCode),
    ...['vite.config.ts', 'tsconfig.json', 'package.json', 'package-lock.json'].map((f) => path.join(root, f)),
  ];
}

/** Hash of the code under `root` (the project folder), 32 hex digits. */
export function fingerprintCode(root) {
  return hashFiles(root, codeFiles(root)).slice(0, 32);
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
