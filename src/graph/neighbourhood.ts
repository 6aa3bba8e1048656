/** Every note's neighbourhood (its local graph file, docs/output.md) from graph.json. */
import { createHash } from 'node:crypto';
import { shownLinkCount, type LocalGraphDepth, type LocalGraphJson, type LocalGraphLink, type LocalGraphNode } from '../shared/local-graph.ts';
import type { GraphJson, NoteId } from '../shared/types.ts';

/** The bytes of an answer's digest (`NeighbourhoodIndex.digest`): the first 16 of its SHA-256. */
export const answerDigestBytes = 16;

/** How many notes a neighbourhood keeps at each depth. */
export interface NeighbourhoodLimits {
  1: number;
  2: number;
  3: number;
}

/**
 * Every neighbour of all but hub notes, and a few further notes: a panel cannot show more
 * legibly, and the file stays a few KB (docs/output.md gives the sizes at 10,000 notes).
 */
export const defaultNeighbourhoodLimits: NeighbourhoodLimits = { 1: 60, 2: 16, 3: 8 };

/**
 * An index answering each note's neighbourhood from graph.json: depth 1 is every note it links
 * to or that links to it; depth 2 and 3 the neighbours of the kept notes one depth in. At each
 * depth the most linked notes (link count, then id) are kept up to `limits`. Each answer costs
 * about (limit + 1) steps per kept note one depth in, never a walk over a hub's links: every
 * note's neighbours are sorted by importance once, when the index is built.
 *
 * An answer depends on the links near its note only, never on what the whole garden decides
 * (topics, PageRank): a link changed in one place changes the files of the notes near it, not
 * every file (docs/performance.md).
 */
