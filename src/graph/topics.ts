/**
 * Topics: a two-level hierarchy of communities of the link graph (Louvain,
 * seeded). Top-level topics are the garden's communities, tiny ones folded
 * into their nearest and the rest merged down to at most `maxTopics`; each
 * large enough topic has subtopics, the communities of its own notes reduced
 * the same way. Notes the configuration maps to a topic form that topic.
 * Names come from topics-names.ts unless pinned; colours from a fixed palette,
 * subtopics in shades of their topic's colour.
 */
import * as louvainModule from 'graphology-communities-louvain';
import type { NoteId, Topic } from '../shared/types.ts';
import { UndirectedGraph } from 'graphology';
import { keyAsNoteId, type LinkGraph } from './build-graph.ts';
import { seededRandom } from './random.ts';
import { reduceGroups } from './topics-groups.ts';
import { nameCandidates, tagLabels, type NamingContext } from './topics-names.ts';
import { defaultTopicSettings, mappedTopic, pinnedName, type TopicSettings } from './topics-settings.ts';
import { shade } from './topics-shade.ts';
import { pushTo } from '../shared/multi-map.ts';

// CommonJS package: under ESM its function is the namespace's default.
const louvain = louvainModule.default as unknown as (
  graph: unknown,
  options: { rng: () => number; getEdgeWeight: null; resolution: number },
) => Record<string, number>;

const palette = ['#4e79a7', '#e15759', '#59a14f', '#f28e2b', '#b07aa1', '#76b7b2', '#edc948', '#ff9da7', '#9c755f', '#bab0ac'];

/** Most top-level topics, and most subtopics of one topic. */
export const maxTopics = 12;

/** Topics of the notes: `topicOf` the top-level topic, `subtopicOf` the subtopic (when its topic has some). */
export interface TopicsResult {
  topicOf: Map<NoteId, number>;
  subtopicOf: Map<NoteId, number>;
  /** Top-level topics first, largest first (ids 0…k-1), then the subtopics of each in that order, largest first. */
  topics: Topic[];
}

/**
 * Topic and subtopic of each note, and the topic list. `idOf` gives a node key's note id (the keys are
 * node numbers in the layout worker's graph, layout-input.ts); everything here reads note ids.
 */
export function computeTopics(
  graph: LinkGraph,
  weights: ReadonlyMap<NoteId, number>,
  tagsOf: (id: NoteId) => readonly string[],
  settings: TopicSettings = defaultTopicSettings,
  idOf: (key: string) => NoteId = keyAsNoteId,
): TopicsResult {
  const result: TopicsResult = { topicOf: new Map(), subtopicOf: new Map(), topics: [] };
  if (graph.order === 0) return result;
  const tagCount = new Map<string, number>();
  const labels = new Map<NoteId, Set<string>>();
  const featureLists = new Map<NoteId, string[]>();
  const titles = new Map<NoteId, string>();
  graph.forEachNode((key, attrs) => {
    const id = idOf(key);
    titles.set(id, attrs.title);
    const own = tagLabels(tagsOf(id));
    labels.set(id, own);
    featureLists.set(id, [...folderFeatures(id), ...[...own].map((t) => '#' + t)]);
    for (const label of own) tagCount.set(label, (tagCount.get(label) ?? 0) + 1);
  });
  const features = (id: NoteId) => featureLists.get(id) ?? [];
  const titleOf = (id: NoteId) => titles.get(id)!;
  const naming: NamingContext = { titleOf, tagsOf, labelsOf: (id) => labels.get(id) ?? new Set(), tagCount };

  const mapped = new Map<string, NoteId[]>();
  const free = new Set<NoteId>();
  for (const id of titles.keys()) {
    const name = mappedTopic(id, tagsOf(id), settings);
    if (name === undefined) free.add(id);
    else pushTo(mapped, name, id);
  }
  const edges: NoteId[] = [];
  graph.forEachEdge((_key, _attrs, source, target) => {
    edges.push(idOf(source), idOf(target));
  });
  const communities = communitiesOf(graph, idOf);
  const auto = reduceGroups(
    edges,
    communities.map((c) => c.filter((id) => free.has(id))).filter((c) => c.length > 0),
    { minSize: Math.max(5, Math.ceil(graph.order / 100)), max: Math.max(1, maxTopics - mapped.size), features },
  );
  const tops: { ids: NoteId[]; fixed?: string }[] = [...auto.map((ids) => ({ ids })), ...[...mapped].map(([fixed, ids]) => ({ ids, fixed }))];
  tops.sort((a, b) => b.ids.length - a.ids.length || (a.ids[0]! < b.ids[0]! ? -1 : 1));

  const used = new Set<string>();
  const byWeight = (a: NoteId, b: NoteId) => (weights.get(b) ?? 0) - (weights.get(a) ?? 0) || (a < b ? -1 : 1);
  const makeTopic = (ids: NoteId[], color: string, parent: Topic | undefined, fixed?: string): Topic => {
    const hubs = firstBy(ids, byWeight, 5);
    const members = new Set(ids);
    const candidates = fixed !== undefined ? [fixed] : nameCandidates(ids, hubs, naming, parent?.name);
    const computed = candidates.find((c) => !used.has(c.toLowerCase())) ?? candidates[0] ?? titleOf(hubs[0]!);
    const name = unique(pinnedName(computed, parent ? new Set() : members, settings), computed, used);
    const id = result.topics.length;
    result.topics.push({ id, name, color, size: ids.length, hubs, ...(parent ? { parent: parent.id } : {}) });
    return result.topics[id]!;
  };
  const topLevel = tops.map((t, i) => {
    const topic = makeTopic(t.ids, palette[i % palette.length]!, undefined, t.fixed);
    for (const id of t.ids) result.topicOf.set(id, topic.id);
    return { topic, ids: t.ids };
  });
  // The links inside each topic, in one pass: the subtopics are found among them.
  const inside = topLevel.map((): NoteId[] => []);
  for (let i = 0; i < edges.length; i += 2) {
    const t = result.topicOf.get(edges[i]!)!;
    if (t === result.topicOf.get(edges[i + 1]!)) inside[t]!.push(edges[i]!, edges[i + 1]!);
  }
  for (const { topic, ids } of topLevel) {
    const subs = subtopicsOf(ids, inside[topic.id]!, features);
    subs.forEach((sub, j) => {
      const child = makeTopic(sub, shade(topic.color, j), topic);
      for (const id of sub) result.subtopicOf.set(id, child.id);
    });
  }
  return result;
}

