/** The few facts of a note that list pages and feeds need, and the URL of a topic page. */
import { slugifySegment } from '../shared/ids.ts';
import type { BuiltNote } from '../build.ts';
import type { NoteData, NoteId, Slug, Topic } from '../shared/types.ts';
import type { NoteGraphFacts } from './note-data.ts';
import { noteDates, type DateSource } from './note-dates.ts';

/**
 * What list pages and feeds need of a note: a few fields of its NoteData, its topic and subtopic
 * (not in its data: see NoteGraphFacts) and the number of its outgoing links. A build keeps one
 * for every note until the list pages are written, so it holds none of the rest (body, headings, links).
 */
export type ListNote = Pick<NoteData, 'id' | 'title' | 'url' | 'tags' | 'frontmatter' | 'updated'> & {
  topic?: number;
  subtopic?: number;
  outgoingCount: number;
};

/** The {@link ListNote} of a note's data, with its topic and subtopic from the graph stage. */
export function listNote(data: NoteData, graph: Pick<NoteGraphFacts, 'topicOf' | 'subtopicOf'>): ListNote {
  return ofFields(data, graph, data.outgoing.length);
}

/** The {@link ListNote} of a published note of the model, made without its data: what `listNote` gives of `toNoteData`'s. */
export function listNoteOf(
  note: BuiltNote,
  graph: Pick<NoteGraphFacts, 'outgoing' | 'topicOf' | 'subtopicOf'>,
  info: Pick<ReadonlyMap<NoteId, unknown>, 'has'>,
  dates: DateSource,
): ListNote {
  const p = note.parsed;
  const { updated } = noteDates(note, dates);
  // A note's data lists the outgoing links to notes it knows (published ones).
  let outgoing = 0;
  for (const id of graph.outgoing.get(p.id) ?? []) if (info.has(id)) outgoing++;
  const fields = { id: p.id, title: p.title, url: note.url, tags: p.tags, frontmatter: p.frontmatter, ...(updated ? { updated } : {}) };
  return ofFields(fields, graph, outgoing);
}

/** A ListNote of the note's own fields, its topic and subtopic, and its count of outgoing links, with keys in one order. */
function ofFields(
  data: Pick<NoteData, 'id' | 'title' | 'url' | 'tags' | 'frontmatter' | 'updated'>,
  graph: Pick<NoteGraphFacts, 'topicOf' | 'subtopicOf'>,
  outgoingCount: number,
): ListNote {
  const { id, title, url, tags, frontmatter, updated } = data;
  const topic = graph.topicOf.get(id);
  const subtopic = graph.subtopicOf?.get(id);
  return {
    id,
    title,
    url,
    tags,
    frontmatter,
    ...(topic !== undefined ? { topic } : {}),
    ...(subtopic !== undefined ? { subtopic } : {}),
    ...(updated ? { updated } : {}),
    outgoingCount,
  };
}

/**
 * `note` with its topic and subtopic from `graph`: list notes made while the layout worker ran (their
 * pages were written meanwhile, src/emit/index.ts) are given them once it is done. The same record,
 * keys in the same order, as one made after it.
 */
export function withTopics(note: ListNote, graph: Pick<NoteGraphFacts, 'topicOf' | 'subtopicOf'>): ListNote {
  return ofFields(note, graph, note.outgoingCount);
}

/** URL of a topic page (subtopics too: topic names are unique across both levels). */
export function topicSlug(topic: Topic): Slug {
  return ('/topics/' + slugifySegment(topic.name) + '/') as Slug;
}
