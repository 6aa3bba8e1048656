/**
 * Tag and topic pages (src/emit/list-pages.ts): what each lists, in which order. A tag page lists its notes by title
 * and its nested tags one level down (nested tags roll up into their parents); a topic page lists its members in note
 * order (by title on the page), its subtopics, and the topics index each top-level topic. Seeded gardens check each
 * page against what its definition says, note by note.
 */
import { describe, expect, it } from 'vitest';
import { deriveListPages } from '../src/emit/list-pages.ts';
import { renderListPage } from '../src/shared/templates/page-template.ts';
import type { ListNote } from '../src/emit/list-note.ts';
import type { AppAssets, ListPage, NoteId, SiteInfo, Slug, Topic } from '../src/shared/types.ts';

function seeded(seed: number): () => number {
  let s = seed;
  return () => (s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
}

const tagWords = ['os', 'os/kernel', 'os/kernel/sched', 'os/fs', 'net', 'net/tcp', 'ml', 'ml/serving', 'Ünï/code', 'status/budding'];

function garden(seed: number): { notes: ListNote[]; topics: Topic[] } {
  const random = seeded(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)]!;
  const topics: Topic[] = [];
  const top = 2 + Math.floor(random() * 4);
  for (let i = 0; i < top; i++) topics.push({ id: i, name: `Topic ${i}`, color: '#000', size: 0, hubs: [] });
  for (let i = 0; i < 2 + Math.floor(random() * 6); i++)
    topics.push({ id: topics.length, name: `Sub ${topics.length}`, color: '#000', size: 0, hubs: [], parent: Math.floor(random() * top) });
  const notes: ListNote[] = Array.from({ length: 30 + Math.floor(random() * 60) }, (_, i) => {
    const topic = random() < 0.9 ? Math.floor(random() * top) : undefined;
    const subs = topics.filter((t) => t.parent === topic);
    const subtopic = topic !== undefined && subs.length > 0 && random() < 0.7 ? pick(subs).id : undefined;
    const title = `${pick(['alpha', 'Beta', 'gamma', 'Delta', 'épsilon'])} ${Math.floor(random() * 1000)}`;
    return {
      id: `${pick(['a', 'b/c', 'b'])}/n${i}` as NoteId,
      title,
      url: `/n${i}/` as Slug,
      tags: Array.from({ length: Math.floor(random() * 3) }, () => pick(tagWords)),
      frontmatter: { aliases: [], tags: [], publish: true },
      outgoingCount: 0,
      ...(topic !== undefined ? { topic } : {}),
      ...(subtopic !== undefined ? { subtopic } : {}),
    } as ListNote;
  });
  for (const t of topics) {
    const members = notes.filter((n) => (t.parent === undefined ? n.topic === t.id : n.subtopic === t.id));
    t.size = members.length;
    t.hubs = members.slice(0, 3).map((n) => n.id);
  }
  return { notes, topics };
}

const site: SiteInfo = { title: 'Garden', basePath: '/' };
const assets: AppAssets = { scripts: [], styles: [] };

const titlesOf = (page: ListPage, section: string) => page.sections.find((s) => s.title === section || s.title.startsWith(section))?.items.map((i) => i.title);
const byTitle = (a: string, b: string) => a.localeCompare(b);

