/** The global graph page's no-JavaScript content: topics and their central notes, not every note. */
import type { ListItem, ListPage, ListSection, NoteId, Slug, Topic } from '../shared/types.ts';
import { topicSlug, type ListNote } from './list-note.ts';

/** Topics listed, largest first; the rest are on the topics page. */
const maxTopics = 40;
/** Central notes listed per topic. */
const hubsPerTopic = 5;
/** Most linking notes listed when the garden has no topics. */
const maxCentral = 30;

/**
 * The graph page: one section per topic (largest first, linked to its topic
 * page) with its most central notes, then the way to every note (the search
 * index). Its size grows with the number of topics, not of notes.
 */
export function graphPage(notes: readonly ListNote[], topics: readonly Topic[]): ListPage {
  const byId = new Map<NoteId, ListNote>(notes.map((n) => [n.id, n]));
  const item = (n: ListNote): ListItem => ({ title: n.title, url: n.url });
  // Top-level topics only: subtopics are on their topic's page.
  const top = topics.filter((t) => t.parent === undefined);
  const sections: ListSection[] = top
    .sort((a, b) => b.size - a.size || a.id - b.id)
    .slice(0, maxTopics)
    .map((t) => ({ title: t.name, url: topicSlug(t), items: t.hubs.flatMap((id) => (byId.has(id) ? [item(byId.get(id)!)] : [])).slice(0, hubsPerTopic) }));
  if (sections.every((s) => s.items.length === 0)) {
    const central = [...notes].sort((a, b) => b.outgoingCount - a.outgoingCount || a.title.localeCompare(b.title)).slice(0, maxCentral);
    sections.splice(0, sections.length, { title: 'Central notes', items: central.map(item) });
  }
  sections.push({ title: 'Every note', items: [{ title: 'All notes, A to Z', url: '/search/' as Slug, count: notes.length }] });
  if (top.length > maxTopics) sections.push({ title: 'More topics', items: [{ title: 'All topics', url: '/topics/' as Slug, count: top.length }] });
  return { kind: 'graph', url: '/graph/' as Slug, title: 'Graph', sections };
}
