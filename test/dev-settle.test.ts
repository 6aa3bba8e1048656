/**
 * The dev server settles a changed garden by computing only the layout of its notes and edges as they
 * are now (`GardenState.settle`, `layoutOfNotes`): on a garden large enough for the layout worker,
 * the settled graph.json, topics and each page's topic are a clean build's. (test/incremental.test.ts
 * checks the same over random changes of small gardens, whose layout runs on the test's thread.)
 */
import { appendFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generateGarden } from '../bench/generate.ts';
import { buildGarden } from '../src/build.ts';
import { GardenState } from '../src/dev/garden-state.ts';
import { layoutWorkerMinNodes } from '../src/graph/layout-start.ts';
import { tempDir } from './helpers/garden.ts';

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

describe('the dev server settles a large garden', () => {
  it('with the layout of a clean build of the changed notes, computed on the layout worker', async () => {
    const garden = tempDir();
    dirs.push(garden);
    await generateGarden(garden, { notes: layoutWorkerMinNodes, seed: 11 });
    const state = await GardenState.open(garden);
    try {
      const before = state.view().graphJson();
      // Three notes gain a link each to a note far from them: the edges change, so the layout and topics are computed again.
      const notes = state.view().notes;
      for (const [from, to] of [
        [3, 1500],
        [40, 1900],
        [700, 12],
      ] as const) {
        appendFileSync(path.join(garden, notes[from]!.parsed.path), `\n\nSee also [[${notes[to]!.parsed.title}]].\n`);
        await state.apply([notes[from]!.parsed.path]);
      }
      expect(state.settled).toBe(false);
      // Until settled, the view shows the changed links with the last settled layout's topics.
      expect(state.view().graphJson().links.length).toBe(before.links.length + 3);
      expect(state.view().graphJson().topics).toEqual(before.topics);

      const settled = await state.settle();
      expect(state.settled).toBe(true);
      const clean = await buildGarden({ garden, noCache: true, render: false });
      const json = settled.graphJson();
      expect(json.topics!.length).toBeGreaterThan(0);
      expect(json).toEqual(clean.graph.json);
      expect(settled.topics).toEqual(clean.graph.topics);
      for (const n of settled.notes.filter((x) => x.publish)) {
        expect(settled.graph.topicOf.get(n.parsed.id), n.parsed.id).toBe(clean.graph.topicOf.get(n.parsed.id));
        expect(settled.graph.subtopicOf?.get(n.parsed.id), n.parsed.id).toBe(clean.graph.subtopicOf.get(n.parsed.id));
      }
      clean.close?.();
    } finally {
      state.close();
    }
  }, 300_000);
});
