/**
 * SVGs as the sanitiser cleaned them (sanitize-svg.ts), kept beside the build cache by the hash of
 * each file's text and the code fingerprint (which covers DOMPurify's and jsdom's versions through
 * package-lock.json): a build whose SVGs were all cleaned before takes them from here and does not
 * load jsdom (~0.4-1 s of a build's main thread). Each build keeps the SVGs it published, and only them.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { cacheDir } from '../store/cache.ts';
import { codeFingerprint } from '../version.ts';
import type { SanitizedSvg } from './sanitize-svg.ts';

/** What earlier builds cleaned, by key (`svgKey`). */
export interface KeptSvgs {
  get(key: string): SanitizedSvg | undefined;
  set(key: string, value: SanitizedSvg): void;
  /** Keep what this build looked up or set, and nothing else (written only when that differs from the file). */
  save(): void;
}

/** The key of an SVG's text under this code. */
export function svgKey(text: string): string {
  return createHash('sha256').update(codeFingerprint()).update('\u0000').update(text).digest('hex');
}

/** The SVGs kept for `gardenRoot` (none when there is no file, or it cannot be read). */
export function openKeptSvgs(gardenRoot: string): KeptSvgs {
  const file = `${cacheDir(gardenRoot)}-svgs`;
  let previous = new Map<string, SanitizedSvg>();
  try {
    previous = deserialize(readFileSync(file)) as Map<string, SanitizedSvg>;
    if (!(previous instanceof Map)) previous = new Map();
  } catch {
    // None kept yet, or unreadable: every SVG is cleaned.
  }
  const used = new Map<string, SanitizedSvg>();
  let added = false;
  return {
    get(key) {
      const value = previous.get(key);
      if (value !== undefined) used.set(key, value);
      return value;
    },
    set(key, value) {
      used.set(key, value);
      added = true;
    },
    save() {
      if (!added && used.size === previous.size) return;
      const tmp = `${file}.${process.pid}.tmp`;
      try {
        mkdirSync(path.dirname(file), { recursive: true });
        writeFileSync(tmp, serialize(used));
        renameSync(tmp, file);
      } catch {
        // No room or no folder: the next build cleans its SVGs again.
        rmSync(tmp, { force: true });
      }
    },
  };
}
