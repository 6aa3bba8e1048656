/**
 * The configuration file as the schema validated it, kept beside the build cache: a build whose
 * `trellis.config.yaml` has the text validated last time, under the same code and Node.js, takes the
 * result from here and does not load the schema (zod: ~0.1 s of every command's start). Only a file that
 * validated is kept; with no file, what the schema makes of none (its defaults) is kept the same way.
 * Anything unreadable, or kept for another text, code or Node.js, is validated again.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { cacheDir } from '../store/cache.ts';
import { codeFingerprint } from '../version.ts';
import type { ConfigFile } from './schema.ts';

/** The key of a configuration file's text (undefined: no file) under this code and Node.js. */
export function validatedKey(source: string | undefined): string {
  return createHash('sha256')
    .update(`${codeFingerprint()}\u0000${process.version}\u0000`)
    .update(source === undefined ? '\u0000none' : `\u0001${source}`)
    .digest('hex');
}

function keptFile(gardenRoot: string): string {
  return `${cacheDir(gardenRoot)}-config`;
}

/** The validated file kept under `key`, if there is one. */
export function readValidated(gardenRoot: string, key: string): ConfigFile | undefined {
  try {
    const kept = deserialize(readFileSync(keptFile(gardenRoot))) as { key: string; parsed: ConfigFile };
    return kept.key === key ? kept.parsed : undefined;
  } catch {
    return undefined;
  }
}

/** Keep `parsed`, the validated file whose text has `key`. */
export function writeValidated(gardenRoot: string, key: string, parsed: ConfigFile): void {
  const file = keptFile(gardenRoot);
  const tmp = `${file}.${process.pid}.tmp`;
  try {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(tmp, serialize({ key, parsed }));
    renameSync(tmp, file);
  } catch {
    // No room or no folder: the next build validates again.
    rmSync(tmp, { force: true });
  }
}
