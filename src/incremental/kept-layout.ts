/**
 * The last layout kept between builds, beside the cache, with its graph's edges: an unchanged
 * graph (same key: nodes, titles, tags, edges, topic settings) takes it as it is, and a slightly
 * changed one is placed from it (src/graph/layout-update.ts). Written by the same code only.
 */
import { readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { deserialize, serialize } from 'node:v8';
import type { LayoutCache, LayoutResult } from '../graph/index.ts';
import { cacheDir } from '../store/cache.ts';
import { codeFingerprint } from '../version.ts';

interface Kept {
  code: string;
  key: string;
  result: LayoutResult;
  edges: Uint32Array;
}

/** The layout cache of `gardenRoot`. */
export function openKeptLayout(gardenRoot: string): LayoutCache {
  const file = `${cacheDir(gardenRoot)}-layout-kept`;
  let kept: Kept | undefined;
  let read = false;
  const load = () => {
    if (!read) {
      read = true;
      try {
        const value = deserialize(readFileSync(file)) as Kept;
        if (value.code === codeFingerprint()) kept = value;
      } catch {
        kept = undefined;
      }
    }
    return kept;
  };
  return {
    get: (key) => {
      const k = load();
      return k && k.key === key ? k.result : undefined;
    },
    last: () => {
      const k = load();
      return k ? { positions: k.result.positions, edges: k.edges } : undefined;
    },
    set(key, result, edges) {
      if (!edges) return;
      const tmp = `${file}.${process.pid}.tmp`;
      try {
        writeFileSync(tmp, serialize({ code: codeFingerprint(), key, result, edges } satisfies Kept));
        renameSync(tmp, file);
      } catch {
        rmSync(tmp, { force: true });
      }
    },
  };
}
