import { describe, expect, it } from 'vitest';
import { buildGraph } from './build-graph.ts';
import { extractSubgraph } from './extract-subgraph.ts';
import { makeGraphJson, makeGraphNote } from './test-graph.ts';

describe('extractSubgraph', () => {
  it('keeps the chosen notes, the edges between them and their attributes, without touching the source', () => {
    const graph = buildGraph(
      makeGraphJson(
        ['a', 'b', 'c'].map((id) => makeGraphNote(id, { x: id.charCodeAt(0) })),
        ['a>b', 'b>c', 'c>a'],
      ),
    );
    const sub = extractSubgraph(graph, ['a', 'b', 'unknown']);
    expect(sub.nodes()).toEqual(['a', 'b']);
    expect(sub.edges().map((e) => `${sub.source(e)}>${sub.target(e)}`)).toEqual(['a>b']);
    expect(sub.getNodeAttribute('a', 'x')).toBe(97);
    sub.setNodeAttribute('a', 'x', 0);
    expect(graph.getNodeAttribute('a', 'x')).toBe(97);
    expect(graph.order).toBe(3);
  });
});
