/**
 * The local graph beside a note, in Chromium, on a garden built by the real CLI: what a reader sees.
 * The note is drawn in the middle of the panel (its position read from the renderer), every
 * depth-1 neighbour is labelled, no two labels overlap and all lie inside the panel; the page
 * loads the note's own local-graph.json and never graph.json; depth 2 and 3 add the further
 * notes; hovering fades the rest; clicking a node opens that note in place, centred in turn.
 */
import path from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { GraphTopicsFile } from '../../src/shared/local-graph.ts';
import type { GardenLocalGraphCanvas } from '../../web/components/garden-local-graph-canvas.ts';
import { makeGarden } from '../helpers/garden.ts';
import { buildWithCli } from '../helpers/publish-garden.ts';
import { launchChromium } from './launch-chromium.ts';
import { collectErrors, screenshotDir } from './page-helpers.ts';
import { startStaticServer, type StaticServer } from './static-server.ts';

vi.setConfig({ testTimeout: 90_000 });

/** A hub with 14 neighbours (long and short titles, links both ways), and notes 2 and 3 links out. */
const spokes = [
  'Consensus',
  'Leader election',
  'Log replication',
  'Byzantine fault tolerance',
  'Paxos',
  'Quorum',
  'Vector clocks',
  'Two-phase commit',
  'CAP theorem',
  'Gossip',
  'Linearizability',
  'CRDT',
  'Split brain',
  'Heartbeats',
];
const filler = Array.from({ length: 30 }, (_, i) => `Paragraph ${i + 1} about terms, logs and leaders, long enough to fill a phone's screen.`).join('\n\n');
const files: Record<string, string> = {
  'Raft.md': `# Raft\n\n${spokes
    .slice(0, 10)
    .map((s) => `[[${s}]]`)
    .join(', ')}.\n\n${filler}\n`,
  'Viewstamped replication.md': 'Predecessor of [[Paxos]] variants; see [[Consensus]].\n',
  'Oral messages.md': 'An algorithm for [[Byzantine generals]].\n',
  'Byzantine generals.md': 'The problem behind [[Byzantine fault tolerance]].\n',
};
for (const s of spokes) files[`${s}.md`] = spokes.indexOf(s) >= 10 ? `${s} relies on [[Raft]].\n` : `${s}: a spoke.\n`;
files['Paxos.md'] = 'Paxos, and back to [[Raft]]; compare [[Viewstamped replication]].\n';

let browser: Browser;
let server: StaticServer;

