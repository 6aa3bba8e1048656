/**
 * The compiled-note cache's pruning (src/store/cache.ts): entries a build neither read, kept nor wrote
 * are deleted once they are more than a few (`pruneSlack`); until then they stay for a later build.
 */
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { NoteJobResult } from '../src/compile/types.ts';
import { cacheDir, openCache, pruneSlack } from '../src/store/cache.ts';
import { makeGarden, useTempCacheDir } from './helpers/garden.ts';

/** A small result to cache (the cache stores whatever it is given, serialised). */
function result(id: string): NoteJobResult {
  return { note: { id } as never, rendered: { nonce: 'n', blocks: [], embeds: [] } as never, text: id, contexts: [] };
}

describe('note cache prune', () => {
  useTempCacheDir();

  it('leaves a few unused entries for later, and deletes them all once they are more than a few', async () => {
    const root = makeGarden({ 'A.md': '# A' });
    const first = await openCache(root);
    const ids = Array.from({ length: 200 }, (_, i) => `N${i}`);
    for (const id of ids) await first.set(id, 'h1', result(id));
    expect(readdirSync(cacheDir(root))).toHaveLength(200);

    // A build that kept 190 notes and wrote 10 new versions: 10 unused entries, within the slack.
    expect(pruneSlack(200)).toBe(32);
    const second = await openCache(root);
    for (const id of ids.slice(10)) second.keep(id, 'h1');
    for (const id of ids.slice(0, 10)) await second.set(id, 'h2', result(id));
    await second.prune();
    expect(readdirSync(cacheDir(root))).toHaveLength(210);

    // The next build changed 30 more: 40 unused entries, more than the slack; all 40 go, the 200 used stay.
    const third = await openCache(root);
    for (const id of ids.slice(40)) third.keep(id, 'h1');
    for (const id of ids.slice(0, 10)) expect(await third.get(id, 'h2')).toEqual(result(id));
    for (const id of ids.slice(10, 40)) await third.set(id, 'h2', result(id));
    await third.prune();
    expect(readdirSync(cacheDir(root))).toHaveLength(200);
    const fourth = await openCache(root);
    for (const id of ids.slice(0, 40)) expect(await fourth.get(id, 'h2'), id).toEqual(result(id));
    for (const id of ids.slice(40)) expect(await fourth.get(id, 'h1'), id).toEqual(result(id));
    for (const id of ids.slice(0, 40)) expect(await fourth.get(id, 'h1'), id).toBeUndefined();
  });
});
