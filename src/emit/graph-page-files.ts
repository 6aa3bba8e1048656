/** The files the graph pages load instead of graph.json (src/shared/graph-layout.ts, src/shared/local-graph.ts), by path in dist/. */
import { toGraphLayoutFiles } from '../graph/graph-layout-file.ts';
import { graphTopicsFileName, type GraphTopicsFile } from '../shared/local-graph.ts';
import type { GraphJson } from '../shared/types.ts';

/** The files `graphPageFiles` makes, by path in dist/. */
export const graphPageFileNames = ['graph-layout.json', 'graph-notes.json', graphTopicsFileName] as const;

/** `graph-layout.json` and `graph-notes.json` (the global graph) and `graph-topics.json` (the local graph's colours) for a graph.json, serialised. */
export function graphPageFiles(json: GraphJson): Record<(typeof graphPageFileNames)[number], string> {
  const { layout, notes } = toGraphLayoutFiles(json);
  return { 'graph-layout.json': JSON.stringify(layout), 'graph-notes.json': JSON.stringify(notes), [graphTopicsFileName]: JSON.stringify(graphTopics(json)) };
}

/** Each note's top-level topic, and those topics' names and colours: one small file for every local graph (src/shared/local-graph.ts). */
export function graphTopics(json: GraphJson): GraphTopicsFile {
  const topics = (json.topics ?? []).filter((t) => t.parent === undefined).map((t) => ({ id: t.id, name: t.name, color: t.color }));
  const known = new Set(topics.map((t) => t.id));
  const notes: Record<string, number> = {};
  for (const n of json.notes) if (n.topic !== undefined && known.has(n.topic)) notes[n.id] = n.topic;
  return { version: 1, topics, notes };
}
