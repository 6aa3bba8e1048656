/**
 * Which neighbourhoods (neighbourhood.ts) a change of the garden's links can change, from what
 * each one read when the previous build computed it. A link build then computes the local graph
 * files of the notes near the change, and keeps every other file of the previous site as it is
 * (docs/architecture.md, "Local graph files after a link change").
 *
 * Why reads, not distance: three links from almost any note reach a hub, and from it the whole
 * garden, so "within three links of a changed note" is every note. But an answer looks at few of
 * a hub's neighbours: it scans each list of neighbours in order of importance (link count, then
 * id) and stops after `limit + 1` candidates. A note changed when its title, URL, neighbours or link
 * targets did, or it is new (its link count, which places it in every list it is in, is the number
 * of its neighbours). A note's answer is the same after a change when:
 *
 * 1. neither the note nor any of its neighbours changed;
 * 2. no list it scanned belongs to a changed note;
 * 3. each changed note in a list it scanned (a neighbour's list at depth 2, a depth-2 note's at
 *    depth 3) is, before and after the change alike, after where the scan stopped; or strictly
 *    before it (the scan sees the same notes and stops at the same one), or the scan read the
 *    whole list; and then, seen, it is skipped either way (at depth 3: it is a depth-2 note, or it
 *    links with the note or a neighbour, which rule 1 keeps as it was), or found either way and
 *    kept neither way: that depth was cut, and the note comes after the least important note kept
 *    there, before and after the change.
 *
 * Then it found and kept the same notes in the same order, with the same link counts, titles,
 * URLs and links between them: the same answer. The property is tested against answers computed in full, over random changes
 * (test/neighbourhood-changes.test.ts).
 */
import type { NoteId } from '../shared/types.ts';
import type { NeighbourGraph, NoteLists } from './neighbourhood.ts';

/** A graph with what each of its notes' answers read (`NeighbourhoodIndex`), as pairs per note. */
export interface NeighbourhoodRecord extends NeighbourGraph {
  reads: NoteLists;
  /**
   * Each note's answer's digest (`NeighbourhoodIndex.digest`, `answerDigestBytes` bytes a note, in
   * json.notes order; all zeros: not known). Lets a build keep the file of an answer it had to compute
   * again when the answer came out the same, without serialising it.
   */
  digests?: Uint8Array;
}

/** What a change leaves of the previous answers. */
export interface NeighbourhoodPlan {
  /** 1 for each note of the new graph (json.notes order) whose answer must be computed again. */
  affected: Uint8Array;
  /** What the kept answer of a note not affected read, numbered as the new graph. */
  readsOf(index: number): Int32Array;
  /** Whether the notes are the previous graph's, in the same order (json.notes numbers mean the same notes). */
  same: boolean;
  /** 1 for each note that is new or whose title or URL changed. */
  renamed: Uint8Array;
}

