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
 * system's): the number of paths and two sums of 32-bit hashes of each, so the build that keeps the
 * spare hashes the paths it already holds, and the clean-up walks the folder once, holding no list.
 */
import { readdirSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';

/** The digest of a set of site-relative (POSIX) paths, whatever their order. */
export function pathsDigest(paths: Iterable<string>): string {
  let count = 0;
  let sumA = 0;
  let sumB = 0;
  for (const p of paths) {
    count++;
    // FNV-1a and a multiplicative hash over the UTF-16 units, each summed (mod 2^32).
    let a = 0x811c9dc5;
    let b = 0x2545f491;
    for (let i = 0; i < p.length; i++) {
      const c = p.charCodeAt(i);
      a = Math.imul(a ^ c, 0x01000193);
      b = Math.imul(b + c, 0x9e3779b1) ^ (b >>> 15);
    }
    sumA = (sumA + (a >>> 0)) >>> 0;
    sumB = (sumB + (b >>> 0)) >>> 0;
  }
  return `${count}.${sumA.toString(16)}.${sumB.toString(16)}`;
}

/** The digest of the files under `dir` (site-relative paths), or undefined when it cannot be walked (gone meanwhile: taken by a build). */
export function folderDigest(dir: string): string | undefined {
  const paths: string[] = [];
  const walk = (abs: string, rel: string): void => {
    for (const entry of readdirSync(abs, { withFileTypes: true })) {
      const child = rel === '' ? entry.name : `${rel}/${entry.name}`;
      if (entry.isDirectory()) walk(path.join(abs, entry.name), child);
      else paths.push(child);
    }
  };
  try {
    walk(dir, '');
  } catch {
    return undefined;
  }
  return pathsDigest(paths);
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
