/**
 * A layout as graph.json and pages read it, by note id: each node's topic, subtopic, position and
 * weight, and the topic list. The graph stage fills a `GardenGraph` from a layout result in place
 * (index.ts); the dev server keeps only this of a layout (src/dev/garden-state.ts): its notes'
 * links, backlinks and mentions live in its own indexes, so it needs no graph beside them.
 */
import type { GraphJson, NoteId } from '../shared/types.ts';
import type { GraphJsonLayout, NodePlacement } from './graph-json.ts';
import type { LayoutResult } from './layout-result.ts';

/** A layout by note id. */
export interface PlacedLayout extends GraphJsonLayout {
  topicOf: ReadonlyMap<NoteId, number>;
  subtopicOf: ReadonlyMap<NoteId, number>;
}

/** The maps a layout's placement is read from: the graph stage passes a `GardenGraph`'s own, whose readers hold them. */
export interface PlacementMaps {
  topicOf: Map<NoteId, number>;
  subtopicOf: Map<NoteId, number>;
  weights: Map<NoteId, number>;
}

/**
 * The placement of each note of a layout result (none: every note unplaced), as the graph stage gives it to
 * graph.json; its topics, subtopics and weights are filled into `into`.
 */
export function placedLayout(
  result: LayoutResult | undefined,
  into: PlacementMaps = { topicOf: new Map(), subtopicOf: new Map(), weights: new Map() },
): PlacedLayout {
  const { topicOf, subtopicOf, weights } = into;
  for (const [id, w] of result?.weights ?? []) weights.set(id, w);
  for (const [id, t] of result?.topicOf ?? []) topicOf.set(id, t);
  for (const [id, t] of result?.subtopicOf ?? []) subtopicOf.set(id, t);
  const positions = new Map(result?.positions.map(([id, x, y]) => [id, { x, y }]));
  return {
    topicOf,
    subtopicOf,
    topics: result?.topics ?? [],
    placementOf: (id) => ({ topic: topicOf.get(id), subtopic: subtopicOf.get(id), ...positions.get(id), weight: weights.get(id) }),
  };
}

/**
 * The layout a graph.json shows, without the graph.json: each note's placement copied out of its
 * node, so that the notes' ids, titles, tags and links can be let go.
 */
export function layoutOfGraphJson(json: GraphJson): PlacedLayout {
  const placed = new Map<NoteId, NodePlacement>();
  const topicOf = new Map<NoteId, number>();
  const subtopicOf = new Map<NoteId, number>();
  for (const n of json.notes) {
    placed.set(n.id, { topic: n.topic, subtopic: n.subtopic, x: n.x, y: n.y, weight: n.weight });
    if (n.topic !== undefined) topicOf.set(n.id, n.topic);
    if (n.subtopic !== undefined) subtopicOf.set(n.id, n.subtopic);
  }
  return { topicOf, subtopicOf, topics: json.topics ?? [], placementOf: (id) => placed.get(id) };
}