/** The notes of `next` whose answers may differ from those `previous` records (see the module comment). */
export function planNeighbourhoods(previous: NeighbourhoodRecord, next: NeighbourGraph): NeighbourhoodPlan {
  const count = next.ids.length;
  const oldIndex = new Map(previous.ids.map((id, i) => [id, i]));
  const toNew = new Int32Array(previous.ids.length).fill(-1);
  const toOld = new Int32Array(count).fill(-1);
  let same = previous.ids.length === count;
  next.ids.forEach((id, i) => {
    const o = oldIndex.get(id);
    // A new note (a renamed one too, even where its old name stood): numbers no longer name the same notes.
    if (o === undefined) {
      same = false;
      return;
    }
    toOld[i] = o;
    toNew[o] = i;
    if (o !== i) same = false;
  });
  const oldCount = (o: number) => previous.both.starts[o + 1]! - previous.both.starts[o]!;
  const newCount = (i: number) => next.both.starts[i + 1]! - next.both.starts[i]!;

  // 1. Changed notes.
  const changed = new Uint8Array(count);
  const renamed = new Uint8Array(count);
  for (let i = 0; i < count; i++) {
    const o = toOld[i]!;
    if (o < 0 || previous.titles[o] !== next.titles[i] || previous.urls[o] !== next.urls[i]) changed[i] = renamed[i] = 1;
    else if (!sameList(previous.both, o, next.both, i) || !sameList(previous.out, o, next.out, i)) changed[i] = 1;
  }

  // For each note, the changed notes in its list, and the most important of them before or after the change.
  const changedIn = new Map<number, number[]>();
  const firstCount = new Int32Array(count).fill(-1);
  const firstId: (NoteId | undefined)[] = new Array(count);
  for (let a = 0; a < count; a++) {
    if (!changed[a]) continue;
    const [[links, id]] = keysOf(a);
    for (let k = next.both.starts[a]!; k < next.both.starts[a + 1]!; k++) {
      const r = next.both.items[k]!;
      const list = changedIn.get(r);
      if (list) list.push(a);
      else changedIn.set(r, [a]);
      if (firstCount[r]! < 0 || before(links, id, firstCount[r]!, firstId[r]!)) {
        firstCount[r] = links;
        firstId[r] = id;
      }
    }
  }

  // Marks by note for the answer being checked: its note and neighbours (near), its depth-2 notes.
  const nearMark = new Int32Array(count);
  const depth2Mark = new Int32Array(count);
  const cut: { 2?: Key; 3?: Key | 'none' | 'all' } = {};
  const affected = new Uint8Array(count);
  for (let i = 0; i < count; i++) affected[i] = changed[i]! || touchesChanged(i) || readChanged(i) ? 1 : 0;
  return {
    affected,
    same,
    renamed,
    readsOf(i) {
      const o = toOld[i]!;
      const reads = previous.reads.items.slice(previous.reads.starts[o]!, previous.reads.starts[o + 1]!);
      if (!same) for (let k = 0; k < reads.length; k++) if (reads[k]! >= 0) reads[k] = toNew[reads[k]!]!;
      return reads;
    },
  };

  function touchesChanged(i: number): boolean {
    for (let k = next.both.starts[i]!; k < next.both.starts[i + 1]!; k++) if (changed[next.both.items[k]!]) return true;
    return false;
  }

  /** Whether answer `i`, of a note passing rule 1, read a list that a change reaches (rules 2 and 3). */
  function readChanged(i: number): boolean {
    const o = toOld[i]!;
    const start = previous.reads.starts[o]!;
    const end = previous.reads.starts[o + 1]!;
    let marked = false;
    for (let k = start; k < end; k += 2) {
      if (previous.reads.items[k]! < 0) continue;
      const r = toNew[previous.reads.items[k]!]!;
      const stop = previous.reads.items[k + 1]!;
      if (r < 0 || changed[r]) return true;
      if (firstCount[r]! < 0) continue;
      if (stop >= 0 && toNew[stop]! < 0) return true;
      const stopKey: Key | undefined = stop < 0 ? undefined : [oldCount(stop), previous.ids[stop]!];
      // Every changed note of the list comes after where the scan stopped, before and after the change.
      if (stopKey && !before(firstCount[r]!, firstId[r]!, ...stopKey)) continue;
      if (!marked) {
        marked = true;
        if (!markAnswer(i, start, end)) return true;
      }
      const depth = nearMark[r] === i + 1 ? 2 : 3;
      for (const a of changedIn.get(r)!) {
        const [early, late] = keysOf(a);
        if (stopKey) {
          if (!before(...early, ...stopKey)) continue;
          // Seen before and after, and the scan stops at the same note: strictly before it both times.
          if (!before(...late, ...stopKey) || next.ids[a] === stopKey[1]) return true;
        }
        if (nearMark[a] === i + 1) return true;
        // Skipped at depth 3 wherever it is: a depth-2 note, or linked with the note or a neighbour (rule 1
        // keeps that the same: a link between it and a near note would have changed a near note).
        if (depth === 3 && (depth2Mark[a] === i + 1 || linksNear(a, i))) continue;
        // Found at this depth: harmless only when not kept, before or after.
        if (depth === 2 && (depth2Mark[a] === i + 1 || (cut[2] && !after(early, cut[2])))) return true;
        if (depth === 3 && cut[3] !== 'all' && (cut[3] === 'none' || !after(early, cut[3]!))) return true;
      }
    }
    return false;
  }

  /** Mark answer `i`'s near notes and depth-2 notes, and where depths 2 and 3 were cut; false when its record is not whole. */
  function markAnswer(i: number, start: number, end: number): boolean {
    nearMark[i] = i + 1;
    for (let k = next.both.starts[i]!; k < next.both.starts[i + 1]!; k++) nearMark[next.both.items[k]!] = i + 1;
    delete cut[2];
    delete cut[3];
    for (let k = start; k < end; k += 2) {
      const item = previous.reads.items[k]!;
      const second = previous.reads.items[k + 1]!;
      if (item === -2) {
        cut[3] = second === -1 ? 'none' : second === -2 ? 'all' : toNew[second]! < 0 ? 'none' : [oldCount(second), previous.ids[second]!];
        continue;
      }
      const r = toNew[item]!;
      if (nearMark[r] === i + 1) continue;
      depth2Mark[r] = i + 1;
      // The least important depth-2 note: a note found at depth 2 but not kept came after it.
      const key: Key = [newCount(r), next.ids[r]!];
      if (!cut[2] || before(...cut[2], ...key)) cut[2] = key;
    }
    return cut[3] !== undefined;
  }

  /** Note `a`'s place in lists before and after the change: the earlier of the two, then the later. */
  function keysOf(a: number): [Key, Key] {
    const now: Key = [newCount(a), next.ids[a]!];
    if (toOld[a]! < 0) return [now, now];
    const was: Key = [oldCount(toOld[a]!), next.ids[a]!];
    return before(...now, ...was) ? [now, was] : [was, now];
  }

  /** Whether note `a` links with answer `i`'s note or a neighbour of it. */
  function linksNear(a: number, i: number): boolean {
    for (let k = next.both.starts[a]!; k < next.both.starts[a + 1]!; k++) if (nearMark[next.both.items[k]!] === i + 1) return true;
    return false;
  }

  /** Whether list `o` of `a` holds the same notes as list `i` of `b`. */
  function sameList(a: NoteLists, o: number, b: NoteLists, i: number): boolean {
    const start = a.starts[o]!;
    const length = a.starts[o + 1]! - start;
    const at = b.starts[i]!;
    if (b.starts[i + 1]! - at !== length) return false;
    if (same) {
      for (let k = 0; k < length; k++) if (a.items[start + k] !== b.items[at + k]) return false;
      return true;
    }
    const mapped = new Int32Array(length);
    for (let k = 0; k < length; k++) mapped[k] = toNew[a.items[start + k]!]!;
    mapped.sort();
    for (let k = 0; k < length; k++) if (mapped[k] !== b.items[at + k]) return false;
    return true;
  }
}

/** A note's place in lists ordered by importance: its link count, then its id. */
type Key = [links: number, id: NoteId];

/** Whether a note with `links` and `id` comes no later than one with `links2` and `id2` in a list ordered by importance. */
function before(links: number, id: NoteId, links2: number, id2: NoteId): boolean {
  return links > links2 || (links === links2 && id <= id2);
}

/** Whether key `a` comes strictly after key `b`. */
function after(a: Key, b: Key): boolean {
  return !before(...a, ...b);
}

/** Each note's reads, in one pair of arrays. */
export function packReads(reads: readonly ArrayLike<number>[]): NoteLists {
  const starts = new Int32Array(reads.length + 1);
  for (let i = 0; i < reads.length; i++) starts[i + 1] = starts[i]! + reads[i]!.length;
  const items = new Int32Array(starts[reads.length]!);
  reads.forEach((r, i) => items.set(r, starts[i]!));
  return { starts, items };
}
