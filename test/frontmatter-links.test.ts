/**
 * Wiki-links in frontmatter values are links, as in Obsidian's graph and backlinks: they reach
 * the graph, backlinks (with a context naming the property) and `trellis check`.
 */
import { describe, expect, it } from 'vitest';
import { buildGarden } from '../src/build.ts';
import { linkGraphOf, makeGarden } from './helpers/garden.ts';

describe('frontmatter links', () => {
  it('count in backlinks, the graph and the link report, with positions', async () => {
    const garden = makeGarden({
      'Grace.md': '---\nup: "[[People]]"\ncategories: ["[[People]]", "[[Missing Category]]"]\nrelated:\n  - "[[Ada|the first programmer]]"\n---\n# Grace\n',
      'Ada.md': '---\ncategories:\n  - "[[People]]"\n---\n# Ada\n',
      'People.md': '# People\n',
    });
    const model = await buildGarden({ garden, noCache: true, layout: false, threads: 1 });
    const backlinks = model.graph.backlinks.get('People' as never) ?? [];
    expect(backlinks.map((b) => [b.source, b.context])).toEqual([
      ['Ada', 'categories: People'],
      ['Grace', 'up: People'],
      ['Grace', 'categories: People'],
    ]);
    expect((model.graph.backlinks.get('Ada' as never) ?? []).map((b) => [b.source, b.context])).toEqual([['Grace', 'related: the first programmer']]);
    const graph = linkGraphOf(model);
    expect(graph.hasEdge('Grace', 'People')).toBe(true);
    expect(graph.hasEdge('Ada', 'People')).toBe(true);
    expect(model.report.broken).toEqual([expect.objectContaining({ source: 'Grace.md', line: 3, column: 28, target: 'Missing Category' })]);
  });
});
