/**
 * A graph derived with `placeLater` (the CLI's build: src/emit/index.ts computes page keys while the
 * layout worker runs) has its link facts at once, and once `placed` settles is the graph a build
 * that waited for the layout has: topics, weights, positions and graph.json alike. On the default
 * garden (layout on the builder's thread) and on a generated one large enough for the layout worker.
 */
import { rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generateGarden } from '../bench/generate.ts';
import { buildGarden, type GardenModel } from '../src/build.ts';
import { layoutWorkerMinNodes } from '../src/graph/layout-start.ts';
import { tempDir } from './helpers/garden.ts';

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

async function expectSamePlacedGraph(garden: string): Promise<void> {
  const whole = await buildGarden({ garden, noCache: true, render: false });
  const later = await buildGarden({ garden, noCache: true, render: false, placeLater: true });
  expect(whole.graph.placed).toBeUndefined();
  expect(later.graph.placed).toBeInstanceOf(Promise);
  // What the links give is there before the layout.
  expect(later.graph.orphans).toEqual(whole.graph.orphans);
  expect([...later.graph.outgoing]).toEqual([...whole.graph.outgoing]);
  expect(later.report).toEqual(whole.report);
  await later.graph.placed;
  expect(later.graph.topics.length).toBeGreaterThan(0);
  expect(later.graph.json).toEqual(whole.graph.json);
  expect(later.graph.topics).toEqual(whole.graph.topics);
  const pairs = (m: GardenModel) => [[...m.graph.topicOf], [...m.graph.subtopicOf], [...m.graph.weights], m.graph.layoutKey];
  expect(pairs(later)).toEqual(pairs(whole));
  whole.close?.();
  later.close?.();
}

describe('a graph placed later', () => {
  it('is the graph of a build that waited, on the default garden', async () => {
    await expectSamePlacedGraph(path.resolve(import.meta.dirname, '../garden'));
  }, 120_000);

  it('is the graph of a build that waited, with the layout on its worker', async () => {
    const garden = tempDir();
    dirs.push(garden);
    await generateGarden(garden, { notes: layoutWorkerMinNodes, seed: 5 });
    await expectSamePlacedGraph(garden);
  }, 300_000);
});
