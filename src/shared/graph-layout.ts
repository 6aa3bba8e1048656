/**
 * The global graph page's two data files (docs/output.md), loaded in parallel:
 * `graph-layout.json` draws the graph (positions, sizes, topics, edges as
 * packed little-endian typed arrays in base64), `graph-notes.json` names it
 * (ids, titles, URLs, tags). Both list nodes in the same order, so a
 * node is its index. graph.json stays the full, stable record for API users.
 */
import type { NoteId, Slug, Topic } from './types.ts';

/** Where quantised coordinates map back to: 0 is the minimum, 65535 the maximum. */
export interface LayoutBounds {
  minX: number;
  minY: number;
  maxX: number;
  maxY: number;
}

/** dist/graph-layout.json, version 1: what the drawing needs, no text but the topics. */
export interface GraphLayoutFile {
  version: 1;
  /** Number of nodes. */
  nodes: number;
  /** Number of edges (directed, distinct pairs, no self-links). */
  edges: number;
  bounds: LayoutBounds;
  /** Uint16 per node: x quantised over bounds.minX..maxX. */
  x: string;
  /** Uint16 per node: y quantised over bounds.minY..maxY. */
  y: string;
  /** Uint8 per node: importance (PageRank, normalised to 0..1) times 255. */
  weight: string;
  /** Uint16 per node: index in `topics` + 1, 0 for a note without a topic. */
  topic: string;
  /** Uint16 (fewer than 65,536 nodes) or Uint32 pairs: source index, target index; sorted by source, then target. */
  pairs: string;
  /** Bytes per index in `pairs`: 2 or 4. */
  indexBytes: 2 | 4;
  /** The topics (graph.json's `topics`). */
  topics: Topic[];
}

/** dist/graph-notes.json, version 1: the text of the nodes, index for index with the layout file. */
export interface GraphNotesFile {
  version: 1;
  /** Note ids: the note's path without `.md`, so the folder too. */
  ids: NoteId[];
  /** Titles that differ from the id's last segment, by node index (most titles are the file name). */
  titles: Record<string, string>;
  /** URLs that differ from `toSlug(id)`, by node index (permalinks, renamed duplicates). */
  urls: Record<string, Slug>;
  /** Every tag used, sorted. */
  tags: string[];
  /** Per node: indexes into `tags`. */
  tag: number[][];
}

/** Largest quantised coordinate. */
export const layoutScale = 65535;
