import { createHash } from 'node:crypto';

/**
 * Name a search file after its content (`body-3.5f2a9c01de.json`), so hosts can cache shards
 * forever and only `manifest.json` needs revalidating after a rebuild.
 */
export function toFileName(stem: string, contents: string): string {
  return `${stem}.${createHash('sha256').update(contents).digest('hex').slice(0, 10)}.json`;
}
