/**
 * Containment for the editor API: a requested path must name a Markdown file
 * inside the garden. Absolute paths, `..` segments, dot-folders, NUL bytes and
 * symlinks that lead out of the garden are refused.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';

/** Why a path was refused. */
export class UnsafePathError extends Error {}

/** Resolve a garden-relative note path to an absolute path inside `root`, or throw UnsafePathError. */
export async function safeNotePath(root: string, rel: unknown): Promise<{ abs: string; rel: string }> {
  if (typeof rel !== 'string' || rel === '' || rel.includes('\0')) throw new UnsafePathError('path must be a non-empty string');
  const posix = rel.replace(/\\/g, '/').normalize('NFC');
  if (posix.startsWith('/') || /^[a-zA-Z]:/.test(posix)) throw new UnsafePathError('absolute paths are refused');
  const segments = posix.split('/');
  if (segments.some((s) => s === '..' || s === '.' || s === '' || s.startsWith('.')))
    throw new UnsafePathError('path segments may not be empty, `.`, `..` or hidden');
  if (!/\.md$/i.test(posix)) throw new UnsafePathError('only Markdown notes (.md) can be written');
  const realRoot = await fs.realpath(root);
  const abs = path.join(realRoot, ...segments);
  // Every existing ancestor (and the file itself, if it exists) must stay inside the garden after following symlinks.
  let probe = abs;
  for (;;) {
    const real = await fs.realpath(probe).catch(() => undefined);
    if (real !== undefined) {
      if (real !== realRoot && !real.startsWith(realRoot + path.sep)) throw new UnsafePathError('the path leads outside the garden through a symbolic link');
      break;
    }
    const parent = path.dirname(probe);
    if (parent === probe) break;
    probe = parent;
  }
  return { abs, rel: segments.join('/') };
}
