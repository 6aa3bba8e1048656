import { describe, expect, it } from 'vitest';
import { buildGraph } from './build-graph.ts';
import { findPath } from './find-path.ts';
import { makeGraphJson, makeGraphNote } from './test-graph.ts';

// Two routes from a to d (a-b-c-d and a-x-d), plus an island.
const graph = buildGraph(
  makeGraphJson(
    ['a', 'b', 'c', 'd', 'x', 'island'].map((id) => makeGraphNote(id)),
    ['a>b', 'b>c', 'c>d', 'x>a', 'd>x'],
  ),
);

describe('findPath', () => {
  it('finds a shortest chain, following links in either direction', () => {
    expect(findPath(graph, 'a', 'd')).toEqual(['a', 'x', 'd']);
    expect(findPath(graph, 'c', 'a')).toEqual(['c', 'b', 'a']);
  });

  it('returns the single note for a path to itself', () => {
    expect(findPath(graph, 'b', 'b')).toEqual(['b']);
  });

  it('is undefined between unconnected or unknown notes', () => {
    expect(findPath(graph, 'a', 'island')).toBeUndefined();
    expect(findPath(graph, 'a', 'nope')).toBeUndefined();
  });
});
