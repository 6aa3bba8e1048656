/**
 * The concept graph in Chromium (sigma on WebGL, SwiftShader without a GPU):
 * the local graph beside a note and the global graph page, checked through
 * the pixels they draw and the neighbour lists beside them.
 */
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it, vi } from 'vitest';
import type { GardenGraphCanvas } from '../../web/components/garden-graph-canvas.ts';
import { graphPalette } from '../../web/lib/graph-palette.ts';
import { fixtureGraph } from './fixture-notes.ts';
import { collectErrors, colorDistance, colorsAt } from './page-helpers.ts';
import { useFixtureSite } from './fixture-session.ts';

vi.setConfig({ testTimeout: 90_000 });

const fixture = useFixtureSite('graph');

const topicColor = (id: string) => {
  const note = fixtureGraph.notes.find((n) => n.id === id)!;
  return fixtureGraph.topics!.find((t) => t.id === note.topic)!.color;
};

async function open(path: string): Promise<{ page: Page; errors: string[] }> {
  const page = await fixture.browser.newPage({ viewport: { width: 1280, height: 900 } });
  const errors = collectErrors(page);
  await page.goto(fixture.server.url + path);
  await page.waitForFunction(() => customElements.get('garden-app') !== undefined);
  return { page, errors };
}

/** Where the canvas draws a node, once sigma has drawn it and the camera has come to rest. */
async function nodeAt(canvas: Locator, id: string): Promise<{ x: number; y: number }> {
  const read = () => canvas.evaluate((el, id) => (el as GardenGraphCanvas).nodePosition(id) ?? null, id);
  let last = JSON.stringify(await read());
  await expect
    .poll(
      async () => {
        await new Promise((resolve) => setTimeout(resolve, 150));
        const now = JSON.stringify(await read());
        const settled = now === last && now !== 'null';
        last = now;
        return settled;
      },
      { timeout: 20_000 },
    )
    .toBe(true);
  return JSON.parse(last) as { x: number; y: number };
}

