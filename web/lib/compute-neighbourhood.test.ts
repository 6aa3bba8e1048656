import { describe, expect, it } from 'vitest';
import { buildGraph } from './build-graph.ts';
import { computeNeighbourhood } from './compute-neighbourhood.ts';
import { makeGraphJson, makeGraphNote } from './test-graph.ts';

// a → b → c → d, and e → a (an incoming link).
const graph = buildGraph(
  makeGraphJson(
    ['a', 'b', 'c', 'd', 'e'].map((id) => makeGraphNote(id)),
    ['a>b', 'b>c', 'c>d', 'e>a'],
  ),
);

describe('computeNeighbourhood', () => {
  it('follows links both ways up to the depth, with distances', () => {
    expect(computeNeighbourhood(graph, 'a', 1)).toEqual(
      new Map([
        ['a', 0],
        ['b', 1],
        ['e', 1],
      ]),
    );
    expect(computeNeighbourhood(graph, 'a', 2)).toEqual(
      new Map([
        ['a', 0],
        ['b', 1],
        ['e', 1],
        ['c', 2],
      ]),
    );
    expect(computeNeighbourhood(graph, 'd', 3)).toEqual(
      new Map([
        ['d', 0],
        ['c', 1],
        ['b', 2],
        ['a', 3],
      ]),
    );
  });

  it('is empty for an unknown note', () => {
    expect(computeNeighbourhood(graph, 'zzz', 2).size).toBe(0);
  });
});
