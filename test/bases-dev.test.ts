/**
 * Bases in `trellis dev`: a ```` ```base ```` block is drawn on the page served from the in-memory
 * garden, and drawn again when another note's properties change (a base lists other notes, so
 * its page is never kept across a change); its problems are among the server's diagnostics.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDev, type DevServer } from '../src/dev/index.ts';
import { GardenState } from '../src/dev/garden-state.ts';
import { freePort } from './helpers/free-port.ts';
import { makeGarden } from './helpers/garden.ts';

let dev: DevServer;
let garden: string;

const block =
  '```base\nfilters: file.hasTag("book")\nformulas:\n  d: duration("1d")\nviews:\n  - type: table\n    name: Books\n    order: [file.name, rating]\n    sort:\n      - property: rating\n        direction: DESC\n```\n';

beforeAll(async () => {
  garden = makeGarden({
    'Shelf.md': 'My books:\n\n' + block,
    'A.md': '---\ntags: [book]\nrating: 3\n---\nA.',
    'B.md': '---\ntags: [book]\nrating: 4\n---\nB.',
  });
  dev = await startDev({ garden, port: await freePort(), quiet: true, settleMs: 300 });
}, 120_000);

afterAll(async () => {
  await dev?.close();
});

/** The first cells of the base's rows on the served page. */
const names = async (): Promise<string[]> => {
  const html = await (await fetch(dev.url + 'shelf/')).text();
  return [...html.matchAll(/<tr><td><a class="internal" href="[^"]*" data-note="[^"]*">([^<]*)<\/a><\/td><td>([^<]*)<\/td>/g)].map((m) => `${m[1]} ${m[2]}`);
};

describe('bases in trellis dev', () => {
  it('draws a base block, and draws it again when another note changes', async () => {
    expect(await names()).toEqual(['B 4', 'A 3']);
    const html = await (await fetch(dev.url + 'shelf/')).text();
    expect(html).toContain('<p class="base-notice"><code>duration()</code> is not supported by Trellis');
    expect(html).not.toContain('hasTag');
    writeFileSync(path.join(garden, 'A.md'), '---\ntags: [book]\nrating: 5\n---\nA.');
    await expect.poll(names, { timeout: 20_000 }).toEqual(['A 5', 'B 4']);
    writeFileSync(path.join(garden, 'C.md'), '---\ntags: [book]\nrating: 1\n---\nC.');
    await expect.poll(names, { timeout: 20_000 }).toEqual(['A 5', 'B 4', 'C 1']);
  });

  it('reports a base’s problems among the diagnostics of the in-memory garden', async () => {
    const state = await GardenState.open(garden);
    const found = state
      .view()
      .diagnostics()
      .filter((d) => d.ruleId === 'unsupported-base');
    expect(found.map((d) => `${d.file}:${d.line}:${d.column}`)).toEqual(['Shelf.md:6:6']);
  });
});