/** The communities of a topic's notes (`edges`: the links among them), reduced; none when that gives a single group. */
function subtopicsOf(ids: readonly NoteId[], edges: readonly NoteId[], features: (id: NoteId) => readonly string[]): NoteId[][] {
  const minSize = Math.max(4, Math.ceil(ids.length / 20));
  if (ids.length < minSize * 2) return [];
  // Undirected: a topic's inner structure does not need link direction, and undirected Louvain is the cheaper one.
  // Its nodes are keyed by their number in `ids`, as the layout worker's graph is (layout-input.ts: the cheaper keys).
  const sub = new UndirectedGraph({ multi: false, allowSelfLoops: false });
  const keyOf = new Map<NoteId, string>();
  ids.forEach((id, n) => {
    keyOf.set(id, String(n));
    sub.addNode(String(n));
  });
  for (let i = 0; i < edges.length; i += 2) sub.mergeEdge(keyOf.get(edges[i]!)!, keyOf.get(edges[i + 1]!)!);
  const subs = reduceGroups(
    edges,
    communitiesOf(sub, (key) => ids[Number(key)]!),
    { minSize, max: maxTopics, features },
  );
  return subs.length > 1 ? subs : [];
}

/** Louvain communities of `graph`, members (note ids: `idOf` a node key's) in node order (each note alone in a graph without links). */
function communitiesOf(graph: LinkGraph | UndirectedGraph, idOf: (key: string) => NoteId): NoteId[][] {
  const byCommunity = new Map<number, NoteId[]>();
  if (graph.size === 0) {
    graph.forEachNode((key: string) => byCommunity.set(byCommunity.size, [idOf(key)]));
  } else {
    const communities = louvain(graph, { rng: seededRandom(42), getEdgeWeight: null, resolution: 1 });
    graph.forEachNode((key: string) => pushTo(byCommunity, communities[key]!, idOf(key)));
  }
  return [...byCommunity.values()];
}

/**
 * The first `n` of `items` in the order `compare` gives (a total order), as sorting them all and keeping `n` would,
 * in one pass: a topic's hubs among its thousands of notes.
 */
export function firstBy<T>(items: readonly T[], compare: (a: T, b: T) => number, n: number): T[] {
  const best: T[] = [];
  for (const item of items) {
    if (best.length === n && compare(item, best[n - 1]!) >= 0) continue;
    let at = best.length;
    while (at > 0 && compare(item, best[at - 1]!) < 0) at--;
    best.splice(at, 0, item);
    if (best.length > n) best.pop();
  }
  return best;
}

/** A note's folders (every ancestor), as naming features. */
function folderFeatures(id: NoteId): string[] {
  const parts = id.split('/');
  const out: string[] = [];
  for (let depth = 1; depth < parts.length; depth++) out.push('/' + parts.slice(0, depth).join('/'));
  return out;
}

/** The pinned name, else the computed one, made unique among the names given so far (`Name (2)`). */
function unique(pinned: string | undefined, computed: string, used: Set<string>): string {
  const base = pinned ?? computed;
  let name = base;
  for (let k = 2; used.has(name.toLowerCase()); k++) name = `${base} (${k})`;
  used.add(name.toLowerCase());
  return name;
}