describe('tag and topic pages', () => {
  it('list what their definitions say, over 40 seeded gardens', () => {
    for (let g = 0; g < 40; g++) {
      const { notes, topics } = garden(g);
      const pages = deriveListPages(notes, new Set(), topics);
      // Tags: every tag and every parent of one has a page of the notes under it, by title.
      const allTags = new Set(notes.flatMap((n) => n.tags.flatMap((t) => t.split('/').map((_, i, parts) => parts.slice(0, i + 1).join('/')))));
      const tagPages = pages.filter((p) => p.kind === 'tag');
      expect(tagPages.map((p) => p.title).sort()).toEqual([...allTags].map((t) => '#' + t).sort());
      for (const page of tagPages) {
        const tag = page.title.slice(1);
        const under = notes.filter((n) => n.tags.some((t) => t === tag || t.startsWith(tag + '/')));
        expect(titlesOf(page, 'Notes')).toEqual(under.map((n) => n.title).sort(byTitle));
        // The count under its title is of those notes, not of its lists' items (a nested tag is not a note).
        expect(page.count).toBe(under.length);
        expect(renderListPage(page, site, assets)).toContain(`<p class="note-meta"><span>${under.length} ${under.length === 1 ? 'note' : 'notes'}</span></p>`);
        const children = [...allTags].filter((t) => t.startsWith(tag + '/') && !t.slice(tag.length + 1).includes('/')).sort();
        expect(titlesOf(page, 'Nested tags') ?? []).toEqual(children.map((c) => '#' + c));
        const counts = page.sections.find((s) => s.title === 'Nested tags')?.items.map((i) => i.count) ?? [];
        expect(counts).toEqual(children.map((c) => notes.filter((n) => n.tags.some((t) => t === c || t.startsWith(c + '/'))).length));
      }
      const index = pages.find((p) => p.kind === 'tags')!;
      expect(titlesOf(index, 'All tags')).toEqual(
        [...allTags]
          .filter((t) => !t.includes('/'))
          .sort()
          .map((t) => '#' + t),
      );

      // Topics: a page for each, its members (a top-level topic's by `topic`, a subtopic's by `subtopic`) by title.
      const topicPages = pages.filter((p) => p.kind === 'topic');
      expect(topicPages.map((p) => p.title)).toEqual(topics.map((t) => t.name));
      topics.forEach((t, i) => {
        const page = topicPages[i]!;
        const members = notes.filter((n) => (t.parent === undefined ? n.topic === t.id : n.subtopic === t.id));
        expect(page.sections.at(-1)!.title).toBe(`All ${members.length} notes`);
        expect(page.sections.at(-1)!.items.map((x) => x.title)).toEqual(members.map((n) => n.title).sort(byTitle));
        expect(titlesOf(page, 'Central notes')).toEqual(t.hubs.map((id) => notes.find((n) => n.id === id)!.title));
        const subs = topics.filter((c) => c.parent === t.id);
        expect(titlesOf(page, 'Subtopics') ?? []).toEqual(subs.map((c) => c.name));
        expect(titlesOf(page, 'Part of') ?? []).toEqual(t.parent === undefined ? [] : [topics[t.parent]!.name]);
      });
      const topicsIndex = pages.find((p) => p.kind === 'topics')!;
      expect(topicsIndex.sections.map((s) => s.title)).toEqual(topics.filter((t) => t.parent === undefined).map((t) => t.name));
    }
  });
});

