/**
 * Folders a dev server made for itself, named with its pid (`<prefix><pid>-…`), which a server killed (Ctrl-C) leaves
 * behind: the next server removes those whose process is gone (vite-cache.ts, dev-search.ts).
 */
import { readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { alive } from '../incremental/build-lock.ts';

/** Remove the folders of `parent` named `<prefix><pid>-…` whose process `pid` is gone. */
export function removeLeftFolders(parent: string, prefix: string): void {
  let names: string[];
  try {
    names = readdirSync(parent);
  } catch {
    return;
  }
  for (const name of names) {
    if (!name.startsWith(prefix)) continue;
    const pid = /^(\d+)-/.exec(name.slice(prefix.length))?.[1];
    if (pid !== undefined && !alive(Number(pid))) rmSync(path.join(parent, name), { recursive: true, force: true });
  }
}
