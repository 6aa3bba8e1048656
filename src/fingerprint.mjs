// The code fingerprint: a hash of every file that can shape Trellis's output: all code and styles
// under src/ and web/ (tests and prose left out), bin/, the Vite and TypeScript configs and the
// package files. Nothing is listed by hand, so a change to any module, whichever side imports it,
// changes the key. Plain JavaScript, because bin/trellis.js needs it before any TypeScript can be
// loaded: it names the compiled CLI bundle, and the app bundle (src/emit/app-bundle.ts), caches and
// build records are keyed by it, so none of them outlive a code change.
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
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

/**
 * Hash of the code under `root` (the project folder), 32 hex digits. Every CLI run asks for it: it is kept with the
 * stamps (size, times, inode) of the files it was made from (`stampsFile`), and made again only when a stamp differs
 * (reading and hashing ~500 files was ~12 ms of each run; their stats are ~2 ms). It is kept only when no file
 * changed in the last {@link settledMs}: a file changed again within its file system's time resolution, to the same
 * size, would keep its stamp.
 */
export function fingerprintCode(root) {
  const files = codeFiles(root).sort();
  const stamps = stampsOf(files);
  const file = stampsFile(root);
  try {
    const kept = JSON.parse(readFileSync(file, 'utf8'));
    // Only a fingerprint's form: it names the compiled CLI's folder (bin/cli-bundle.js), and is never a path.
    if (kept.stamps === stamps.text && typeof kept.fingerprint === 'string' && /^[0-9a-f]{32}$/.test(kept.fingerprint)) return kept.fingerprint;
  } catch {
    // None kept, or not readable: hashed below.
  }
  const fingerprint = hashFiles(root, files).slice(0, 32);
  if (Date.now() - stamps.latest > settledMs) {
    const tmp = `${file}.${process.pid}.tmp`;
    try {
      mkdirSync(path.dirname(file), { recursive: true });
      writeFileSync(tmp, JSON.stringify({ stamps: stamps.text, fingerprint }));
      renameSync(tmp, file);
    } catch {
      rmSync(tmp, { force: true });
    }
  }
  return fingerprint;
}

/** A file changed less than this long ago keeps the fingerprint from being kept (see {@link fingerprintCode}). */
const settledMs = 3000;

/** Where the fingerprint of the code under `root` is kept with its files' stamps. */
function stampsFile(root) {
  return path.join(root, 'node_modules', '.cache', 'trellis-cli', 'code-stamps.json');
}

/** Each file's path, size, modification and change times and inode (or that it is missing), one a line, and the latest time. */
function stampsOf(files) {
  let text = '';
  let latest = 0;
  for (const f of files) {
    let st;
    try {
      st = statSync(f);
    } catch {
      text += `${f}\u0000(missing)\n`;
      continue;
    }
    text += `${f}\u0000${st.size}\u0000${st.mtimeMs}\u0000${st.ctimeMs}\u0000${st.ino}\n`;
    latest = Math.max(latest, st.mtimeMs, st.ctimeMs);
  }
  return { text, latest };
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
