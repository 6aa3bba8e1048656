/**
 * planNeighbourhoods: after any change of the links, titles or notes, every answer it keeps is the
 * answer computed in full on the new graph, and what it keeps of each answer's reads is what that
 * answer reads now (so the record stays true build after build).
 */
import { writeFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { indexNeighbourhoods, type NeighbourhoodLimits } from '../src/graph/neighbourhood.ts';
import { packReads, planNeighbourhoods, type NeighbourhoodRecord } from '../src/graph/neighbourhood-changes.ts';
import { seededRandom } from '../src/graph/random.ts';
import { openKeptNeighbourhoods } from '../src/incremental/kept-neighbourhoods.ts';
import { cacheDir } from '../src/store/cache.ts';
import { makeGarden, useTempCacheDir } from './helpers/garden.ts';
import type { GraphJson, GraphNote, NoteId, NotePath, Slug } from '../src/shared/types.ts';

const note = (id: string, title = id.toUpperCase()): GraphNote => ({
  id: id as NoteId,
  path: `${id}.md` as NotePath,
  title,
  url: `/${id}/` as Slug,
  tags: [],
  aliases: [],
  weight: 0,
});
const link = (source: string, target: string) => ({ source: source as NoteId, target: target as NoteId, kind: 'link' as const });

/** Every answer of `json`, and the record of what each read. */
function computeAll(json: GraphJson, limits: NeighbourhoodLimits): { answers: Map<NoteId, string>; record: NeighbourhoodRecord } {
  const of = indexNeighbourhoods(json, limits);
  const answers = new Map<NoteId, string>();
  const reads = json.notes.map((n) => {
    const read: number[] = [];
    answers.set(n.id, JSON.stringify(of(n.id, read)));
    return read;
  });
  return { answers, record: { ...of.graph, reads: packReads(reads) } };
}

/** A garden of `count` notes where a few hubs gather many links (as real gardens' index notes do). */
function randomGarden(random: () => number, count: number): GraphJson {
  const notes = Array.from({ length: count }, (_, i) => note(`n${String(i).padStart(4, '0')}`));
  const links = [];
  for (let i = 0; i < count * 4; i++) {
    const hubby = random() < 0.3;
    const s = Math.floor(random() * count);
    const t = hubby ? Math.floor(random() ** 3 * 8) : Math.floor(random() * count);
    links.push(link(notes[s]!.id, notes[t]!.id));
  }
  return { version: 1, notes, links };
}

/**
 * One random change: links added or removed, a title changed, a note added or removed, or a note renamed where it
 * stands in the list (a renamed file whose new name sorts where the old one did: its links out kept, those to it broken).
 */
function change(random: () => number, json: GraphJson, serial: number): GraphJson {
  const notes = [...json.notes];
  let links = [...json.links];
  const pick = () => notes[Math.floor(random() * notes.length)]!.id;
  const kind = Math.floor(random() * 7);
  if (kind === 6) {
    const i = Math.floor(random() * notes.length);
    const old = notes[i]!.id;
    notes[i] = note(`${old} renamed ${serial}`);
    links = links.filter((l) => l.target !== old).map((l) => (l.source === old ? link(notes[i]!.id, l.target) : l));
    return { version: 1, notes, links };
  }
  if (kind <= 1) for (let i = 0; i < 1 + Math.floor(random() * 4); i++) links.push(link(pick(), pick()));
  else if (kind === 2) links = links.filter(() => random() > 3 / json.links.length);
  else if (kind === 3) {
    const i = Math.floor(random() * notes.length);
    notes[i] = note(notes[i]!.id, `Retitled ${serial}`);
  } else if (kind === 4) {
    const added = note(`new${serial}`);
    notes.splice(Math.floor(random() * notes.length), 0, added);
    for (let i = 0; i < Math.floor(random() * 3); i++) links.push(random() < 0.5 ? link(added.id, pick()) : link(pick(), added.id));
  } else {
    const [gone] = notes.splice(Math.floor(random() * notes.length), 1);
    links = links.filter((l) => l.source !== gone!.id && l.target !== gone!.id);
  }
  return { version: 1, notes, links };
}

describe('planNeighbourhoods', () => {
  // Small gardens with the default limits: a neighbourhood covers much of the garden, and fewer answers are kept.
  for (const [name, limits, least] of [
    ['the default limits', { 1: 60, 2: 16, 3: 8 }, 0.3],
    ['small limits (every cut taken)', { 1: 4, 2: 2, 3: 2 }, 0.5],
  ] as const) {
    it(`keeps only answers that are still right, over random changes (${name})`, () => {
      const random = seededRandom(20261124);
      let kept = 0;
      let total = 0;
      for (let garden = 0; garden < 4; garden++) {
        let json = randomGarden(random, 150 + garden * 50);
        let { answers, record } = computeAll(json, limits);
        for (let step = 0; step < 25; step++) {
          const next = change(random, json, garden * 100 + step);
          const of = indexNeighbourhoods(next, limits);
          const plan = planNeighbourhoods(record, of.graph);
          const full = computeAll(next, limits);
          const reads: ArrayLike<number>[] = [];
          next.notes.forEach((n, i) => {
            total++;
            const fresh = full.record.reads.items.subarray(full.record.reads.starts[i]!, full.record.reads.starts[i + 1]!);
            if (plan.affected[i]) {
              reads.push(fresh);
              return;
            }
            kept++;
            // A kept answer is the full answer, and its kept reads are what it reads now.
            expect(answers.get(n.id), `${n.id} after step ${step}`).toBe(full.answers.get(n.id));
            expect(Array.from(plan.readsOf(i)), `${n.id}'s reads after step ${step}`).toEqual(Array.from(fresh));
            reads.push(plan.readsOf(i));
          });
          json = next;
          answers = full.answers;
          // The next step plans from the record a build keeps: kept reads where kept, fresh ones elsewhere.
          record = { ...of.graph, reads: packReads(reads) };
        }
      }
      // Many answers are kept: a change reaches few notes' answers.
      expect(kept / total).toBeGreaterThan(least);
    });
  }

  it("tells by an answer's digest whether it came out as before, when the notes are numbered as before and none in it was renamed", () => {
    const random = seededRandom(20261127);
    const limits = { 1: 6, 2: 3, 3: 2 };
    const answersOf = (json: GraphJson) => {
      const of = indexNeighbourhoods(json, limits);
      return new Map(
        json.notes.map((n) => {
          const answer = of(n.id)!;
          return [n.id, { text: JSON.stringify(answer), digest: Buffer.from(of.digest(answer)).toString('hex') }];
        }),
      );
    };
    const counts = { same: 0, changed: 0, renamedSameDigest: 0 };
    for (let garden = 0; garden < 4; garden++) {
      let json = randomGarden(random, 120 + garden * 40);
      let before = answersOf(json);
      for (let step = 0; step < 25; step++) {
        const next = change(random, json, garden * 100 + step);
        const of = indexNeighbourhoods(next, limits);
        const plan = planNeighbourhoods(computeAll(json, limits).record, of.graph);
        const now = answersOf(next);
        if (plan.same) {
          for (const n of next.notes) {
            const was = before.get(n.id)!;
            const is = now.get(n.id)!;
            const renamed = JSON.parse(is.text).nodes.some((node: { id: NoteId }) => plan.renamed[of.indexOf(node.id)!]);
            if (renamed) {
              if (was.digest === is.digest && was.text !== is.text) counts.renamedSameDigest++;
              continue;
            }
            expect(is.digest === was.digest, `${n.id} after step ${step}`).toBe(is.text === was.text);
            counts[is.text === was.text ? 'same' : 'changed']++;
          }
        }
        json = next;
        before = now;
      }
    }
    // Both outcomes are exercised; a retitled note leaves the digest as it was (why renamed notes are checked apart).
    expect(counts.same).toBeGreaterThan(1000);
    expect(counts.changed).toBeGreaterThan(100);
    expect(counts.renamedSameDigest).toBeGreaterThan(0);
  });

  it('recomputes a note two links from every change when a changed note moves into the part of a list it read', () => {
    // x's one neighbour r lists p (3 links), q (2 links), x and z (1 link each); with a limit of 1 at depth 2,
    // x's answer scans r's list up to q (two candidates) and keeps p.
    const limits = { 1: 2, 2: 1, 3: 1 };
    const base: GraphJson = {
      version: 1,
      notes: ['x', 'r', 'p', 'q', 'z', 'p1', 'p2', 'q1', 'b1', 'b2', 'b3'].map((id) => note(id)),
      links: [link('x', 'r'), link('r', 'p'), link('r', 'q'), link('r', 'z'), link('p', 'p1'), link('p', 'p2'), link('q', 'q1')],
    };
    const before = computeAll(base, limits);
    const depth2 = (json: GraphJson) =>
      indexNeighbourhoods(
        json,
        limits,
      )('x' as NoteId)!
        .nodes.filter((n) => n.depth === 2)
        .map((n) => n.id);
    expect(depth2(base)).toEqual(['p']);

    // z gains one link (2 links, after q by id): still after where x's scan stopped, so x's answer is kept.
    const one: GraphJson = { ...base, links: [...base.links, link('b1', 'z')] };
    const planOne = planNeighbourhoods(before.record, indexNeighbourhoods(one, limits).graph);
    expect(planOne.affected[0]).toBe(0);
    expect(depth2(one)).toEqual(['p']);

    // z gains three links (4): it comes first in r's list, and x's answer changes although neither
    // x nor its neighbour changed.
    const three: GraphJson = { ...base, links: [...base.links, link('b1', 'z'), link('b2', 'z'), link('b3', 'z')] };
    const of = indexNeighbourhoods(three, limits);
    const plan = planNeighbourhoods(before.record, of.graph);
    expect(depth2(three)).toEqual(['z']);
    expect(plan.affected[0]).toBe(1);
    // x is the only note it is recomputed for that neither changed nor has a changed neighbour.
    const near = new Set(['z', 'b1', 'b2', 'b3', 'r']);
    expect(base.notes.filter((n, i) => plan.affected[i] && !near.has(n.id)).map((n) => n.id)).toContain('x');
  });
});

describe('the kept record (openKeptNeighbourhoods)', () => {
  useTempCacheDir();

  it('reads back what it saved, and nothing from a damaged or foreign file', () => {
    const garden = makeGarden({ 'A.md': '# A' });
    const kept = openKeptNeighbourhoods(garden);
    const { record } = computeAll(randomGarden(seededRandom(7), 40), { 1: 60, 2: 16, 3: 8 });
    expect(kept.key()).toBeUndefined();
    kept.save({ key: 'k1', record });
    expect(kept.read()?.key).toBe('k1');
    // The key alone is read without the record (the files of an unchanged graph are kept on it).
    expect(kept.key()).toBe('k1');
    expect(Array.from(kept.read()!.record.reads.items)).toEqual(Array.from(record.reads.items));
    // A list that names a note the record does not have, or lists cut short: every answer is computed instead.
    const outside = { ...record, both: { starts: record.both.starts, items: record.both.items.map((v, i) => (i === 0 ? record.ids.length : v)) } };
    kept.save({ key: 'k2', record: outside });
    expect(kept.read()).toBeUndefined();
    kept.save({ key: 'k3', record: { ...record, reads: { starts: record.reads.starts.slice(1), items: record.reads.items } } });
    expect(kept.read()).toBeUndefined();
    const file = `${cacheDir(garden)}-neighbourhoods`;
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, 'not a record');
    expect(kept.read()).toBeUndefined();
    expect(kept.key()).toBeUndefined();
  });
});
