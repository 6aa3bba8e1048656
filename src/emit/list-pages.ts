/**
 * Pages that are not notes: tag pages (nested tags roll up into their
 * parents), the tag index, folder pages, topic pages and their index, the
 * explorer (the folder tree), "Start here" (series and entry points), the
 * no-JavaScript search index, the global graph page and 404.
 */
import { escapeHtml as esc } from '../shared/html.ts';
import { dirName, slugifySegment, tagSlug } from '../shared/ids.ts';
import { graphPage } from './graph-page.ts';
import { groupBy, pushTo } from '../shared/multi-map.ts';
import { topicSlug, type ListNote } from './list-note.ts';
import type { ListItem, ListPage, ListSection, Slug, Topic } from '../shared/types.ts';

/** All list pages of a site. */
export function deriveListPages(notes: readonly ListNote[], takenUrls: ReadonlySet<string>, topics: readonly Topic[] = []): ListPage[] {
  noteItems = new WeakMap();
  // Every list is by title (ties as given): the notes are sorted by title once, and each list taken from them in that order.
  const byTitle = [...notes].sort(titleOrder);
  try {
    return [
      ...tagPages(byTitle),
      ...folderPages(notes, byTitle, takenUrls),
      ...topicPages(byTitle, topics),
      explorerPage(byTitle),
      startPage(notes, byTitle),
      searchPage(byTitle),
      graphPage(notes, topics),
      notFoundPage(byTitle),
    ];
  } finally {
    noteItems = undefined;
  }
}

/**
 * Each note's item, made once for all the pages of one {@link deriveListPages} (a note is listed on its tags', folder's,
 * topic's and the search page): the pages share it, and so does what is derived from it (a list page's key hashes each
 * item's JSON once: src/incremental/note-page-key.ts).
 */
let noteItems: WeakMap<ListNote, ListItem> | undefined;

/**
 * A page per topic and subtopic, and the topics index. A topic's page lists its subtopics first
 * (with their sizes), then its central notes and all its notes (`notes` is by title); the index lists the top-level
 * topics, each with its subtopics (else its first central notes).
 */
function topicPages(notes: readonly ListNote[], topics: readonly Topic[]): ListPage[] {
  if (topics.length === 0) return [];
  const byId = new Map(notes.map((n) => [n.id, n]));
  const hubItems = (t: Topic, max = 5) => t.hubs.slice(0, max).flatMap((id) => (byId.has(id) ? [item(byId.get(id)!)] : []));
  // Each topic's members and subtopics, in note and topic order, gathered in one pass each (a pass over the notes for
  // each of ~100 topics and subtopics was ~50 ms at 10k notes, in every build whose links changed).
  const byTopic = groupBy(notes, (n) => n.topic);
  const bySubtopic = groupBy(notes, (n) => n.subtopic);
  const subtopics = groupBy(topics, (c) => c.parent);
  const childrenOf = (t: Topic) => subtopics.get(t.id) ?? [];
  const subtopicItem = (c: Topic): ListItem => ({ title: c.name, url: topicSlug(c), count: c.size });
  const pages: ListPage[] = topics.map((t) => {
    const members = (t.parent === undefined ? byTopic : bySubtopic).get(t.id) ?? [];
    const children = childrenOf(t);
    const parent = t.parent !== undefined ? topics[t.parent] : undefined;
    const sections: ListSection[] = [];
    if (parent) sections.push({ title: 'Part of', items: [subtopicItem(parent)] });
    if (children.length) sections.push({ title: 'Subtopics', items: children.map(subtopicItem) });
    sections.push({ title: 'Central notes', items: hubItems(t) }, { title: `All ${members.length} notes`, items: members.map(item) });
    return { kind: 'topic', url: topicSlug(t), title: t.name, sections };
  });
  pages.push({
    kind: 'topics',
    url: '/topics/' as Slug,
    title: 'Topics',
    sections: topics
      .filter((t) => t.parent === undefined)
      .map((t) => {
        const children = childrenOf(t);
        return { title: t.name, url: topicSlug(t), items: children.length ? children.map(subtopicItem) : hubItems(t, 3) };
      }),
  });
  return pages;
}

