/** The local graph's per-note file (`<url>local-graph.json`, docs/output.md), shared by the builder and the app. */
import type { NoteId, Slug } from './types.ts';

/** How far from the note a node of the local graph is, in links followed either way (0: the note itself). */
export type LocalGraphDepth = 0 | 1 | 2 | 3;

/** A note of a neighbourhood. */
export interface LocalGraphNode {
  id: NoteId;
  title: string;
  url: Slug;
  depth: LocalGraphDepth;
  /** Topic id (graph.json's `topics`); absent before the garden's layout ran. */
  topic?: number;
  /** Importance in [0, 1] (PageRank, normalised), rounded to 2 decimals: it sizes the node. */
  weight: number;
}

/**
 * A link between two nodes of a neighbourhood: `[source, target]`, indexes into its `nodes`. A pair,
 * not a record: links are most of a file, and `{"source":…,"target":…}` tripled their bytes.
 */
export type LocalGraphLink = [source: number, target: number];

/**
 * A note's neighbourhood, up to 3 links away, following links and backlinks.
 * `nodes[0]` is the note; then by depth, then by weight (highest first), then by id.
 * `links` holds every link between listed nodes once per pair and direction, sorted.
 * Deterministic: the same garden gives the same bytes.
 */
export interface LocalGraphJson {
  version: 1;
  nodes: LocalGraphNode[];
  links: LocalGraphLink[];
  /** The topics of the listed nodes, by id. */
  topics: { id: number; name: string; color: string }[];
  /** Depth-1 neighbours left out to keep the file small (the least important: lowest weight, then id). */
  omitted: number;
  /**
   * Whether depth 2 and 3 were cut to their limits (more notes lie that far than are listed).
   * How many is not counted: that would cost a walk over every hub's links for every note.
   */
  cut: { 2: boolean; 3: boolean };
}

/** The file name of a note's local graph, in its page's folder. */
export const localGraphFileName = 'local-graph.json';