describe('list pages of notes with one title', () => {
  it('list the notes of every page by title, notes of one title in the order given, over 40 seeded gardens', () => {
    /** `xs` by title, a stable sort: notes of one title in the order given (what every list page's notes are in). */
    const sorted = (xs: readonly ListNote[]) => [...xs].sort((a, b) => a.title.localeCompare(b.title));
    const urls = (xs: readonly { url: string }[]) => xs.map((x) => x.url);
    for (let g = 0; g < 40; g++) {
      const random = seeded(1000 + g);
      const pick = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)]!;
      // Few titles, so many notes share one; ids in no particular order; some with dates, links out and series.
      const notes: ListNote[] = Array.from({ length: 20 + Math.floor(random() * 60) }, (_, i) => {
        const folder = pick(['', 'a/', 'b/c/', 'b/', 'B/', 'b/c/d/']);
        const series = random() < 0.2 ? pick(['Series one', 'Series two']) : undefined;
        return {
          id: `${folder}n${Math.floor(random() * 1e6)}-${i}` as NoteId,
          title: pick(['Zeta', 'alpha', 'Alpha', 'beta', 'Épée', 'epee']),
          url: `/n${i}/` as Slug,
          tags: random() < 0.5 ? [pick(tagWords)] : [],
          frontmatter: { aliases: [], tags: [], publish: true, ...(series ? { series, order: Math.floor(random() * 3) } : {}) },
          outgoingCount: Math.floor(random() * 4),
          ...(random() < 0.5 ? { updated: pick(['2024-01-02', '2024-03-04', '2025-05-06']) } : {}),
        } as ListNote;
      });
      const pages = deriveListPages(notes, new Set(), []);
      for (const page of pages.filter((p) => p.kind === 'tag')) {
        const tag = page.title.slice(1);
        expect(urls(page.sections.find((s) => s.title === 'Notes')!.items)).toEqual(
          urls(sorted(notes.filter((n) => n.tags.some((t) => t === tag || t.startsWith(tag + '/'))))),
        );
      }
      // Folder pages in the order their folders first appear among the notes, deepest first; each folder's own notes by title.
      const folders: string[] = [];
      for (const n of notes)
        for (let d = n.id.slice(0, Math.max(0, n.id.lastIndexOf('/'))); d; d = d.slice(0, Math.max(0, d.lastIndexOf('/'))))
          if (!folders.includes(d)) folders.push(d);
      const folderPages = pages.filter((p) => p.kind === 'folder');
      // (`B` and `b` have one URL: the site keeps the first page made for it.)
      expect(folderPages.map((p) => p.url)).toEqual(folders.map((f) => '/' + f.toLowerCase() + '/'));
      for (const [i, page] of folderPages.entries()) {
        const folder = folders[i]!;
        const own = notes.filter((n) => n.id.slice(0, Math.max(0, n.id.lastIndexOf('/'))) === folder);
        expect(urls(page.sections.find((s) => s.title === 'Notes')!.items)).toEqual(urls(sorted(own)));
        // Its count is of every note in it, its subfolders' included (as its entry in its parent's page says).
        expect(page.count).toBe(notes.filter((n) => n.id.startsWith(folder + '/')).length);
      }
      const search = pages.find((p) => p.kind === 'search')!;
      expect(urls(search.sections[0]!.items)).toEqual(urls(sorted(notes)));
      // The explorer: each folder's notes by title, as links in that order.
      const explorer = pages.find((p) => p.kind === 'explorer')!.introHtml!;
      const rootLinks = [...explorer.matchAll(/<li class="explorer-note"><a href="([^"]+)">/g)].map((m) => m[1]);
      const expected: string[] = [];
      const walk = (folder: string) => {
        const subs = [
          ...new Set(
            notes
              .map((n) => n.id.split('/'))
              .filter(
                (p) => p.length > folder.split('/').filter(Boolean).length + 1 && p.slice(0, folder.split('/').filter(Boolean).length).join('/') === folder,
              )
              .map((p) => p[folder.split('/').filter(Boolean).length]!),
          ),
        ].sort((a, b) => a.localeCompare(b));
        for (const s of subs) walk(folder ? `${folder}/${s}` : s);
        expected.push(...urls(sorted(notes.filter((n) => n.id.slice(0, Math.max(0, n.id.lastIndexOf('/'))) === folder))));
      };
      walk('');
      expect(rootLinks).toEqual(expected);
      // Start here: the six notes with the most links out, by title among equals, then in the order given.
      const start = pages.find((p) => p.kind === 'start')!;
      const entry = [...notes].sort((a, b) => b.outgoingCount - a.outgoingCount || a.title.localeCompare(b.title)).slice(0, 6);
      expect(urls(start.sections[0]!.items)).toEqual(urls(entry));
      // Series in the order the notes first name them.
      expect(start.sections.slice(1).map((s) => s.title)).toEqual([...new Set(notes.flatMap((n) => (n.frontmatter.series ? [n.frontmatter.series] : [])))]);
      // 404: the ten most recently tended, by title among equals.
      const recent = notes.filter((n) => n.updated).sort((a, b) => b.updated!.localeCompare(a.updated!) || a.title.localeCompare(b.title));
      expect(urls(pages.find((p) => p.kind === 'not-found')!.sections[0]!.items)).toEqual(urls(recent.slice(0, 10)));
    }
  });
});
