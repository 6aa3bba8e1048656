/** indexNeighbourhoods: depths, the importance cut at each depth, and the order of nodes and links. */
import { describe, expect, it } from 'vitest';
import { indexNeighbourhoods, sortedLists } from '../src/graph/neighbourhood.ts';
import type { GraphJson, GraphNote, NoteId, NotePath, Slug } from '../src/shared/types.ts';

const note = (id: string, weight: number, topic?: number): GraphNote => ({
  id: id as NoteId,
  path: `${id}.md` as NotePath,
  title: id.toUpperCase(),
  url: `/${id}/` as Slug,
  tags: [],
  aliases: [],
  weight,
  ...(topic !== undefined ? { topic } : {}),
});
const link = (source: string, target: string) => ({ source: source as NoteId, target: target as NoteId, kind: 'link' as const });

describe('indexNeighbourhoods', () => {
  it('keeps the most important notes at each depth, counts the rest, and never shows a left-out neighbour further out', () => {
    const spokes = Array.from({ length: 6 }, (_, i) => note(`s${i}`, i / 10, i % 2));
    const json: GraphJson = {
      version: 1,
      notes: [note('hub', 1, 0), ...spokes, note('far', 0.05), note('farther', 0.01), note('x', 0.9)],
      links: [
        ...spokes.map((s) => link('hub', s.id)),
        link('s0', 's5'),
        link('s0', 'far'),
        link('s5', 'far'),
        link('far', 'farther'),
        link('s4', 'hub'),
        link('s0', 'x'),
        link('far', 'x'),
      ],
      topics: [
        { id: 0, name: 'Even', color: '#111111', size: 4, hubs: [] },
        { id: 1, name: 'Odd', color: '#222222', size: 3, hubs: [] },
        { id: 2, name: 'Unused', color: '#333333', size: 1, hubs: [] },
      ],
    };
    const of = indexNeighbourhoods(json, { 1: 4, 2: 1, 3: 5 });
    const hub = of('hub' as NoteId)!;
    // s5..s2 by weight; s0 (weight 0) is cut at depth 1 and so not listed at depth 2 although s5 links to it.
    // x is 2 links away through s0: though far links to it, it is not listed at depth 3.
    expect(hub.nodes.map((n) => `${n.id}@${n.depth}`)).toEqual(['hub@0', 's5@1', 's4@1', 's3@1', 's2@1', 'far@2', 'farther@3']);
    expect(hub.omitted).toBe(2);
    expect(hub.cut).toEqual({ 2: false, 3: false });
    expect(indexNeighbourhoods(json, { 1: 4, 2: 1, 3: 0 })('hub' as NoteId)!.cut).toEqual({ 2: false, 3: true });
    const ids = hub.nodes.map((n) => n.id);
    expect(hub.links.map(([s, t]) => `${ids[s]}>${ids[t]}`)).toEqual(['hub>s5', 'hub>s4', 'hub>s3', 'hub>s2', 's5>far', 's4>hub', 'far>farther']);
    expect(hub.topics).toEqual([
      { id: 0, name: 'Even', color: '#111111' },
      { id: 1, name: 'Odd', color: '#222222' },
    ]);
    expect(hub.nodes[5]).toEqual({ id: 'far', title: 'FAR', url: '/far/', depth: 2, weight: 0.05 });
    expect(of('missing' as NoteId)).toBeUndefined();
  });

  it('rounds weights and treats links both ways as one neighbour', () => {
    const json: GraphJson = { version: 1, notes: [note('a', 0.123456), note('b', 0.5)], links: [link('a', 'b'), link('b', 'a'), link('a', 'a')] };
    const a = indexNeighbourhoods(json)('a' as NoteId)!;
    expect(a.nodes).toEqual([
      { id: 'a', title: 'A', url: '/a/', depth: 0, weight: 0.12 },
      { id: 'b', title: 'B', url: '/b/', depth: 1, weight: 0.5 },
    ]);
    expect(a.links).toEqual([
      [0, 1],
      [1, 0],
    ]);
  });

  it("keeps each note's neighbours as sorted lists without repeats, out-links alone or both ways", () => {
    // 0->2 twice (a link and an embed), 2->0 back, 1->0, 3 alone.
    const pairs = Int32Array.from([0, 2, 0, 2, 2, 0, 1, 0]);
    const lists = (both: boolean) => {
      const { starts, items } = sortedLists(4, pairs, both);
      return [0, 1, 2, 3].map((r) => Array.from(items.subarray(starts[r]!, starts[r + 1]!)));
    };
    expect(lists(false)).toEqual([[2], [0], [0], []]);
    expect(lists(true)).toEqual([[1, 2], [0], [0], []]);
  });
});
