/** The files the global graph page loads instead of graph.json (src/shared/graph-layout.ts), by path in dist/. */
import { toGraphLayoutFiles } from '../graph/graph-layout-file.ts';
import type { GraphJson } from '../shared/types.ts';

/** `graph-layout.json` and `graph-notes.json` for a graph.json, serialised. */
export function graphPageFiles(json: GraphJson): Record<'graph-layout.json' | 'graph-notes.json', string> {
  const { layout, notes } = toGraphLayoutFiles(json);
  return { 'graph-layout.json': JSON.stringify(layout), 'graph-notes.json': JSON.stringify(notes) };
}
