/** The few facts of a note that list pages and feeds need, and the URL of a topic page. */
import { slugifySegment } from '../shared/ids.ts';
import type { NoteData, Slug, Topic } from '../shared/types.ts';

/**
 * What list pages and feeds need of a note: a few fields of its NoteData and the number of its
 * outgoing links. A build keeps one for every note until the list pages are written, so it holds
 * none of the rest (body, headings, links).
 */
export type ListNote = Pick<NoteData, 'id' | 'title' | 'url' | 'tags' | 'frontmatter' | 'topic' | 'subtopic' | 'updated'> & { outgoingCount: number };

/** The {@link ListNote} of a note's data. */
export function listNote(data: NoteData): ListNote {
  const { id, title, url, tags, frontmatter, topic, subtopic, updated } = data;
  return {
    id,
    title,
    url,
    tags,
    frontmatter,
    ...(topic !== undefined ? { topic } : {}),
    ...(subtopic !== undefined ? { subtopic } : {}),
    ...(updated ? { updated } : {}),
    outgoingCount: data.outgoing.length,
  };
}

/** URL of a topic page (subtopics too: topic names are unique across both levels). */
export function topicSlug(topic: Topic): Slug {
  return ('/topics/' + slugifySegment(topic.name) + '/') as Slug;
}