/** The whole garden as a folder tree (nested `<details>`, all closed: works without JavaScript, and stays short at any size); `notes` is by title. */
function explorerPage(notes: readonly ListNote[]): ListPage {
  interface Folder {
    folders: Map<string, Folder>;
    notes: ListNote[];
  }
  const root: Folder = { folders: new Map(), notes: [] };
  for (const n of notes) {
    let f = root;
    const dir = dirName(n.id);
    for (const seg of dir ? dir.split('/') : []) {
      let child = f.folders.get(seg);
      if (!child) f.folders.set(seg, (child = { folders: new Map(), notes: [] }));
      f = child;
    }
    f.notes.push(n);
  }
  const render = (f: Folder): string => {
    const folders = [...f.folders].sort(([a], [b]) => a.localeCompare(b));
    const items = [
      ...folders.map(([name, sub]) => `<li class="explorer-folder"><details><summary>${esc(name)}</summary>${render(sub)}</details></li>`),
      ...f.notes.map((n) => `<li class="explorer-note"><a href="${esc(n.url)}">${esc(n.title)}</a></li>`),
    ];
    return `<ul class="explorer-tree">${items.join('')}</ul>`;
  };
  return { kind: 'explorer', url: '/explorer/' as Slug, title: 'Notes', introHtml: `<nav aria-label="Folders">${render(root)}</nav>`, sections: [] };
}

function item(n: ListNote): ListItem {
  let made = noteItems?.get(n);
  if (made) return made;
  made = {
    title: n.title,
    url: n.url,
    ...(n.frontmatter.description ? { description: n.frontmatter.description } : {}),
    ...(n.updated ? { updated: n.updated } : {}),
    ...(n.frontmatter.stage ? { stage: n.frontmatter.stage } : {}),
  };
  noteItems?.set(n, made);
  return made;
}

/** Notes by title (`localeCompare`); a stable sort leaves notes of one title as they were. */
const titleOrder = (a: ListNote, b: ListNote) => a.title.localeCompare(b.title);

/** A page per tag, nested tags rolled up, and the tags index; `notes` is by title. */
function tagPages(notes: readonly ListNote[]): ListPage[] {
  const byTag = new Map<string, ListNote[]>();
  // A tag and its parents (`a/b/c`, `a/b`, `a`), made once for each tag: a garden's notes share a few hundred tags.
  const rollUps = new Map<string, string[]>();
  const rollUp = (tag: string) => {
    let all = rollUps.get(tag);
    if (!all) rollUps.set(tag, (all = tag.split('/').map((_, i, parts) => parts.slice(0, i + 1).join('/'))));
    return all;
  };
  for (const n of notes) {
    // One note's tags rolled up: most notes have one tag, and a set is made only for those with more.
    const all = n.tags.length === 1 ? rollUp(n.tags[0]!) : new Set(n.tags.flatMap(rollUp));
    for (const t of all) pushTo(byTag, t, n);
  }
  const tags = [...byTag.keys()].sort();
  // Each tag's nested tags one level down, in tag order (`a/b` of `a`), found once, not by a pass over every tag for each.
  const nested = groupBy(tags, (t) => (t.includes('/') ? t.slice(0, t.lastIndexOf('/')) : undefined));
  const pages: ListPage[] = tags.map((tag) => {
    const children = nested.get(tag) ?? [];
    const sections: ListSection[] = [{ title: 'Notes', items: byTag.get(tag)!.map(item) }];
    if (children.length)
      sections.unshift({ title: 'Nested tags', items: children.map((c) => ({ title: '#' + c, url: tagSlug(c), count: byTag.get(c)!.length })) });
    return { kind: 'tag', url: tagSlug(tag), title: '#' + tag, count: byTag.get(tag)!.length, sections };
  });
  const roots = tags.filter((t) => !t.includes('/'));
  pages.push({
    kind: 'tags',
    url: '/tags/' as Slug,
    title: 'Tags',
    sections: [{ title: 'All tags', items: roots.map((t) => ({ title: '#' + t, url: tagSlug(t), count: byTag.get(t)!.length })) }],
  });
  return pages;
}