beforeAll(async () => {
  const built = buildWithCli(makeGarden(files));
  expect(built.status, built.stderr).toBe(0);
  server = await startStaticServer(built.out);
  browser = await launchChromium();
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** A page of the site with the local graph open at `depth`, recording the URLs it requests. */
async function open(pagePath: string, viewport = { width: 1440, height: 900 }, depth = 1): Promise<{ page: Page; errors: string[]; requests: string[] }> {
  const page = await browser.newPage({ viewport });
  const errors = collectErrors(page);
  const requests: string[] = [];
  page.on('request', (r) => requests.push(new URL(r.url()).pathname));
  await page.goto(server.url + 'raft/');
  await page.evaluate((d) => localStorage.setItem('trellis-local-graph', `open:${d}`), depth);
  await page.goto(server.url + pagePath);
  return { page, errors, requests };
}

/** Where the renderer draws a node, once drawn and unchanged for a moment. */
async function nodeAt(canvas: Locator, id: string): Promise<{ x: number; y: number }> {
  const read = () => canvas.evaluate((el, id) => (el as GardenLocalGraphCanvas).nodePosition(id) ?? null, id);
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

interface Box {
  id: string;
  text: string;
  /** The text is wider than its box, so cut off. */
  clipped: boolean;
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/** The labels the reader sees, as boxes on the page. */
async function labels(canvas: Locator): Promise<Box[]> {
  return canvas.evaluate((el) =>
    [...el.shadowRoot!.querySelectorAll<HTMLElement>('.labels span:not(.hover)')].map((s) => {
      const r = s.getBoundingClientRect();
      return { id: s.dataset.id!, text: s.textContent!, left: r.left, top: r.top, right: r.right, bottom: r.bottom, clipped: s.scrollWidth > s.clientWidth };
    }),
  );
}

/**
 * The note is in the middle third of the panel (at its centre, in fact), it and every depth-1 neighbour
 * labelled with its title (a long one may end in an ellipsis in a narrow panel), labels apart and inside.
 */
async function expectReadable(canvas: Locator, center: string, neighbours: string[]): Promise<void> {
  const box = (await canvas.boundingBox())!;
  const c = await nodeAt(canvas, center);
  expect(c.x).toBeGreaterThan(box.width / 3);
  expect(c.x).toBeLessThan((2 * box.width) / 3);
  expect(c.y).toBeGreaterThan(box.height / 3);
  expect(c.y).toBeLessThan((2 * box.height) / 3);
  const shown = await labels(canvas);
  const byId = new Map(shown.map((l) => [l.id, l.text]));
  expect(Math.abs(c.x - box.width / 2)).toBeLessThan(2);
  expect(Math.abs(c.y - box.height / 2)).toBeLessThan(2);
  for (const n of [center, ...neighbours]) {
    const text = byId.get(n);
    // A long title may end in an ellipsis in the narrow sidebar, but keeps at least its first word (full title on hover and in the list).
    const firstWord = n.split(' ')[0]!;
    expect(text === n || (text?.endsWith('…') && text.length > 4 && n.startsWith(text.slice(0, -1)) && text.length > firstWord.length), `${n}: ${text}`).toBe(
      true,
    );
  }
  for (const a of shown) {
    expect(a.clipped, a.id).toBe(false);
    expect(a.left, a.id).toBeGreaterThanOrEqual(box.x);
    expect(a.top, a.id).toBeGreaterThanOrEqual(box.y);
    expect(a.right, a.id).toBeLessThanOrEqual(box.x + box.width);
    expect(a.bottom, a.id).toBeLessThanOrEqual(box.y + box.height);
    for (const b of shown) {
      if (a === b) continue;
      const apart = a.right <= b.left || b.right <= a.left || a.bottom <= b.top || b.bottom <= a.top;
      expect(apart, `${a.id} and ${b.id}`).toBe(true);
    }
  }
}

describe('local graph', () => {
  it('centres the note, labels every neighbour without overlaps inside the panel, and loads only its own file', async () => {
    const { page, errors, requests } = await open('raft/');
    const canvas = page.locator('garden-local-graph garden-local-graph-canvas');
    await expectReadable(canvas, 'Raft', spokes);
    expect(requests).toContain('/raft/local-graph.json');
    expect(requests.filter((r) => r.endsWith('graph.json') && !r.endsWith('local-graph.json'))).toEqual([]);
    // Topics come from the site's one topics file (the local graph files hold none): each neighbour's
    // dot in the list has its topic's colour.
    expect(requests).toContain('/graph-topics.json');
    const topics = (await (await fetch(server.url + 'graph-topics.json')).json()) as GraphTopicsFile;
    const colourOf = (id: string) => topics.topics.find((t) => t.id === topics.notes[id])?.color;
    expect(colourOf('Paxos')).toMatch(/^#/);
    const dot = page.locator('garden-neighbour-list li', { hasText: 'Paxos' }).locator('.dot');
    const rgb = (hex: string) => `rgb(${[1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)).join(', ')})`;
    expect(await dot.evaluate((el) => getComputedStyle(el).backgroundColor)).toBe(rgb(colourOf('Paxos')!));
    await page.screenshot({ path: path.join(screenshotDir, 'local-graph-desktop.png') });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('draws at once when the topics file is slow, and colours the nodes by topic when it comes', async () => {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    const errors = collectErrors(page);
    let release: () => void = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route('**/graph-topics.json', async (route) => {
      await held;
      await route.continue();
    });
    await page.goto(server.url + 'raft/');
    const canvas = page.locator('garden-local-graph garden-local-graph-canvas');
    // Drawn and listed while the topics file is held back: every dot in the neutral colour.
    await expectReadable(canvas, 'Raft', spokes);
    const dot = page.locator('garden-neighbour-list li', { hasText: 'Paxos' }).locator('.dot');
    const colour = () => dot.evaluate((el) => getComputedStyle(el).backgroundColor);
    expect(await colour()).toBe('rgb(140, 143, 150)');
    release();
    const topics = (await (await fetch(server.url + 'graph-topics.json')).json()) as GraphTopicsFile;
    const hex = topics.topics.find((t) => t.id === topics.notes['Paxos'])!.color;
    await expect.poll(colour).toBe(`rgb(${[1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)).join(', ')})`);
    await expectReadable(canvas, 'Raft', spokes);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('is open by default for a reader who never chose, loading only its own file; a reader who hides it keeps it hidden and loads nothing', async () => {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    const errors = collectErrors(page);
    const requests: string[] = [];
    page.on('request', (r) => requests.push(new URL(r.url()).pathname));
    await page.goto(server.url + 'raft/');
    const graph = page.locator('garden-local-graph');
    const canvas = graph.locator('garden-local-graph-canvas');
    await expectReadable(canvas, 'Raft', spokes);
    expect(requests.filter((r) => r.endsWith('graph.json'))).toEqual(['/raft/local-graph.json']);
    // Beside the note, in the first screen: no scrolling needed to see it.
    const box = (await canvas.boundingBox())!;
    expect(box.y + box.height / 2).toBeLessThan(900);
    await graph.getByRole('button', { name: 'Hide' }).click();
    expect(await graph.getByRole('button', { name: 'Show' }).getAttribute('aria-expanded')).toBe('false');
    expect(await page.evaluate(() => localStorage.getItem('trellis-local-graph'))).toBe('closed:1');
    requests.length = 0;
    await page.goto(server.url + 'paxos/');
    await page.waitForFunction(() => customElements.get('garden-app') !== undefined);
    await graph.getByRole('button', { name: 'Show' }).waitFor();
    await page.waitForTimeout(500);
    expect(requests.filter((r) => r.endsWith('graph.json'))).toEqual([]);
    expect(await canvas.count()).toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('open below a long note on a phone, loads when scrolled near', async () => {
    const { page, errors, requests } = await open('raft/', { width: 390, height: 844 });
    await page.waitForFunction(() => customElements.get('garden-app') !== undefined);
    await page.waitForTimeout(800);
    const graph = page.locator('garden-local-graph');
    expect((await graph.boundingBox())!.y).toBeGreaterThan(844 + 400);
    expect(requests.filter((r) => r.endsWith('graph.json'))).toEqual([]);
    await graph.scrollIntoViewIfNeeded();
    await expectReadable(graph.locator('garden-local-graph-canvas'), 'Raft', spokes);
    expect(requests.filter((r) => r.endsWith('graph.json'))).toEqual(['/raft/local-graph.json']);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('draws notes 2 and 3 links away at depth 2 and 3, keeping the note centred and its neighbours labelled', async () => {
    const { page, errors } = await open('raft/');
    const graph = page.locator('garden-local-graph');
    const canvas = graph.locator('garden-local-graph-canvas');
    await nodeAt(canvas, 'Raft');
    expect(await canvas.evaluate((el) => (el as GardenLocalGraphCanvas).nodePosition('Viewstamped replication') ?? null)).toBeNull();
    await graph.getByLabel('Depth').selectOption('2');
    await nodeAt(canvas, 'Viewstamped replication');
    await page.screenshot({ path: path.join(screenshotDir, 'local-graph-depth-2.png') });
    await expectReadable(canvas, 'Raft', spokes);
    const list = graph.locator('garden-neighbour-list');
    await expect.poll(() => list.getByRole('link').allTextContents()).toContain('Viewstamped replication, 2 links away');
    await graph.getByLabel('Depth').selectOption('3');
    await nodeAt(canvas, 'Oral messages');
    await page.screenshot({ path: path.join(screenshotDir, 'local-graph-depth-3.png') });
    await expectReadable(canvas, 'Raft', spokes);
    expect(await page.evaluate(() => localStorage.getItem('trellis-local-graph'))).toBe('open:3');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('fades what is not linked to the node under the pointer, and opens a clicked note in place, centred', async () => {
    const { page, errors, requests } = await open('raft/');
    await page.evaluate(() => Object.assign(window, { trellisMarker: 'kept' }));
    const canvas = page.locator('garden-local-graph garden-local-graph-canvas');
    const paxos = await nodeAt(canvas, 'Paxos');
    const box = (await canvas.boundingBox())!;
    await page.mouse.move(box.x + paxos.x, box.y + paxos.y);
    const faded = () => canvas.evaluate((el) => [...el.shadowRoot!.querySelectorAll<HTMLElement>('.labels .faded')].map((s) => s.dataset.id).sort());
    await expect.poll(faded).toEqual(spokes.filter((s) => s !== 'Paxos').sort());
    await page.mouse.click(box.x + paxos.x, box.y + paxos.y);
    await page.waitForURL('**/paxos/');
    await expect.poll(() => page.locator('main h1').textContent()).toBe('Paxos');
    expect(await page.evaluate(() => (window as unknown as { trellisMarker?: string }).trellisMarker)).toBe('kept');
    await expectReadable(canvas, 'Paxos', ['Raft', 'Viewstamped replication']);
    expect(requests).toContain('/paxos/local-graph.json');
    expect(requests.filter((r) => r.endsWith('/graph.json') && !r.endsWith('local-graph.json'))).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('is readable in the dark theme and on a phone', async () => {
    for (const [name, viewport, theme] of [
      ['local-graph-dark', { width: 1440, height: 900 }, 'dark'],
      ['local-graph-phone', { width: 390, height: 844 }, 'light'],
      ['local-graph-phone-dark', { width: 390, height: 844 }, 'dark'],
    ] as const) {
      const { page, errors } = await open('raft/', viewport, 2);
      await page.evaluate((t) => localStorage.setItem('trellis-theme', t), theme);
      await page.reload();
      const graph = page.locator('garden-local-graph');
      await graph.scrollIntoViewIfNeeded();
      const canvas = graph.locator('garden-local-graph-canvas');
      await expectReadable(canvas, 'Raft', spokes);
      await graph.screenshot({ path: path.join(screenshotDir, `${name}.png`) });
      expect(errors).toEqual([]);
      await page.close();
    }
  });
});
