/** Small graph.json factories for the graph function tests. */
import type { GraphJson, GraphLink, GraphNote, NoteId, NotePath, Slug } from '../../src/shared/types.ts';

/** A graph note with defaults derived from its id. */
export function makeGraphNote(id: string, extra: Partial<GraphNote> = {}): GraphNote {
  return {
    id: id as NoteId,
    path: `${id}.md` as NotePath,
    title: id.split('/').pop()!,
    url: `/${id.toLowerCase()}/` as Slug,
    tags: [],
    aliases: [],
    x: 0,
    y: 0,
    weight: 0.5,
    ...extra,
  };
}

/** graph.json with the given notes and `source>target` links. */
export function makeGraphJson(notes: GraphNote[], links: string[], extra: Partial<GraphJson> = {}): GraphJson {
  return {
    version: 1,
    notes,
    links: links.map((l): GraphLink => {
      const [source, target] = l.split('>') as [string, string];
      return { source: source as NoteId, target: target as NoteId, kind: 'link' };
    }),
    ...extra,
  };
}
