/**
 * The layout of large gardens runs on a worker thread from a compact copy of
 * the graph. It must give exactly what the builder's own thread gives: tested
 * on the real vault's link graph, with the worker forced on.
 */
import { once } from 'node:events';
import { Worker } from 'node:worker_threads';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildGarden, type GardenModel } from '../src/build.ts';
import { fromLayoutInput, nodeIdOf } from '../src/graph/layout-graph.ts';
import { layoutInputOf, toLayoutInput } from '../src/graph/layout-input.ts';
import { computeLayoutResult } from '../src/graph/layout-result.ts';
import { endLayoutAhead, startLayout, startLayoutAhead } from '../src/graph/layout-start.ts';
import { noteEdges } from '../src/graph/note-edges.ts';
import { workerUrl } from '../src/paths.ts';
import type { NoteId } from '../src/shared/types.ts';
import { linkGraphOf, tasksVault } from './helpers/garden.ts';

let model: GardenModel;
let tagsOf: (id: NoteId) => readonly string[];

beforeAll(async () => {
  model = await buildGarden({ garden: tasksVault, noCache: true, render: false });
  const tags = new Map(model.notes.map((n) => [n.parsed.id, n.parsed.tags]));
  tagsOf = (id) => tags.get(id) ?? [];
}, 120_000);

describe('layout on a worker', () => {
  it('round-trips the graph through its layout input: same nodes, titles and edges in the same order', () => {
    const graph = linkGraphOf(model);
    const input = toLayoutInput(graph, tagsOf);
    expect(input.edges).toHaveLength(graph.size * 2);
    const copy = fromLayoutInput(input);
    // The copy's nodes are keyed by their number (the cheaper keys), each standing for its note id.
    const idOf = nodeIdOf(input);
    expect(copy.nodes()).toEqual(graph.nodes().map((_id, n) => String(n)));
    expect(copy.nodes().map(idOf)).toEqual(graph.nodes());
    expect(copy.mapNodes((_id, a) => a.title)).toEqual(graph.mapNodes((_id, a) => a.title));
    expect(copy.mapEdges((_k, _a, s, t) => `${idOf(s)}->${idOf(t)}`)).toEqual(graph.mapEdges((_k, _a, s, t) => `${s}->${t}`));
  });

  it("is made from the edges without a graph: the same input as the graph's", () => {
    const published = model.notes.filter((n) => n.publish).map((n) => n.parsed);
    const nodes = new Set(published.map((n) => n.id));
    const input = layoutInputOf(published, (id) => noteEdges(id, model.links.get(id) ?? [], nodes));
    expect(input.edges.length).toBeGreaterThan(100);
    expect(input).toEqual(toLayoutInput(linkGraphOf(model), tagsOf));
  });

  it('gives the same topics, weights and positions as this thread', async () => {
    const graph = linkGraphOf(model);
    expect(graph.order).toBeGreaterThan(100);
    const here = computeLayoutResult(graph, tagsOf);
    const onWorker = await startLayout(graph, tagsOf, 0);
    expect(onWorker).toEqual(here);
    // A worker that outgrows its heap cap (4 MB: none can start under it) costs time, not the layout.
    expect(await startLayout(graph, tagsOf, 0, 4)).toEqual(here);
    expect(here.topics.length).toBeGreaterThan(1);
    // The worker itself (startLayout falls back to this thread if it fails, which would hide it).
    const worker = new Worker(workerUrl('layout'), { workerData: toLayoutInput(graph, tagsOf) });
    const [fromWorker] = await once(worker, 'message');
    await worker.terminate();
    expect(fromWorker).toEqual(here);
    expect(new Set(here.positions.map(([, x, y]) => `${x},${y}`)).size).toBe(graph.order);
  });

  it('gives the same from a worker started ahead of its graph (a link build starts it once its notes are compiled)', async () => {
    const graph = linkGraphOf(model);
    const here = computeLayoutResult(graph, tagsOf);
    const input = toLayoutInput(graph, tagsOf);
    // The worker itself, given its graph as its first message (startLayout would hide a failure by laying out here).
    const worker = new Worker(workerUrl('layout'), { workerData: { ahead: true } });
    worker.postMessage(input);
    const [fromWorker] = await once(worker, 'message');
    await worker.terminate();
    expect(fromWorker).toEqual(here);
    // Taken by the next layout with room in its heap; one too small is ended, and the layout starts its own worker.
    startLayoutAhead(200);
    expect(await startLayout(graph, tagsOf, 0, 150)).toEqual(here);
    startLayoutAhead(8);
    expect(await startLayout(graph, tagsOf, 0, 150)).toEqual(here);
    // One no layout takes is ended with the build.
    startLayoutAhead(200);
    endLayoutAhead();
  }, 60_000);

  it('is what the build put in graph.json', () => {
    const here = computeLayoutResult(linkGraphOf(model), tagsOf);
    const fromBuild = model.graph.json.notes.map((n) => [n.id, n.x, n.y]);
    expect(fromBuild).toEqual(here.positions);
    expect(model.graph.topics).toEqual(here.topics);
  });
});