describe('local graph', () => {
  it("is open by default, loads only the note's own local graph, draws the neighbourhood with the note marked, and navigates on click", async () => {
    const { page, errors } = await open('distributed-systems/raft/');
    await page.evaluate(() => Object.assign(window, { trellisMarker: 'kept' }));
    const loaded = () =>
      page.evaluate(() => performance.getEntriesByType('resource').flatMap((e) => (e.name.endsWith('graph.json') ? [new URL(e.name).pathname] : [])));

    // No "Show" to press: the panel is open, its button offers to hide it.
    const toggle = page.locator('garden-local-graph').getByRole('button', { name: 'Hide' });
    expect(await toggle.getAttribute('aria-expanded')).toBe('true');
    const canvas = page.locator('garden-local-graph garden-local-graph-canvas');
    await page.getByRole('img', { name: 'Graph' }).waitFor();
    expect(await loaded()).toEqual(['/distributed-systems/raft/local-graph.json']);

    const raft = await nodeAt(canvas, 'Distributed Systems/Raft');
    const paxos = await nodeAt(canvas, 'Distributed Systems/Paxos');
    const reading = await nodeAt(canvas, 'Reading list');
    await expect
      .poll(async () => {
        const [r, p, l] = await colorsAt(page, canvas, [raft, paxos, reading]);
        return [
          colorDistance(r!, topicColor('Distributed Systems/Raft')) < 40,
          colorDistance(p!, topicColor('Distributed Systems/Paxos')) < 40,
          colorDistance(l!, topicColor('Reading list')) < 40,
        ];
      })
      .toEqual([true, true, true]);
    // The current note is ringed in the accent colour: some pixel left of its centre has it.
    const row = await colorsAt(
      page,
      canvas,
      Array.from({ length: 40 }, (_, i) => ({ x: raft.x - 4 - i, y: raft.y })),
    );
    expect(row.some((c) => colorDistance(c, graphPalette('light').accent) < 60)).toBe(true);

    const list = page.locator('garden-local-graph garden-neighbour-list');
    const titles = () => list.locator('a .title').allTextContents();
    expect(await titles()).toEqual(['Consensus', 'Paxos', 'Reading list']);

    await page.mouse.click((await canvas.boundingBox())!.x + paxos.x, (await canvas.boundingBox())!.y + paxos.y);
    await page.waitForURL('**/distributed-systems/paxos/');
    await expect.poll(() => page.locator('main h1').textContent()).toBe('Paxos');
    expect(await page.evaluate(() => (window as unknown as { trellisMarker?: string }).trellisMarker)).toBe('kept');
    await expect.poll(titles).toEqual(['Consensus', 'Raft']);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('offers depths 1 to 3 and a keyboard-navigable list of the same notes', async () => {
    const { page, errors } = await open('reading-list/');
    await page.evaluate(() => localStorage.setItem('trellis-local-graph', 'open:1'));
    await page.reload();
    const list = page.locator('garden-local-graph garden-neighbour-list');
    await expect.poll(() => list.getByRole('link').allTextContents()).toEqual(['Consensus', 'Raft']);
    await page.locator('garden-local-graph').getByLabel('Depth').selectOption('2');
    await expect.poll(() => list.getByRole('link').allTextContents()).toEqual(['Consensus', 'Raft', 'Paxos, 2 links away']);
    expect(await page.evaluate(() => localStorage.getItem('trellis-local-graph'))).toBe('open:2');

    await list.getByRole('link').first().focus();
    await page.keyboard.press('ArrowDown');
    expect(await list.evaluate((el) => el.shadowRoot!.activeElement?.querySelector('.title')?.textContent)).toBe('Raft');
    await page.keyboard.press('Enter');
    await page.waitForURL('**/distributed-systems/raft/');
    await expect.poll(() => page.locator('main h1').textContent()).toBe('Raft');
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('global graph page', () => {
  it('draws every note in its topic colour with a legend, and filters by topic', async () => {
    const { page, errors } = await open('graph/');
    const canvas = page.locator('garden-graph-view garden-graph-canvas');
    await page.getByRole('img', { name: 'Graph' }).waitFor();
    const legend = page.locator('garden-graph-legend');
    expect(await legend.getByRole('button').allTextContents()).toEqual([expect.stringContaining('Consensus'), expect.stringContaining('Reading')]);
    const points = await Promise.all(fixtureGraph.notes.map((n) => nodeAt(canvas, n.id)));
    await expect
      .poll(async () => (await colorsAt(page, canvas, points)).map((c, i) => colorDistance(c, topicColor(fixtureGraph.notes[i]!.id)) < 40))
      .toEqual([true, true, true, true]);

    const background = (await colorsAt(page, canvas, [{ x: 3, y: 3 }]))[0]!;
    await legend.getByRole('button', { name: /Reading/ }).click();
    expect(await legend.getByRole('button', { name: /Reading/ }).getAttribute('aria-pressed')).toBe('true');
    // Raft is hidden; the camera refits to what is left, so Reading list moves: look for it again.
    await expect.poll(() => canvas.evaluate((el) => (el as GardenGraphCanvas).nodePosition('Distributed Systems/Raft') ?? null)).toBeNull();
    const reading = await nodeAt(canvas, 'Reading list');
    const hex = '#' + background.map((c) => c.toString(16).padStart(2, '0')).join('');
    await expect
      .poll(async () => {
        const [raft, shown] = await colorsAt(page, canvas, [points[0]!, reading]);
        return [
          colorDistance(raft!, hex) < 20 || colorDistance(raft!, topicColor('Reading list')) < 40,
          colorDistance(shown!, topicColor('Reading list')) < 40,
        ];
      })
      .toEqual([true, true]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('highlights the neighbours of the node under the pointer and lists them', async () => {
    const { page, errors } = await open('graph/');
    const canvas = page.locator('garden-graph-view garden-graph-canvas');
    const reading = await nodeAt(canvas, 'Reading list');
    const paxos = await nodeAt(canvas, 'Distributed Systems/Paxos');
    const box = (await canvas.boundingBox())!;
    await page.mouse.move(box.x + reading.x, box.y + reading.y);
    const faded = graphPalette('light').faded;
    await expect.poll(async () => colorDistance((await colorsAt(page, canvas, [paxos]))[0]!, faded)).toBeLessThan(30);
    const side = page.locator('garden-graph-view .side');
    expect(await side.locator('h2').textContent()).toBe('Reading list');
    expect(await side.locator('garden-neighbour-list').getByRole('link').allTextContents()).toEqual(['Reading list', 'Consensus', 'Raft']);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('finds a note, shows the path between two notes, and opens a note on click', async () => {
    const { page, errors } = await open('graph/');
    const view = page.locator('garden-graph-view');
    await view.getByLabel('Find a note').fill('Paxos');
    await view.getByLabel('Find a note').press('Enter');
    await view.getByLabel('Find a note').blur();
    await expect.poll(() => view.locator('.side h2').textContent()).toBe('Paxos');

    await view.getByPlaceholder('From').fill('Reading list');
    await view.getByPlaceholder('To').fill('Paxos');
    await view.getByRole('button', { name: 'Show path' }).click();
    await expect.poll(() => view.getByRole('status').textContent()).toBe('2 links apart');
    const path = await view.locator('.side garden-neighbour-list a .title').allTextContents();
    expect(path).toHaveLength(3);
    expect([path[0], path[2]]).toEqual(['Reading list', 'Paxos']);
    expect(['Raft', 'Consensus']).toContain(path[1]);

    const canvas = view.locator('garden-graph-canvas');
    const consensus = await nodeAt(canvas, 'Consensus');
    const box = (await canvas.boundingBox())!;
    await page.mouse.click(box.x + consensus.x, box.y + consensus.y);
    await page.waitForURL('**/consensus/');
    await expect.poll(() => page.locator('main h1').textContent()).toBe('Consensus');
    expect(errors).toEqual([]);
    await page.close();
  });
});
