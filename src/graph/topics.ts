/**
 * Topics: communities of the link graph (Louvain, seeded), each named after
 * the folder or tag most of its notes share, else its most central note, and
 * given a colour from a fixed palette.
 */
import * as louvainModule from 'graphology-communities-louvain';
import type { NoteId, Topic } from '../shared/types.ts';
import type { LinkGraph } from './build-graph.ts';
import { seededRandom } from './random.ts';

// CommonJS package: under ESM its function is the namespace's default.
const louvain = louvainModule.default as unknown as (
  graph: unknown,
  options: { rng: () => number; getEdgeWeight: null; resolution: number },
) => Record<string, number>;

const palette = ['#4e79a7', '#e15759', '#59a14f', '#f28e2b', '#b07aa1', '#76b7b2', '#edc948', '#ff9da7', '#9c755f', '#bab0ac'];

/** Topic of each note and the topic list, largest first. */
export function computeTopics(
  graph: LinkGraph,
  weights: ReadonlyMap<NoteId, number>,
  tagsOf: (id: NoteId) => readonly string[],
): { topicOf: Map<NoteId, number>; topics: Topic[] } {
  const topicOf = new Map<NoteId, number>();
  if (graph.order === 0) return { topicOf, topics: [] };
  const communities = louvain(graph, { rng: seededRandom(42), getEdgeWeight: null, resolution: 1 }) as Record<string, number>;
  const members = new Map<number, NoteId[]>();
  for (const [id, c] of Object.entries(communities)) {
    const list = members.get(c);
    if (list) list.push(id as NoteId);
    else members.set(c, [id as NoteId]);
  }
  const ordered = [...members.values()].sort((a, b) => b.length - a.length || (a[0]! < b[0]! ? -1 : 1));
  const used = new Set<string>();
  const topics: Topic[] = ordered.map((ids, i) => {
    const hubs = [...ids].sort((a, b) => (weights.get(b) ?? 0) - (weights.get(a) ?? 0) || (a < b ? -1 : 1)).slice(0, 5);
    for (const id of ids) topicOf.set(id, i);
    const candidates = nameCandidates(ids, hubs, graph, tagsOf);
    const name = candidates.find((c) => !used.has(c)) ?? candidates[0]!;
    used.add(name);
    return { id: i, name, color: palette[i % palette.length]!, size: ids.length, hubs };
  });
  dedupeNames(topics);
  return { topicOf, topics };
}

/** Names a topic could take, best first: its majority folder, its majority tag (nested, then root), its hub's title. */
function nameCandidates(ids: readonly NoteId[], hubs: readonly NoteId[], graph: LinkGraph, tagsOf: (id: NoteId) => readonly string[]): string[] {
  const out: string[] = [];
  const folder = majority(
    ids.map((id) => (id.includes('/') ? id.slice(0, id.indexOf('/')) : undefined)),
    0.5,
  );
  if (folder) out.push(folder);
  const nested = majority(
    ids.flatMap((id) => [
      ...new Set(
        tagsOf(id)
          .filter((t) => t.includes('/'))
          .map((t) => t.slice(t.lastIndexOf('/') + 1)),
      ),
    ]),
    0.4,
    ids.length,
  );
  if (nested) out.push(humanize(nested));
  const root = majority(
    ids.flatMap((id) => [...new Set(tagsOf(id).map((t) => t.split('/')[0]!))]),
    0.4,
    ids.length,
  );
  if (root) out.push(humanize(root));
  out.push(graph.getNodeAttribute(hubs[0]!, 'title'));
  return out;
}

/** The most frequent value if it covers `share` of `total` (default: the list length). */
function majority(values: readonly (string | undefined)[], share: number, total = values.length): string | undefined {
  const counts = new Map<string, number>();
  for (const v of values) if (v) counts.set(v, (counts.get(v) ?? 0) + 1);
  let best: [string, number] | undefined;
  for (const entry of counts) if (!best || entry[1] > best[1] || (entry[1] === best[1] && entry[0] < best[0])) best = entry;
  return best && best[1] >= share * total ? best[0] : undefined;
}

function humanize(tag: string): string {
  const words = tag.replace(/[-_]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

function dedupeNames(topics: Topic[]): void {
  const count = new Map<string, number>();
  for (const t of topics) count.set(t.name, (count.get(t.name) ?? 0) + 1);
  const seen = new Map<string, number>();
  for (const t of topics) {
    if ((count.get(t.name) ?? 0) < 2) continue;
    const n = (seen.get(t.name) ?? 0) + 1;
    seen.set(t.name, n);
    if (n > 1) t.name = `${t.name} (${n})`;
  }
}
