import { DirectedGraph } from 'graphology';
import { dirName } from '../../src/shared/ids.ts';
import type { GraphJson, LinkKind, NoteId, Slug } from '../../src/shared/types.ts';

/** Attributes of a node of the displayed graph; set once from graph.json, never changed for display. */
export interface NodeAttributes {
  x: number;
  y: number;
  size: number;
  color: string;
  label: string;
  url: Slug;
  topic?: number;
  /** The note's subtopic, when its topic has subtopics. */
  subtopic?: number;
  tags: string[];
  /** Vault folder of the note ('' at the root). */
  folder: string;
  weight: number;
  /** The note, when the node key is not its id (a graph built from graph-layout.json). */
  id?: NoteId;
}

/** Attributes of an edge of the displayed graph. */
export interface EdgeAttributes {
  /** Absent in a graph built from graph-layout.json, which does not keep link kinds. */
  kind?: LinkKind;
}

/** The graph the app displays: directed, one edge per linked pair and direction. */
export type GardenGraph = DirectedGraph<NodeAttributes, EdgeAttributes>;

/** Colour of notes without a topic; readable on light and dark backgrounds. */
export const noTopicColor = '#8c8f96';

/** Node radius in pixels (at zoom 1) for a weight in [0, 1]. */
export function nodeSize(weight: number): number {
  return 3 + 9 * Math.sqrt(Math.max(0, Math.min(1, weight)));
}

/**
 * Build the displayed graph from graph.json: positions from the precomputed
 * layout (a sunflower spiral for notes without one), colours by topic, size by
 * weight. Links to unknown notes are skipped; a link and an embed between the
 * same pair become one edge.
 */
export function buildGraph(json: GraphJson): GardenGraph {
  const graph: GardenGraph = new DirectedGraph({ multi: false, allowSelfLoops: false });
  const colors = new Map((json.topics ?? []).map((t) => [t.id, t.color]));
  json.notes.forEach((note, i) => {
    const fallback = spiral(i);
    const weight = note.weight ?? 0;
    graph.mergeNode(note.id, {
      x: note.x ?? fallback.x,
      y: note.y ?? fallback.y,
      size: nodeSize(weight),
      color: (note.topic !== undefined ? colors.get(note.topic) : undefined) ?? noTopicColor,
      label: note.title,
      url: note.url,
      topic: note.topic,
      subtopic: note.subtopic,
      tags: note.tags,
      folder: dirName(note.path),
      weight,
    });
  });
  for (const link of json.links) {
    if (link.source === link.target || !graph.hasNode(link.source) || !graph.hasNode(link.target)) continue;
    if (!graph.hasEdge(link.source, link.target)) graph.addEdge(link.source, link.target, { kind: link.kind });
  }
  return graph;
}

function spiral(i: number): { x: number; y: number } {
  const angle = i * 2.399963;
  const r = 10 * Math.sqrt(i + 1);
  return { x: r * Math.cos(angle), y: r * Math.sin(angle) };
}
