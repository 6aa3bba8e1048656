import { describe, expect, it } from 'vitest';
import { buildGraph, noTopicColor, nodeSize } from './build-graph.ts';
import { makeGraphJson, makeGraphNote } from './test-graph.ts';

describe('buildGraph', () => {
  const json = makeGraphJson(
    [
      makeGraphNote('Systems/Raft', { x: 10, y: 20, topic: 0, weight: 1, tags: ['consensus'] }),
      makeGraphNote('Paxos', { x: -5, y: 3, topic: 7 }),
      makeGraphNote('Loose', { x: undefined, y: undefined, weight: undefined }),
    ],
    ['Systems/Raft>Paxos', 'Paxos>Systems/Raft', 'Systems/Raft>Paxos', 'Paxos>Ghost', 'Loose>Loose'],
    { topics: [{ id: 0, name: 'Consensus', color: '#123456', size: 1, hubs: [] }] },
  );
  const graph = buildGraph(json);

  it('keeps precomputed positions and sets display attributes from graph.json', () => {
    expect(graph.getNodeAttributes('Systems/Raft')).toEqual({
      x: 10,
      y: 20,
      size: nodeSize(1),
      color: '#123456',
      label: 'Raft',
      url: '/systems/raft/',
      topic: 0,
      tags: ['consensus'],
      folder: 'Systems',
      weight: 1,
    });
  });

  it('colours notes of unknown or missing topics neutrally', () => {
    expect(graph.getNodeAttribute('Paxos', 'color')).toBe(noTopicColor);
    expect(graph.getNodeAttribute('Loose', 'color')).toBe(noTopicColor);
  });

  it('places notes without a layout deterministically', () => {
    const again = buildGraph(json);
    const { x, y } = graph.getNodeAttributes('Loose');
    expect(Number.isFinite(x) && Number.isFinite(y)).toBe(true);
    expect(again.getNodeAttributes('Loose')).toMatchObject({ x, y });
  });

  it('keeps one edge per direction and skips self-links and unknown notes', () => {
    expect(graph.size).toBe(2);
    expect(graph.hasEdge('Systems/Raft', 'Paxos')).toBe(true);
    expect(graph.hasEdge('Paxos', 'Systems/Raft')).toBe(true);
  });
});

describe('nodeSize', () => {
  it('grows with weight and stays bounded', () => {
    expect(nodeSize(0)).toBe(3);
    expect(nodeSize(1)).toBe(12);
    expect(nodeSize(0.25)).toBeCloseTo(7.5);
    expect(nodeSize(5)).toBe(12);
  });
});
