/** graph.json (docs/output.md) from the published notes, their edges and a layout. */
import type { GraphJson, GraphNote, NoteId, ParsedNote, Slug, Topic } from '../shared/types.ts';
import type { NoteEdge } from './note-edges.ts';

/** Where the layout put a node (all optional: a graph not laid out yet has none of them). */
export type NodePlacement = Pick<GraphNote, 'topic' | 'subtopic' | 'x' | 'y' | 'weight'>;

/** The layout graph.json shows: each node's placement and the topic list. */
export interface GraphJsonLayout {
  placementOf(id: NoteId): NodePlacement | undefined;
  topics: Topic[];
}

/** graph.json's links: sources in the given (note) order, then edge by edge and kind by kind. */
export function graphJsonLinks(sources: readonly NoteId[], edgesOf: (id: NoteId) => readonly NoteEdge[]): GraphJson['links'] {
  const links: GraphJson['links'] = [];
  for (const source of sources) {
    for (const e of edgesOf(source)) for (const kind of e.kinds) links.push({ source, target: e.target, kind });
  }
  return links;
}

/** graph.json: nodes in the given (note) order with their placements, and `links` (from `graphJsonLinks`). */
export function toGraphJson(published: readonly { note: ParsedNote; url: Slug }[], links: GraphJson['links'], layout: GraphJsonLayout | undefined): GraphJson {
  return {
    version: 1,
    notes: published.map(({ note, url }) => {
      const p = layout?.placementOf(note.id);
      return {
        id: note.id,
        path: note.path,
        title: note.title,
        url,
        tags: note.tags,
        aliases: note.frontmatter.aliases,
        ...(p?.topic !== undefined ? { topic: p.topic } : {}),
        ...(p?.subtopic !== undefined ? { subtopic: p.subtopic } : {}),
        ...(p?.x !== undefined && p.y !== undefined ? { x: p.x, y: p.y } : {}),
        ...(p?.weight !== undefined ? { weight: p.weight } : {}),
      };
    }),
    links,
    topics: layout?.topics ?? [],
  };
}
