/**
 * The graph stage starts the layout before it derives backlinks and mentions (src/graph/layout-start.ts): on a large
 * garden the layout's worker runs beside the rest of the build. Started behind a dynamic import of the layout's
 * modules instead, it began only at the builder's thread's next turn of the event loop, after the mentions and ~1 s
 * into the pages of a 10k garden's link build, which then waited for it.
 */
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';

const events = vi.hoisted(() => [] as string[]);

vi.mock('../src/graph/layout-start.ts', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../src/graph/layout-start.ts')>();
  return {
    ...actual,
    startLayoutOfInput: (...args: Parameters<typeof actual.startLayoutOfInput>) => {
      events.push('layout started');
      return actual.startLayoutOfInput(...args);
    },
  };
});

vi.mock('../src/graph/unlinked-mentions.ts', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../src/graph/unlinked-mentions.ts')>();
  return {
    ...actual,
    deriveUnlinkedMentions: (...args: Parameters<typeof actual.deriveUnlinkedMentions>) => {
      events.push('mentions derived');
      return actual.deriveUnlinkedMentions(...args);
    },
  };
});

const { buildGarden } = await import('../src/build.ts');

describe('the layout of a build that goes on before it is placed', () => {
  it('is started before the builder derives mentions, and placed once it is in', async () => {
    const model = await buildGarden({ garden: path.resolve(import.meta.dirname, '../garden'), noCache: true, render: false, placeLater: true });
    expect(events).toEqual(['layout started', 'mentions derived']);
    await model.graph.placed;
    expect(model.graph.topics.length).toBeGreaterThan(0);
    expect(model.graph.json.notes.every((n) => typeof n.x === 'number')).toBe(true);
    model.close?.();
  }, 120_000);
});
