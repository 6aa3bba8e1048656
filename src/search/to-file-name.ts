import { createHash } from 'node:crypto';

/** The first 10 hex digits of the SHA-256 of a search file's contents: what its name carries. */
export function toContentHash(contents: string): string {
  return createHash('sha256').update(contents).digest('hex').slice(0, 10);
}

/**
 * Name a search file after its content (`vocabulary.5f2a9c01de.json`), so hosts can cache it
 * forever and only `manifest.json` needs revalidating after a rebuild.
 */
export function toFileName(stem: string, contents: string): string {
  return `${stem}.${toContentHash(contents)}.json`;
}
