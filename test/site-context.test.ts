/** Series from frontmatter and from map-of-content notes; recently tended notes for the home page. */
import { describe, expect, it } from 'vitest';
import { buildGarden } from '../src/build.ts';
import { toNoteData } from '../src/emit/note-data.ts';
import { buildSiteContext } from '../src/emit/site-context.ts';
import { makeGarden } from './helpers/garden.ts';

describe('site context', () => {
  it('orders frontmatter series by order, and map-of-content series by the order the map links them', async () => {
    const root = makeGarden({
      'Home.md': '# Home',
      'fm/B.md': '---\nseries: Basics\norder: 2\nupdated: 2026-01-02\n---\nB',
      'fm/A.md': '---\nseries: Basics\norder: 1\nupdated: 2026-01-03\n---\nA',
      'Storage Map.md': '---\ntags: [storage/moc]\n---\nRead [[WAL]], then [[Page Cache]], then [[A]] (already in a series), then [[WAL]] again.',
      'WAL.md': '---\nupdated: 2025-05-05\n---\nlog',
      'Page Cache.md': 'cache',
    });
    const model = await buildGarden({ garden: root, noCache: true });
    const site = buildSiteContext(model.notes, (id) => model.links.get(id) ?? []);
    const info = new Map(model.notes.map((n) => [n.parsed.id, { title: n.parsed.title, url: n.url }]));
    const data = (id: string) =>
      toNoteData(
        model.notes.find((n) => n.parsed.id === id)!,
        model.graph,
        info,
        true,
        site,
      );
    expect(data('fm/A').series).toEqual({ name: 'Basics', position: 1, total: 2, next: { title: 'B', url: '/fm/b/' } });
    expect(data('WAL').series).toEqual({
      name: 'Storage Map',
      position: 2,
      total: 3,
      prev: { title: 'Storage Map', url: '/storage-map/' },
      next: { title: 'Page Cache', url: '/page-cache/' },
    });
    expect(data('Home').series).toBeUndefined();
    const recent = data('Home').recent!;
    const dates = recent.map((r) => r.updated!);
    expect(dates).toEqual([...dates].sort().reverse());
    const titles = recent.map((r) => r.title).filter((t) => ['A', 'B', 'WAL'].includes(t));
    expect(titles).toEqual(['A', 'B', 'WAL']);
    expect(recent.some((r) => r.title === 'Home')).toBe(false);
    expect(data('WAL').recent).toBeUndefined();
  });

  it("lists the ten most recently tended notes, newest first, a day's notes by id, the home page never", async () => {
    const files: Record<string, string> = { 'index.md': '---\nupdated: 2030-01-01\n---\nHome' };
    // 25 dated notes over 6 days (ties), in an order that is not theirs, and undated ones.
    for (let i = 0; i < 25; i++) files[`n/Note ${String((i * 7) % 25).padStart(2, '0')}.md`] = `---\nupdated: 2026-03-0${1 + (i % 6)}\n---\nText ${i}`;
    for (let i = 0; i < 5; i++) files[`u/Undated ${i}.md`] = 'No date';
    const model = await buildGarden({ garden: makeGarden(files), noCache: true });
    const { recent } = buildSiteContext(model.notes, (id) => model.links.get(id) ?? []);
    const expected = model.notes
      .filter((n) => n.url !== '/' && n.parsed.frontmatter.updated)
      .map((n) => ({ id: n.parsed.id, updated: n.parsed.frontmatter.updated! }))
      .sort((a, b) => (a.updated !== b.updated ? (a.updated < b.updated ? 1 : -1) : a.id < b.id ? -1 : 1))
      .slice(0, 10);
    expect(recent.map((r) => [r.title, r.updated])).toEqual(expected.map((e) => [e.id.slice(2), e.updated]));
    expect(recent[0]!.updated).toBe('2026-03-06');
  });
});
