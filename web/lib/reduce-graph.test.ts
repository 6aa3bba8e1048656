import { describe, expect, it } from 'vitest';
import { graphPalette } from './graph-palette.ts';
import { pathEdgeKey, reduceEdge, reduceNode, type NodeLook } from './reduce-graph.ts';

const palette = graphPalette('light');
const data: NodeLook = { x: 1, y: 2, size: 5, color: '#4f8fbf', label: 'A' };

describe('reduceNode', () => {
  it('returns the data unchanged in meaning without any view state', () => {
    expect(reduceNode('a', data, {}, palette)).toEqual({ ...data, zIndex: 1 });
  });

  it('hides notes outside the visible set', () => {
    expect(reduceNode('a', data, { visible: new Set(['b']) }, palette).hidden).toBe(true);
  });

  it('emphasises the focus and its neighbours and fades the rest', () => {
    const view = { focus: { id: 'a', neighbours: new Set(['b']) } };
    expect(reduceNode('a', data, view, palette)).toMatchObject({ highlighted: true, forceLabel: true, color: data.color });
    expect(reduceNode('b', data, view, palette)).toMatchObject({ forceLabel: true, color: data.color });
    expect(reduceNode('c', data, view, palette)).toMatchObject({ color: palette.faded, label: null });
  });

  it('marks the current note, bigger and labelled', () => {
    expect(reduceNode('a', data, { current: 'a' }, palette)).toMatchObject({ highlighted: true, forceLabel: true, size: 7, zIndex: 3 });
  });

  it('lets a path win over a focus', () => {
    const view = { focus: { id: 'c', neighbours: new Set<string>() }, path: { nodes: new Set(['a']), edges: new Set<string>() } };
    expect(reduceNode('c', data, view, palette).color).toBe(palette.faded);
    expect(reduceNode('a', data, view, palette).forceLabel).toBe(true);
  });

  it('does not change the data it was given', () => {
    const copy = { ...data };
    reduceNode('c', data, { current: 'c', focus: { id: 'x', neighbours: new Set() } }, palette);
    expect(data).toEqual(copy);
  });
});

describe('reduceEdge', () => {
  it('draws edges quietly by default', () => {
    expect(reduceEdge('a', 'b', {}, palette)).toEqual({ color: palette.edge, size: 1 });
  });

  it('hides edges with a filtered-out end', () => {
    expect(reduceEdge('a', 'b', { visible: new Set(['a']) }, palette).hidden).toBe(true);
  });

  it('strengthens edges at the focus and fades the others', () => {
    const view = { focus: { id: 'a', neighbours: new Set(['b']) } };
    expect(reduceEdge('b', 'a', view, palette).color).toBe(palette.edgeStrong);
    expect(reduceEdge('b', 'c', view, palette).color).toBe(palette.faded);
  });

  it('colours path edges in either direction', () => {
    const view = { path: { nodes: new Set(['a', 'b']), edges: new Set([pathEdgeKey('a', 'b')]) } };
    expect(reduceEdge('b', 'a', view, palette)).toMatchObject({ color: palette.accent, size: 3 });
    expect(reduceEdge('a', 'c', view, palette).color).toBe(palette.faded);
  });
});