export function indexNeighbourhoods(json: GraphJson, limits: NeighbourhoodLimits = defaultNeighbourhoodLimits): NeighbourhoodIndex {
  // Link counts first, by graph.json's order; then notes are numbered by importance, so "more
  // important" is "smaller number" from here on.
  const count = json.notes.length;
  const indexOf = new Map(json.notes.map((n, i) => [n.id, i]));
  const raw = new Int32Array(json.links.length * 2);
  let p = 0;
  for (const { source, target } of json.links) {
    const s = indexOf.get(source);
    const t = indexOf.get(target);
    if (s === undefined || t === undefined || s === t) continue;
    raw[p++] = s;
    raw[p++] = t;
  }
  const byIndex = sortedLists(count, raw.subarray(0, p), true);
  const linked = byIndex.starts;
  const linksOf = (i: number) => linked[i + 1]! - linked[i]!;
  const byRank = json.notes.map((n, i) => ({ n, links: linksOf(i), i }));
  byRank.sort((a, b) => b.links - a.links || (a.n.id < b.n.id ? -1 : a.n.id > b.n.id ? 1 : 0));
  const rankOfIndex = new Int32Array(count);
  byRank.forEach((r, rank) => (rankOfIndex[r.i] = rank));
  const rankOf = new Map(byRank.map((r, rank) => [r.n.id, rank]));
  const pairs = raw.subarray(0, p).map((i) => rankOfIndex[i]!);
  // Neighbours as sorted lists in two flat arrays, not a set per note: a set per note held
  // several times the memory of its numbers in a large garden.
  const both = sortedLists(count, pairs, true);
  const out = sortedLists(count, pairs, false);
  const adjacentOf = (r: number) => both.items.subarray(both.starts[r]!, both.starts[r + 1]!);
  const outOf = (r: number) => out.items.subarray(out.starts[r]!, out.starts[r + 1]!);

  // Marks by note number, instead of a set or map per answer (10,000 answers at 10k notes): a note
  // is near the centre, has a depth, or is kept when its mark is this answer's; found by `best`
  // when its mark is that call's.
  const nearMark = new Int32Array(count);
  const depthMark = new Int32Array(count);
  const depthAt = new Uint8Array(count);
  const keptMark = new Int32Array(count);
  const keptAt = new Int32Array(count);
  const foundMark = new Int32Array(count);
  let answer = 0;
  let pass = 0;
  const setDepth = (r: number, depth: LocalGraphDepth) => {
    depthMark[r] = answer;
    depthAt[r] = depth;
  };

  // What each answer read, when asked (`reads`): json.notes indices, a pair per list scanned.
  let reading: number[] | undefined;
  const answerOf = (id: NoteId, reads?: number[]): LocalGraphJson | undefined => {
    const center = rankOf.get(id);
    if (center === undefined) return undefined;
    reading = reads;
    answer++;
    const around = adjacentOf(center);
    nearMark[center] = answer;
    setDepth(center, 0);
    for (let i = 0; i < around.length; i++) {
      nearMark[around[i]!] = answer;
      setDepth(around[i]!, 1);
    }
    const ring1 = around.subarray(0, limits[1]);
    const ring2 = best(ring1, limits[2], false, center, around);
    for (const n of ring2.chosen) setDepth(n, 2);
    // A note further out is at depth 3 only if no note at depth 0 or 1 links with it (a left-out depth-2 note is not).
    const ring3 = best(ring2.chosen, limits[3], true, center, around);
    for (const n of ring3.chosen) setDepth(n, 3);
    // Where depth 3 was cut: its least important note kept (-1: not cut, -2: cut before any).
    const last = ring3.chosen[ring3.chosen.length - 1];
    reading?.push(-2, !ring3.cut ? -1 : last === undefined ? -2 : byRank[last]!.i);

    const kept = [center, ...ring1, ...ring2.chosen, ...ring3.chosen];
    kept.forEach((r, i) => {
      keptMark[r] = answer;
      keptAt[r] = i;
    });
    const nodes = kept.map((r): LocalGraphNode => {
      const { n, links: linkCount } = byRank[r]!;
      return { id: n.id, title: n.title, url: n.url, depth: depthAt[r] as LocalGraphDepth, links: shownLinkCount(linkCount) };
    });
    const links: LocalGraphLink[] = [];
    kept.forEach((r, source) => {
      // A hub links out to thousands of notes: look up the few kept ones instead.
      const targets = outOf(r);
      if (targets.length > kept.length) kept.forEach((t, target) => binaryHas(targets, 0, targets.length, t) && links.push([source, target]));
      else for (const t of targets) if (keptMark[t] === answer) links.push([source, keptAt[t]!]);
    });
    links.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
    return {
      version: 2,
      nodes,
      links,
      omitted: around.length - ring1.length,
      cut: { 2: ring2.cut, 3: ring3.cut },
    };
  };
  let graph: NeighbourGraph | undefined;
  const digestOf = (answer: LocalGraphJson): Uint8Array => {
    const { nodes, links } = answer;
    const numbers = new Int32Array(4 + nodes.length * 3 + links.length * 2);
    numbers[0] = nodes.length;
    numbers[1] = links.length;
    numbers[2] = answer.omitted;
    numbers[3] = (answer.cut[2] ? 1 : 0) | (answer.cut[3] ? 2 : 0);
    let k = 4;
    for (const n of nodes) {
      numbers[k++] = indexOf.get(n.id)!;
      numbers[k++] = n.depth;
      numbers[k++] = n.links;
    }
    for (const [source, target] of links) {
      numbers[k++] = source;
      numbers[k++] = target;
    }
    return createHash('sha256').update(numbers).digest().subarray(0, answerDigestBytes);
  };
  return Object.assign(answerOf, {
    digest: digestOf,
    indexOf: (id: NoteId) => indexOf.get(id),
    get graph(): NeighbourGraph {
      graph ??= {
        ids: json.notes.map((n) => n.id),
        titles: json.notes.map((n) => n.title),
        urls: json.notes.map((n) => n.url),
        both: byIndex,
        out: sortedLists(count, raw.subarray(0, p), false),
      };
      return graph;
    },
  });

  /**
   * The `limit` most important notes linked with any of `from` that are not near the centre (the
   * centre or a depth-1 note), and whether there were more; with `far`, also without a depth yet and
   * linked with no near note. Each note's neighbours are sorted, so each gives at most limit + 1
   * candidates. Plain loops over the flat lists: a closure or subarray per candidate was a third
   * of the time of all 10,000 answers.
   */
  function best(from: ArrayLike<number>, limit: number, far: boolean, center: number, around: Int32Array): { chosen: number[]; cut: boolean } {
    pass++;
    const found: number[] = [];
    for (let i = 0; i < from.length; i++) {
      const r = from[i]!;
      const end = both.starts[r + 1]!;
      let taken = 0;
      let k = both.starts[r]!;
      for (; k < end && taken <= limit; k++) {
        const c = both.items[k]!;
        if (foundMark[c] === pass || nearMark[c] === answer) continue;
        if (far && (depthMark[c] === answer || touchesNear(c, center, around))) continue;
        foundMark[c] = pass;
        found.push(c);
        taken++;
      }
      // The list scanned, and the last note it looked at (-1: all of it).
      if (reading) reading.push(byRank[r]!.i, taken > limit ? byRank[both.items[k - 1]!]!.i : -1);
    }
    const sorted = Int32Array.from(found).sort();
    return { chosen: Array.from(sorted.subarray(0, limit)), cut: sorted.length > limit };
  }

  /** Whether note `c` links with the centre or a note of `around` (its sorted neighbours). */
  function touchesNear(c: number, center: number, around: Int32Array): boolean {
    const start = both.starts[c]!;
    const end = both.starts[c + 1]!;
    const count = end - start;
    // A scan costs a mark lookup per link, a search about log2(links) steps per near note: the
    // cheaper one (scanning whenever the links were fewer than the near notes took 20 % longer at 10k).
    if (count <= (around.length + 1) * Math.log2(count + 1)) {
      for (let k = start; k < end; k++) if (nearMark[both.items[k]!] === answer) return true;
      return false;
    }
    if (binaryHas(both.items, start, end, center)) return true;
    for (let i = 0; i < around.length; i++) if (binaryHas(both.items, start, end, around[i]!)) return true;
    return false;
  }
}

