/**
 * Seed a staging folder with the previous site: every file the previous build's manifest lists is
 * hard-linked into `staging` (no bytes copied), so a build writes only what changed and the folder
 * swapped in is still a whole site. The previous site is never written to: a changed file is
 * unlinked in staging and written anew (see write-site.ts).
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { OutputManifest } from './output-manifest.ts';

/** Links made: the site-relative files now in staging, and the folders made for them. */
export interface LinkedSite {
  files: Set<string>;
  dirs: Set<string>;
}

/** Hard-link the files of `previous` that still exist under `out` into `staging`. */
export async function linkPreviousSite(out: string, staging: string, previous: OutputManifest): Promise<LinkedSite> {
  const rels = Object.keys(previous.files).sort();
  const dirs = new Set<string>();
  for (const rel of rels) {
    for (let d = path.posix.dirname(rel); d !== '.' && !dirs.has(d); d = path.posix.dirname(d)) dirs.add(d);
  }
  // Parents before children: sorted by depth, then made one level at a time, many at once.
  const byDepth = [...dirs].sort((a, b) => a.split('/').length - b.split('/').length);
  let depth = 0;
  let level: string[] = [];
  const flush = async () => inBatches(level, 128, (d) => fs.mkdir(path.join(staging, d)));
  for (const d of byDepth) {
    const k = d.split('/').length;
    if (k !== depth) {
      await flush();
      level = [];
      depth = k;
    }
    level.push(d);
  }
  await flush();
  const files = new Set<string>();
  await inBatches(rels, 128, async (rel) => {
    try {
      await fs.link(path.join(out, rel), path.join(staging, rel));
      files.add(rel);
    } catch {
      // Gone from the site since (removed by hand): it is simply written again if still produced.
    }
  });
  return { files, dirs: new Set([...dirs].map((d) => path.join(staging, d))) };
}

async function inBatches<T>(items: readonly T[], size: number, fn: (item: T) => Promise<void>): Promise<void> {
  for (let i = 0; i < items.length; i += size) await Promise.all(items.slice(i, i + size).map(fn));
}