/**
 * A page per folder. The folders are in the order of `notes` (a folder's URL taken by an earlier page is skipped, so
 * the order decides which of two folders with one URL has it); their notes are `byTitle`'s (the same notes, by title).
 */
function folderPages(notes: readonly ListNote[], byTitle: readonly ListNote[], takenUrls: ReadonlySet<string>): ListPage[] {
  const byFolder = new Map<string, ListNote[]>();
  // Each note's folder, found once (each is asked for again by every folder above it).
  const folderOf = new Map(notes.map((n) => [n, dirName(n.id)]));
  for (const n of notes) for (let dir = folderOf.get(n)!; dir && !byFolder.has(dir); dir = dirName(dir)) byFolder.set(dir, []);
  for (const n of byTitle) for (let dir = folderOf.get(n)!; dir; dir = dirName(dir)) byFolder.get(dir)!.push(n);
  const pages: ListPage[] = [];
  for (const [folder, list] of byFolder) {
    const url = folderSlug(folder);
    if (takenUrls.has(url)) continue;
    const direct = list.filter((n) => folderOf.get(n) === folder);
    const subfolders = [...new Set(list.map((n) => folderOf.get(n)!).filter((d) => d !== folder && dirName(d) === folder))].sort();
    const sections: ListSection[] = [];
    if (subfolders.length)
      sections.push({
        title: 'Folders',
        items: subfolders.map((d) => ({ title: d.slice(folder.length + 1), url: folderSlug(d), count: byFolder.get(d)?.length ?? 0 })),
      });
    sections.push({ title: 'Notes', items: direct.map(item) });
    pages.push({ kind: 'folder', url, title: folder.slice(folder.lastIndexOf('/') + 1), count: list.length, sections });
  }
  return pages;
}

/** URL of a folder page. */
export function folderSlug(folder: string): Slug {
  return ('/' + folder.split('/').map(slugifySegment).join('/') + '/') as Slug;
}

/** Notes of each series in reading order (frontmatter `order`, then title). */
export function seriesOf(notes: readonly ListNote[]): Map<string, ListNote[]> {
  const series = new Map<string, ListNote[]>();
  for (const n of notes) {
    const s = n.frontmatter.series;
    if (!s) continue;
    pushTo(series, s, n);
  }
  for (const list of series.values()) list.sort((a, b) => (a.frontmatter.order ?? 1e9) - (b.frontmatter.order ?? 1e9) || a.title.localeCompare(b.title));
  return series;
}

/** The entry points (the notes with the most links out, by title among equals), then each series (in the order of `notes`) in reading order. */
function startPage(notes: readonly ListNote[], byTitle: readonly ListNote[]): ListPage {
  const sections: ListSection[] = [...seriesOf(notes)].map(([name, list]) => ({ title: name, items: list.map(item) }));
  const entry = [...byTitle].sort((a, b) => b.outgoingCount - a.outgoingCount).slice(0, 6);
  sections.unshift({ title: 'Entry points', items: entry.map(item) });
  return { kind: 'start', url: '/start/' as Slug, title: 'Start here', sections };
}

/** Every note, by title (`notes` is). */
function searchPage(notes: readonly ListNote[]): ListPage {
  return { kind: 'search', url: '/search/' as Slug, title: 'All notes', sections: [{ title: `${notes.length} notes`, items: notes.map(item) }] };
}

/** The 404 page suggests the most recently tended notes, or, in a garden without dates, the first notes by title (`notes` is by title). */
function notFoundPage(notes: readonly ListNote[]): ListPage {
  const dated = notes.filter((n) => n.updated);
  const section =
    dated.length > 0
      ? {
          title: 'Recently tended',
          items: dated
            .sort((a, b) => b.updated!.localeCompare(a.updated!))
            .slice(0, 10)
            .map(item),
        }
      : { title: 'Notes', items: notes.slice(0, 10).map(item) };
  return { kind: 'not-found', url: '/404/' as Slug, title: 'Page not found', sections: [section] };
}