/**
 * An index answering neighbourhoods. Given `reads`, an answer appends to it what it read of the
 * garden's links beyond its note's own neighbours: for each neighbour list it scanned, the list's
 * note and the last note of it looked at (-1 when it looked at all of them), as json.notes indices;
 * then -2 and the least important note kept at depth 3 (-1 when depth 3 was not cut, -2 when it was
 * cut before any note). An answer depends on nothing else (neighbourhood-changes.ts relies on it
 * to keep answers).
 */
export interface NeighbourhoodIndex {
  (id: NoteId, reads?: number[]): LocalGraphJson | undefined;
  /**
   * A digest of an answer of this index by the json.notes numbers of its notes (not their ids, titles or URLs):
   * two answers over the same numbering of notes whose titles and URLs are the same have the same bytes when their
   * digests are equal ({@link answerDigestBytes} bytes).
   */
  digest(answer: LocalGraphJson): Uint8Array;
  /** The json.notes number of note `id` (undefined for a note not in the graph). */
  indexOf(id: NoteId): number | undefined;
  /** The graph the answers are computed from, numbered as json.notes. */
  readonly graph: NeighbourGraph;
}

/** Sorted lists of distinct note numbers, list `i` being `items[starts[i]..starts[i + 1]]`. */
export interface NoteLists {
  starts: Int32Array;
  items: Int32Array;
}

/** What every neighbourhood is computed from, numbered as json.notes: each note's id, title, URL, distinct neighbours either way and link targets. */
export interface NeighbourGraph {
  ids: NoteId[];
  titles: string[];
  urls: string[];
  both: NoteLists;
  out: NoteLists;
}

/**
 * For each of `count` notes, the distinct notes it is paired with in `pairs` (flat source, target
 * numbers), sorted: as a source only, or either way (`both`). List `r` is `items[starts[r]..starts[r + 1]]`.
 */
export function sortedLists(count: number, pairs: Int32Array, both: boolean): NoteLists {
  const starts = new Int32Array(count + 1);
  for (let i = 0; i < pairs.length; i += 2) {
    starts[pairs[i]! + 1]!++;
    if (both) starts[pairs[i + 1]! + 1]!++;
  }
  for (let r = 0; r < count; r++) starts[r + 1]! += starts[r]!;
  const filled = starts.slice(0, count);
  const all = new Int32Array(starts[count]!);
  for (let i = 0; i < pairs.length; i += 2) {
    all[filled[pairs[i]!]!++] = pairs[i + 1]!;
    if (both) all[filled[pairs[i + 1]!]!++] = pairs[i]!;
  }
  // Sort each list and drop repeats (a pair linked both ways, or by a link and an embed), in place.
  const dedupedStarts = new Int32Array(count + 1);
  let end = 0;
  for (let r = 0; r < count; r++) {
    const list = all.subarray(starts[r]!, starts[r + 1]!).sort();
    dedupedStarts[r] = end;
    for (let i = 0; i < list.length; i++) if (i === 0 || list[i] !== list[i - 1]) all[end++] = list[i]!;
  }
  dedupedStarts[count] = end;
  return { starts: dedupedStarts, items: all.slice(0, end) };
}

/** Whether `sorted[start..end)` holds `value`. */
function binaryHas(sorted: Int32Array, start: number, end: number, value: number): boolean {
  let lo = start;
  let hi = end - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const v = sorted[mid]!;
    if (v === value) return true;
    if (v < value) lo = mid + 1;
    else hi = mid - 1;
  }
  return false;
}
