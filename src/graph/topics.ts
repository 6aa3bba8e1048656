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
import { DirectedGraph } from 'graphology';
import type { NoteId, Topic } from '../shared/types.ts';
import type { EdgeAttributes, LinkGraph, NodeAttributes } from './build-graph.ts';
import { seededRandom } from './random.ts';
import { reduceGroups } from './topics-groups.ts';
import { nameCandidates, tagLabels, type NamingContext } from './topics-names.ts';
import { defaultTopicSettings, mappedTopic, pinnedName, type TopicSettings } from './topics-settings.ts';
import { shade } from './topics-shade.ts';

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

/** Topic and subtopic of each note, and the topic list. */
export function computeTopics(
  graph: LinkGraph,
  weights: ReadonlyMap<NoteId, number>,
  tagsOf: (id: NoteId) => readonly string[],
  settings: TopicSettings = defaultTopicSettings,
): TopicsResult {
  const result: TopicsResult = { topicOf: new Map(), subtopicOf: new Map(), topics: [] };
  if (graph.order === 0) return result;
  const tagCount = new Map<string, number>();
  const features = (id: NoteId) => [...folderFeatures(id), ...[...tagLabels(tagsOf(id))].map((t) => '#' + t)];
  graph.forEachNode((id) => {
    for (const label of tagLabels(tagsOf(id as NoteId))) tagCount.set(label, (tagCount.get(label) ?? 0) + 1);
  });
  const naming: NamingContext = { titleOf: (id) => graph.getNodeAttribute(id, 'title'), tagsOf, tagCount };

  const mapped = new Map<string, NoteId[]>();
  const free = new Set<NoteId>();
  graph.forEachNode((id) => {
    const name = mappedTopic(id as NoteId, tagsOf(id as NoteId), settings);
    if (name === undefined) free.add(id as NoteId);
    else push(mapped, name, id as NoteId);
  });
  const n = graph.order;
  const communities = communitiesOf(graph, free.size === n ? undefined : free);
  const auto = reduceGroups(graph, communities, { minSize: Math.max(3, Math.ceil(n / 200)), max: Math.max(1, maxTopics - mapped.size), features });
  const tops: { ids: NoteId[]; fixed?: string }[] = [...auto.map((ids) => ({ ids })), ...[...mapped].map(([fixed, ids]) => ({ ids, fixed }))];
  tops.sort((a, b) => b.ids.length - a.ids.length || (a.ids[0]! < b.ids[0]! ? -1 : 1));

  const used = new Set<string>();
  const byWeight = (a: NoteId, b: NoteId) => (weights.get(b) ?? 0) - (weights.get(a) ?? 0) || (a < b ? -1 : 1);
  const makeTopic = (ids: NoteId[], color: string, parent: Topic | undefined, fixed?: string): Topic => {
    const hubs = [...ids].sort(byWeight).slice(0, 5);
    const members = new Set(ids);
    const candidates = fixed !== undefined ? [fixed] : nameCandidates(ids, hubs, naming, parent?.name);
    const computed = candidates.find((c) => !used.has(c.toLowerCase())) ?? candidates[0] ?? graph.getNodeAttribute(hubs[0]!, 'title');
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
  for (const { topic, ids } of topLevel) {
    const subs = subtopicsOf(graph, ids, features);
    subs.forEach((sub, j) => {
      const child = makeTopic(sub, shade(topic.color, j), topic);
      for (const id of sub) result.subtopicOf.set(id, child.id);
    });
  }
  return result;
}

/** The communities of a topic's notes, reduced; none when that gives a single group. */
function subtopicsOf(graph: LinkGraph, ids: readonly NoteId[], features: (id: NoteId) => readonly string[]): NoteId[][] {
  const minSize = Math.max(3, Math.ceil(ids.length / 40));
  if (ids.length < minSize * 2) return [];
  const subs = reduceGroups(graph, communitiesOf(graph, new Set(ids)), { minSize, max: maxTopics, features });
  return subs.length > 1 ? subs : [];
}

/** Louvain communities of `graph`, or of the graph `only` these notes span; members in node order. */
function communitiesOf(graph: LinkGraph, only?: ReadonlySet<NoteId>): NoteId[][] {
  let g = graph;
  if (only) {
    g = new DirectedGraph<NodeAttributes, EdgeAttributes>({ multi: false, allowSelfLoops: false });
    graph.forEachNode((id, attrs) => {
      if (only.has(id as NoteId)) g.addNode(id, attrs);
    });
    graph.forEachEdge((_key, _attrs, source, target) => {
      if (only.has(source as NoteId) && only.has(target as NoteId)) g.addDirectedEdge(source, target, { kinds: [] });
    });
  }
  const byCommunity = new Map<number, NoteId[]>();
  if (g.size === 0) {
    let c = 0;
    g.forEachNode((id) => byCommunity.set(c++, [id as NoteId]));
  } else {
    const communities = louvain(g, { rng: seededRandom(42), getEdgeWeight: null, resolution: 1 });
    g.forEachNode((id) => push(byCommunity, communities[id]!, id as NoteId));
  }
  return [...byCommunity.values()];
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

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
