/** The local graph's per-note file (`<url>local-graph.json`, docs/output.md), shared by the builder and the app. */
import { lastAtMost } from './sorted-search.ts';
import type { NoteId, Slug } from './types.ts';

/** How far from the note a node of the local graph is, in links followed either way (0: the note itself). */
export type LocalGraphDepth = 0 | 1 | 2 | 3;

/**
 * Links at which a node of the local graph is drawn at full size (a hub of the garden; a note with a few links stays
 * small, as most notes are): the app sizes nodes on a log scale of their links up to here.
 */
export const localGraphFullSizeLinks = 200;

/**
 * The link counts a local graph file gives its nodes: a step of about a quarter of a pixel of a node's size each on
 * that scale (1/24 of it, rounded), up to {@link localGraphFullSizeLinks}. Integers written out, not computed: a
 * logarithm may round differently on another engine, and the same garden must give the same bytes.
 */
const linkSteps: readonly number[] = [0, 1, 2, 3, 4, 5, 6, 8, 10, 13, 17, 21, 27, 33, 42, 52, 66, 82, 103, 128, 160, localGraphFullSizeLinks];

/**
 * A node's link count as its local graph file holds it: the largest step of {@link linkSteps} it reaches. Exact would
 * change no pixel, but when a note gains or loses a link every file it is a node of would change (a note of 40 links is
 * in 40 files and more, a hub in thousands), and a deploy would upload them all again.
 */
export function shownLinkCount(links: number): number {
  return linkSteps[lastAtMost(linkSteps, links)]!;
}

/** A note of a neighbourhood. */
export interface LocalGraphNode {
  id: NoteId;
  title: string;
  url: Slug;
  depth: LocalGraphDepth;
  /**
   * How many notes it links with, either way (links and embeds, each note once), rounded down to a step of the
   * app's size scale ({@link shownLinkCount}): its size, as in Obsidian's graph.
   */
  links: number;
}

/**
 * A link between two nodes of a neighbourhood: `[source, target]`, indexes into its `nodes`. A pair,
 * not a record: links are most of a file, and `{"source":…,"target":…}` tripled their bytes.
 */
export type LocalGraphLink = [source: number, target: number];

/**
 * A note's neighbourhood, up to 3 links away, following links and backlinks.
 * `nodes[0]` is the note; then by depth, then by link count (highest first), then by id.
 * `links` holds every link between listed nodes once per pair and direction, sorted.
 * Deterministic: the same garden gives the same bytes.
 */
export interface LocalGraphJson {
  version: 2;
  nodes: LocalGraphNode[];
  links: LocalGraphLink[];
  /** Depth-1 neighbours left out to keep the file small (the least important: fewest links, then id). */
  omitted: number;
  /**
   * Whether depth 2 and 3 were cut to their limits (more notes lie that far than are listed).
   * How many is not counted: that would cost a walk over every hub's links for every note.
   */
  cut: { 2: boolean; 3: boolean };
}

/** The file name of a note's local graph, in its page's folder. */
export const localGraphFileName = 'local-graph.json';

/** The site's `graph-topics.json`: each published note's top-level topic, which the local graph colours and groups its nodes by. */
export interface GraphTopicsFile {
  version: 1;
  /** The top-level topics (graph.json's `topics` without `parent`): id, name and colour. */
  topics: LocalGraphTopic[];
  /** Note id -> its topic's id, for notes that have one. */
  notes: Record<string, number>;
}

/** A topic as the local graph shows it. */
export interface LocalGraphTopic {
  id: number;
  name: string;
  color: string;
}

/** The site's topics file name, at the root of the site (beside `graph.json`). */
export const graphTopicsFileName = 'graph-topics.json';

/** A neighbourhood as the local graph draws it: its nodes with their topics, and those topics. */
export interface ShownLocalGraph extends Omit<LocalGraphJson, 'nodes'> {
  nodes: (LocalGraphNode & { topic?: number })[];
  /** The topics of the listed nodes, by id. */
  topics: LocalGraphTopic[];
}

/**
 * A note's neighbourhood with the garden's topics: a local graph file carries none, since topics
 * are decided over the whole garden and shift with any link (each file would change with them).
 * Without the topics file (not loaded, or a garden without topics) nodes have no topic.
 */
export function withTopics(graph: LocalGraphJson, topics: GraphTopicsFile | undefined): ShownLocalGraph {
  const used = new Set<number>();
  const nodes = graph.nodes.map((n) => {
    const topic = topics?.notes[n.id];
    if (topic === undefined) return n;
    used.add(topic);
    return { ...n, topic };
  });
  return { ...graph, nodes, topics: (topics?.topics ?? []).filter((t) => used.has(t.id)).sort((a, b) => a.id - b.id) };
}
