/**
 * A list page's key (src/incremental/note-page-key.ts) decides whether the page is rendered again: it must change
 * whenever anything the page shows does, and only then. It is made from each item's JSON, made once for items that
 * several pages share (src/emit/list-pages.ts).
 */
import { describe, expect, it } from 'vitest';
import { listPageKeys } from '../src/incremental/note-page-key.ts';
import type { ListItem, ListPage, SiteInfo, Slug } from '../src/shared/types.ts';

const site: SiteInfo = { title: 'Garden', url: 'https://example.org', basePath: '/' } as SiteInfo;
const assets = { scripts: ['/_app/a.js'], styles: ['/_app/a.css'] };
const slug = (s: string) => s as Slug;

const item = (title: string, extra: Partial<ListItem> = {}): ListItem => ({ title, url: slug(`/${title.toLowerCase()}/`), ...extra });

function page(sections: { title: string; items: ListItem[] }[], title = 'Tag: raft'): ListPage {
  return { kind: 'tag', url: slug('/tags/raft/'), title, sections };
}

describe('a list page key', () => {
  it('is the same for the same page, made of other objects, and for a page whose items other pages share', () => {
    const a = listPageKeys(site, assets);
    const b = listPageKeys(site, assets);
    const shared = [item('Raft'), item('Paxos', { description: 'Consensus.' })];
    const first = page([{ title: 'Notes', items: shared }]);
    a(page([{ title: 'Other', items: [shared[1]!] }]));
    expect(a(first)).toBe(b(page([{ title: 'Notes', items: [item('Raft'), item('Paxos', { description: 'Consensus.' })] }])));
  });

  it('changes with anything the page shows: an item, its order, its section, a section, the page head, the site', () => {
    const key = listPageKeys(site, assets);
    const base = page([
      { title: 'Nested tags', items: [item('Leases', { count: 2 })] },
      { title: 'Notes', items: [item('Raft'), item('Paxos')] },
    ]);
    const variants: ListPage[] = [
      page([
        { title: 'Nested tags', items: [item('Leases', { count: 3 })] },
        { title: 'Notes', items: [item('Raft'), item('Paxos')] },
      ]),
      page([
        { title: 'Nested tags', items: [item('Leases', { count: 2 })] },
        { title: 'Notes', items: [item('Paxos'), item('Raft')] },
      ]),
      page([
        { title: 'Nested tags', items: [item('Leases', { count: 2 }), item('Raft')] },
        { title: 'Notes', items: [item('Paxos')] },
      ]),
      page([
        { title: 'Nested tags', items: [item('Leases', { count: 2 })] },
        { title: 'Notes', items: [item('Raft', { description: 'Leader election.' }), item('Paxos')] },
      ]),
      page([
        { title: 'Nested', items: [item('Leases', { count: 2 })] },
        { title: 'Notes', items: [item('Raft'), item('Paxos')] },
      ]),
      page(
        [
          { title: 'Nested tags', items: [item('Leases', { count: 2 })] },
          { title: 'Notes', items: [item('Raft'), item('Paxos')] },
        ],
        'Tag: paxos',
      ),
      page([
        { title: 'Nested tags', items: [item('Leases', { count: 2 })] },
        { title: 'Notes', items: [item('Raft'), item('Paxos')] },
        { title: 'More', items: [] },
      ]),
      // The last item made a section of its own, of the same title and link (a section's JSON can be an item's).
      page([
        { title: 'Nested tags', items: [item('Leases', { count: 2 })] },
        { title: 'Notes', items: [item('Raft')] },
        { title: 'Paxos', url: slug('/paxos/'), items: [] },
      ] as ListPage['sections']),
    ];
    const keys = new Set([key(base), ...variants.map((v) => listPageKeys(site, assets)(v))]);
    expect(keys.size).toBe(variants.length + 1);
    expect(listPageKeys({ ...site, title: 'Another garden' }, assets)(base)).not.toBe(key(base));
  });

  it('cannot be forged by text that looks like the marks between its parts', () => {
    const key = listPageKeys(site, assets);
    const two = page([
      { title: 'a', items: [] },
      { title: 'b', items: [] },
    ]);
    const forged = page([{ title: 'a"}\u0002\u0001{"title":"b', items: [] }]);
    expect(key(forged)).not.toBe(key(two));
  });
});
