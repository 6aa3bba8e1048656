/**
 * Turning communities into a readable number of topics: communities smaller
 * than `minSize` are folded into the one they link to most (else the one whose
 * folders and tags they share most, else the largest), then, while there are
 * more than `max`, the pair whose merge costs the least modularity is merged
 * (a group linked to none goes to its nearest by folders and tags). Every
 * choice breaks ties by size, then by member order: the same garden gives the
 * same topics.
 */
import type { NoteId } from '../shared/types.ts';

/** How far to reduce. */
export interface ReduceOptions {
  minSize: number;
  max: number;
  /** Folders and tags of a note (what "nearest" means for groups without links). */
  features(id: NoteId): readonly string[];
}

/** The groups reduced, largest first (ties: first member's id); `edges` are the links among their notes (flat source, target pairs). */
export function reduceGroups(edges: readonly NoteId[], groups: readonly (readonly NoteId[])[], options: ReduceOptions): NoteId[][] {
  if (groups.length <= 1) return groups.map((g) => [...g]);
  const groupOf = new Map<NoteId, number>();
  groups.forEach((members, g) => {
    for (const id of members) groupOf.set(id, g);
  });
  const links = groups.map(() => new Map<number, number>());
  const degree = groups.map(() => 0);
  let edgeCount = 0;
  for (let i = 0; i < edges.length; i += 2) {
    const a = groupOf.get(edges[i]!);
    const b = groupOf.get(edges[i + 1]!);
    if (a === undefined || b === undefined) continue;
    edgeCount++;
    degree[a]!++;
    degree[b]!++;
    if (a === b) continue;
    links[a]!.set(b, (links[a]!.get(b) ?? 0) + 1);
    links[b]!.set(a, (links[b]!.get(a) ?? 0) + 1);
  }
  const size = groups.map((g) => g.length);
  const host = groups.map((_g, i) => i);
  const find = (g: number): number => {
    while (host[g] !== g) g = host[g] = host[host[g]!]!;
    return g;
  };
  // Before: larger first, then by first member.
  const before = (a: number, b: number) => size[b]! - size[a]! || (groups[a]![0]! < groups[b]![0]! ? -1 : 1);
  const features = groups.map((members) => countFeatures(members, options.features));
  const absorb = (into: number, from: number) => {
    host[from] = into;
    size[into]! += size[from]!;
    degree[into]! += degree[from]!;
    for (const [f, c] of features[from]!) features[into]!.set(f, (features[into]!.get(f) ?? 0) + c);
    for (const [other, w] of links[from]!) {
      links[other]!.delete(from);
      if (other === into) continue;
      links[into]!.set(other, (links[into]!.get(other) ?? 0) + w);
      links[other]!.set(into, (links[other]!.get(into) ?? 0) + w);
    }
    links[into]!.delete(from);
    links[from]!.clear();
  };

  const order = groups.map((_g, i) => i).sort(before);
  const big = new Set(order.filter((g) => size[g]! >= options.minSize));
  if (big.size === 0) big.add(order[0]!);
  let tiny = order.filter((g) => !big.has(g));
  // Fold tiny groups into the big group they link to most; a tiny group linked only to tiny ones waits for them.
  for (let changed = true; changed && tiny.length > 0;) {
    changed = false;
    const left: number[] = [];
    for (const g of tiny) {
      const target = bestBy(
        [...links[g]!].filter(([o]) => big.has(o)),
        before,
      );
      if (target === undefined) left.push(g);
      else {
        absorb(target, g);
        changed = true;
      }
    }
    tiny = left;
  }
  for (const g of tiny) absorb(nearest(g, [...big], features, size, before), g);

  // Then, while too many, the smallest joins the group it links to best (else its nearest by folders and tags).
  let roots = [...big].sort(before);
  while (roots.length > options.max) {
    const smallest = roots[roots.length - 1]!;
    const others = roots.slice(0, -1);
    absorb(bestLinked(smallest, links, degree, edgeCount, before) ?? nearest(smallest, others, features, size, before), smallest);
    roots = others.sort(before);
  }
  const members = new Map<number, NoteId[]>(roots.map((r) => [r, []]));
  groups.forEach((list, g) => members.get(find(g))!.push(...list));
  return roots.map((r) => members.get(r)!);
}

/** The group `g` links to whose merge with it loses the least modularity. */
function bestLinked(
  g: number,
  links: readonly Map<number, number>[],
  degree: readonly number[],
  edges: number,
  before: (a: number, b: number) => number,
): number | undefined {
  const scored: [number, number][] = [...links[g]!].map(([b, w]) => [b, w / edges - (degree[g]! * degree[b]!) / (2 * edges * edges)]);
  return bestBy(scored, before);
}

/** The candidate sharing most folders and tags with `g` (by share of its notes), else the first (largest). */
function nearest(
  g: number,
  candidates: readonly number[],
  features: readonly Map<string, number>[],
  size: readonly number[],
  before: (a: number, b: number) => number,
): number {
  const scored: [number, number][] = [];
  for (const c of candidates) {
    let score = 0;
    for (const [f, n] of features[g]!) score += n * ((features[c]!.get(f) ?? 0) / size[c]!);
    if (score > 0) scored.push([c, score]);
  }
  return bestBy(scored, before) ?? [...candidates].sort(before)[0]!;
}

/** The entry with the highest score, ties broken by `before`. */
function bestBy(scored: readonly [number, number][], before: (a: number, b: number) => number): number | undefined {
  let best: [number, number] | undefined;
  for (const entry of scored) if (!best || entry[1] > best[1] || (entry[1] === best[1] && before(entry[0], best[0]) < 0)) best = entry;
  return best?.[0];
}

function countFeatures(members: readonly NoteId[], featuresOf: (id: NoteId) => readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const id of members) for (const f of featuresOf(id)) counts.set(f, (counts.get(f) ?? 0) + 1);
  return counts;
}
