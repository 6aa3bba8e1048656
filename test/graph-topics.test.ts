/** graph-topics.json (src/emit/graph-page-files.ts) and how the local graph shows a neighbourhood with it (`withTopics`). */
import { describe, expect, it } from 'vitest';
import { graphPageFiles, graphTopics } from '../src/emit/graph-page-files.ts';
import { withTopics, type LocalGraphJson } from '../src/shared/local-graph.ts';
import type { GraphJson, GraphNote, NoteId, NotePath, Slug } from '../src/shared/types.ts';

const note = (id: string, topic?: number): GraphNote => ({
  id: id as NoteId,
  path: `${id}.md` as NotePath,
  title: id,
  url: `/${id}/` as Slug,
  tags: [],
  aliases: [],
  ...(topic !== undefined ? { topic } : {}),
});

const json: GraphJson = {
  version: 1,
  notes: [note('a', 0), note('b', 1), note('c'), note('d', 7)],
  links: [],
  topics: [
    { id: 0, name: 'Kernels', color: '#111111', size: 1, hubs: ['a' as NoteId] },
    { id: 1, name: 'Consensus', color: '#222222', size: 1, hubs: ['b' as NoteId] },
    { id: 2, name: 'Raft', color: '#333333', size: 1, hubs: [], parent: 1 },
  ],
};

describe('graph-topics.json', () => {
  it("holds each note's top-level topic and those topics' names and colours, nothing else", () => {
    expect(graphTopics(json)).toEqual({
      version: 1,
      topics: [
        { id: 0, name: 'Kernels', color: '#111111' },
        { id: 1, name: 'Consensus', color: '#222222' },
      ],
      // c has no topic; d names a topic graph.json does not list.
      notes: { a: 0, b: 1 },
    });
    expect(JSON.parse(graphPageFiles(json)['graph-topics.json'])).toEqual(graphTopics(json));
    expect(graphTopics({ version: 1, notes: [note('a')], links: [] })).toEqual({ version: 1, topics: [], notes: {} });
  });

  it('gives a neighbourhood its nodes’ topics and the topics it shows, and leaves it without topics when there is no file', () => {
    const local: LocalGraphJson = {
      version: 2,
      nodes: [
        { id: 'b' as NoteId, title: 'b', url: '/b/' as Slug, depth: 0, links: 2 },
        { id: 'c' as NoteId, title: 'c', url: '/c/' as Slug, depth: 1, links: 1 },
        { id: 'a' as NoteId, title: 'a', url: '/a/' as Slug, depth: 1, links: 1 },
      ],
      links: [
        [0, 1],
        [0, 2],
      ],
      omitted: 0,
      cut: { 2: false, 3: false },
    };
    const shown = withTopics(local, graphTopics(json));
    expect(shown.nodes.map((n) => [n.id, n.topic])).toEqual([
      ['b', 1],
      ['c', undefined],
      ['a', 0],
    ]);
    expect(shown.topics.map((t) => t.name)).toEqual(['Kernels', 'Consensus']);
    expect(shown.links).toEqual(local.links);
    const bare = withTopics(local, undefined);
    expect(bare.topics).toEqual([]);
    expect(bare.nodes.every((n) => n.topic === undefined)).toBe(true);
  });
});
