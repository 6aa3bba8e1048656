/** indexNeighbourhoods: depths, the importance cut at each depth, and the order of nodes and links. */
import { describe, expect, it } from 'vitest';
import { indexNeighbourhoods, sortedLists } from '../src/graph/neighbourhood.ts';
import type { GraphJson, GraphNote, NoteId, NotePath, Slug } from '../src/shared/types.ts';

const note = (id: string, weight = 0, topic?: number): GraphNote => ({
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
  it('keeps the most linked notes at each depth, counts the rest, and never shows a left-out neighbour further out', () => {
    // Link counts (distinct notes either way): hub 6, s0 4, s5 3, far 4, s1..s4 1, farther 1, x 2.
    const spokes = Array.from({ length: 6 }, (_, i) => note(`s${i}`));
    const json: GraphJson = {
      version: 1,
      notes: [note('hub'), ...spokes, note('far'), note('farther'), note('x')],
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
    };
    const of = indexNeighbourhoods(json, { 1: 3, 2: 1, 3: 5 });
    const hub = of('hub' as NoteId)!;
    // s0 (4 links), s5 (3), then s1 (1 link, first by id); s2..s4 are cut and counted. Depth 2: far
    // and x both link with s0, far has more links; x is not at depth 3 through far, since s0 links with it.
    expect(hub.nodes.map((n) => `${n.id}@${n.depth}:${n.links}`)).toEqual(['hub@0:6', 's0@1:4', 's5@1:3', 's1@1:1', 'far@2:4', 'farther@3:1']);
    expect(hub.omitted).toBe(3);
    expect(hub.cut).toEqual({ 2: true, 3: false });
    expect(indexNeighbourhoods(json, { 1: 3, 2: 1, 3: 0 })('hub' as NoteId)!.cut).toEqual({ 2: true, 3: true });
    const ids = hub.nodes.map((n) => n.id);
    expect(hub.links.map(([s, t]) => `${ids[s]}>${ids[t]}`)).toEqual(['hub>s0', 'hub>s5', 'hub>s1', 's0>s5', 's0>far', 's5>far', 'far>farther']);
    expect(hub.nodes[4]).toEqual({ id: 'far', title: 'FAR', url: '/far/', depth: 2, links: 4 });
    expect(of('missing' as NoteId)).toBeUndefined();
  });

  it('never depends on topics or PageRank: the same links give the same bytes', () => {
    const links = [link('a', 'b'), link('b', 'c'), link('c', 'a'), link('c', 'd')];
    const one: GraphJson = { version: 1, notes: [note('a', 0.9, 0), note('b', 0.1, 1), note('c', 0.5, 0), note('d', 0, 2)], links, topics: [] };
    const two: GraphJson = { version: 1, notes: [note('a', 0.2, 3), note('b', 0.7, 3), note('c', 0.1), note('d', 1, 1)], links };
    for (const id of ['a', 'b', 'c', 'd'] as NoteId[]) expect(JSON.stringify(indexNeighbourhoods(two)(id))).toBe(JSON.stringify(indexNeighbourhoods(one)(id)));
  });

  it('counts links both ways as one neighbour', () => {
    const json: GraphJson = { version: 1, notes: [note('a'), note('b')], links: [link('a', 'b'), link('b', 'a'), link('a', 'a')] };
    const a = indexNeighbourhoods(json)('a' as NoteId)!;
    expect(a.nodes).toEqual([
      { id: 'a', title: 'A', url: '/a/', depth: 0, links: 1 },
      { id: 'b', title: 'B', url: '/b/', depth: 1, links: 1 },
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
