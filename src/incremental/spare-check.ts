/**
 * Whether a spare is the site its manifest describes. A build recycles the site the previous build
 * replaced (its spare, link-previous.ts) and trusts it to hold every file of that site but those the
 * manifest says it differs in: it neither lists nor stats the spare's 44k files (~0.1-0.2 s at 10k
 * notes). A file removed by hand from the live site is made again by the next build (its staging
 * came from the other, whole folder), but the damaged folder then becomes the spare, and the build
 * after would take it as whole: the file went missing again, its manifest still naming it, and stayed
 * missing every other build. (A site whose search chunks went so read as whole kept a light search
 * doc's entry from a chunk that was not there, and every other build ran its search twice.)
 *
 * So once the new site is in place, the replaced one is checked against the file list it was built
 * with, in the clean-up process that runs after the build (remove-later.ts), off the build's path: a
 * spare that lacks a file, or holds one the list has not, is moved away and removed, and the next
 * build links the whole site from `dist/`, finding any file gone from it (`linkPreviousSite`).
 *
 * The list is compared by a digest that does not depend on order (the walk's order is the file
 * system's): the number of paths and two sums of 32-bit hashes of each, so the clean-up walks the
 * folder once, holding no list, and the digest of a set of paths is that of another with the paths
 * that differ added and taken out: each output manifest keeps its own, made from the previous
 * manifest's and the paths its build added and removed (output-manifest.ts).
 */
import { readdirSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';

/** The digest of a set of site-relative (POSIX) paths, whatever their order. */
export function pathsDigest(paths: Iterable<string>): string {
  return formatDigest(withPaths({ count: 0, sumA: 0, sumB: 0 }, paths, 1));
}

/**
 * The digest of a set of paths whose digest was `digest`, with `added` put in and `removed` taken out (each path in or
 * out of the set as said): a build's new manifest's digest from the previous one's and the paths it added and removed,
 * without hashing every path (src/incremental/output-manifest.ts). Undefined when `digest` is not a digest.
 */
export function adjustDigest(digest: string, added: Iterable<string>, removed: Iterable<string>): string | undefined {
  const sums = parseDigest(digest);
  if (!sums) return undefined;
  const after = withPaths(withPaths(sums, added, 1), removed, -1);
  return after.count < 0 ? undefined : formatDigest(after);
}

/** Whether `digest` has a digest's form. */
export function isDigest(digest: unknown): digest is string {
  return typeof digest === 'string' && parseDigest(digest) !== undefined;
}

/** A digest's count and sums. */
interface Sums {
  count: number;
  sumA: number;
  sumB: number;
}

function parseDigest(digest: string): Sums | undefined {
  const match = /^(\d{1,15})\.([0-9a-f]{1,8})\.([0-9a-f]{1,8})$/.exec(digest);
  return match ? { count: Number(match[1]), sumA: parseInt(match[2]!, 16), sumB: parseInt(match[3]!, 16) } : undefined;
}

function formatDigest({ count, sumA, sumB }: Sums): string {
  return `${count}.${sumA.toString(16)}.${sumB.toString(16)}`;
}

/** `sums` with each of `paths` added (`sign` 1) or taken out (-1). */
function withPaths(sums: Sums, paths: Iterable<string>, sign: 1 | -1): Sums {
  let { count, sumA, sumB } = sums;
  for (const p of paths) {
    count += sign;
    // FNV-1a and a multiplicative hash over the UTF-16 units, each summed (mod 2^32).
    let a = 0x811c9dc5;
    let b = 0x2545f491;
    for (let i = 0; i < p.length; i++) {
      const c = p.charCodeAt(i);
      a = Math.imul(a ^ c, 0x01000193);
      b = Math.imul(b + c, 0x9e3779b1) ^ (b >>> 15);
    }
    sumA = (sumA + sign * (a >>> 0)) >>> 0;
    sumB = (sumB + sign * (b >>> 0)) >>> 0;
  }
  return { count, sumA, sumB };
}

/** The digest of the files under `dir` (site-relative paths), or undefined when it cannot be walked (gone meanwhile: taken by a build). */
export function folderDigest(dir: string): string | undefined {
  try {
    return pathsDigest(listFolder(dir).files);
  } catch {
    return undefined;
  }
}

/** The files (site-relative, POSIX) and folders (parents before children) under `dir`; throws when it cannot be walked. */
export function listFolder(dir: string): { files: string[]; dirs: string[] } {
  const files: string[] = [];
  const dirs: string[] = [];
  const walk = (abs: string, rel: string): void => {
    for (const entry of readdirSync(abs, { withFileTypes: true })) {
      const child = rel === '' ? entry.name : `${rel}/${entry.name}`;
      if (entry.isDirectory()) {
        dirs.push(child);
        walk(path.join(abs, entry.name), child);
      } else files.push(child);
    }
  };
  walk(dir, '');
  return { files, dirs };
}

/** A spare to check: its folder, the digest of the files it should hold, and a folder name to move it to if it does not. */
export interface SpareCheck {
  dir: string;
  digest: string;
  trash: string;
}

/**
 * Check the spare: when it does not hold exactly its files, move it to `trash` and remove it. True when it was
 * moved. A spare taken meanwhile (renamed into a build's staging folder) cannot be walked or moved: left as it is.
 */
export function dropDamagedSpare(check: SpareCheck): boolean {
  const found = folderDigest(check.dir);
  if (found === undefined || found === check.digest) return false;
  try {
    renameSync(check.dir, check.trash);
  } catch {
    return false;
  }
  rmSync(check.trash, { recursive: true, force: true });
  return true;
}
