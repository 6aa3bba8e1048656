/**
 * Backlinks derived per target when asked (src/graph/backlinks.ts, `lazyBacklinks`) are the
 * backlinks `deriveBacklinks` gives the whole garden at once: for a few targets asked, for many
 * (past the point where every target is derived), and when iterated. The garden is the Obsidian
 * Tasks docs vault, with notes linking one target several times with the same and other contexts.
 */
import { describe, expect, it } from 'vitest';
import { buildGarden } from '../src/build.ts';
import { deriveBacklinks, lazyBacklinks, plainBacklinks } from '../src/graph/backlinks.ts';
import type { Backlink, NoteId } from '../src/shared/types.ts';
import { tasksVault, useTempCacheDir } from './helpers/garden.ts';

useTempCacheDir();

const plain = (list: readonly Backlink[] | undefined) => JSON.parse(JSON.stringify(list ?? null)) as unknown;

describe('lazy backlinks', () => {
  it('give every target the backlinks derived at once, in the same order, asked few, many or iterated', async () => {
    const model = await buildGarden({ garden: tasksVault, threads: 1, layout: false });
    try {
      const info = new Map(model.notes.filter((n) => n.publish).map((n) => [n.parsed.id, { title: n.parsed.title, url: n.url }]));
      const eager = deriveBacklinks(model.links, info, model.store.context);
      const ids: NoteId[] = model.notes.map((n) => n.parsed.id);
      expect(eager.size).toBeGreaterThan(20);
      // Some source links a target more than once: the duplicate-context rule is exercised.
      expect([...eager.values()].some((list) => new Set(list.map((b) => b.source)).size < list.length)).toBe(true);

      const few = lazyBacklinks(model.links, info, model.store.context);
      for (const id of ids.slice(0, 5)) expect(plain(few.get(id)), id).toEqual(plain(eager.get(id)));
      expect(few.size).toBe(eager.size);
      for (const id of ids) expect(few.has(id), id).toBe(eager.has(id));

      // Past 8 targets asked, every target's are derived at once.
      const many = lazyBacklinks(model.links, info, model.store.context, 8);
      for (const id of ids) expect(plain(many.get(id)), id).toEqual(plain(eager.get(id)));
      const one = lazyBacklinks(model.links, info, model.store.context, Infinity);
      for (const id of ids) expect(plain(one.get(id)), id).toEqual(plain(eager.get(id)));

      // A page reads each backlink's context once, however often it shows or writes it.
      let reads = 0;
      const counted = lazyBacklinks(model.links, info, (id, link) => (reads++, model.store.context(id, link)));
      const busiest = [...eager.entries()].sort((a, b) => b[1].length - a[1].length)[0]!;
      const list = counted.get(busiest[0])!;
      reads = 0;
      const shown = plainBacklinks(list);
      expect(reads).toBe(list.length);
      expect(JSON.parse(JSON.stringify(shown))).toEqual(plain(busiest[1]));
      expect(shown.every((b) => Object.getPrototypeOf(b) === Object.prototype)).toBe(true);

      const iterated = lazyBacklinks(model.links, info, model.store.context);
      iterated.get(ids[0]!);
      expect([...iterated.keys()]).toEqual([...eager.keys()]);
      expect(plain([...iterated.values()].flat())).toEqual(plain([...eager.values()].flat()));
    } finally {
      model.close?.();
    }
  });
});
