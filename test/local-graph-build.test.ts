/**
 * Each note's local graph file (`<url>local-graph.json`), built by the real CLI: it holds exactly
 * the note's neighbourhood (depth 1 = the notes it links to and the notes linking to it), the same
 * garden gives the same bytes, and the dev server answers the same neighbourhood.
 */
import { appendFileSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDev, type DevServer } from '../src/dev/index.ts';
import { localGraphFullSizeLinks, shownLinkCount, type GraphTopicsFile, type LocalGraphJson } from '../src/shared/local-graph.ts';
import type { GraphJson } from '../src/shared/types.ts';
import { freePort } from './helpers/free-port.ts';
import { makeGarden, tempDir } from './helpers/garden.ts';
import { buildWithCli } from './helpers/publish-garden.ts';
import { build } from './helpers/site-diff.ts';

const spokes = ['Alpha', 'Beta', 'Gamma', 'Delta', 'Epsilon', 'Zeta', 'Eta', 'Theta'];
const files: Record<string, string> = {
  'Hub.md': `# Hub\n\n${spokes.map((s) => `[[${s}]]`).join(', ')} and ![[Embedded]].\n`,
  'Embedded.md': 'An embedded note.\n',
  'Fan.md': 'I link to [[Hub]].\n',
  'Other fan.md': 'So do I: [[Hub|the hub]].\n',
  'Far/Two.md': 'Two steps from the hub, through [[Alpha]].\n',
  'Far/Three.md': 'Three steps: [[Two]].\n',
  'Far/Four.md': 'Four steps: [[Three]].\n',
  'Lonely.md': 'Links nowhere.\n',
  'Private.md': '---\npublish: false\n---\n[[Hub]] from an unpublished note.\n',
};
for (const s of spokes) files[`${s}.md`] = s === 'Beta' ? 'Back to [[Hub]] and on to [[Gamma]].\n' : `${s}, a spoke.\n`;

let garden: string;
let out: string;
let dev: DevServer | undefined;

const read = (dir: string, rel: string) => readFileSync(path.join(dir, rel), 'utf8');
const local = (dir: string, url: string) => JSON.parse(read(dir, url.slice(1) + 'local-graph.json')) as LocalGraphJson;

beforeAll(() => {
  garden = makeGarden(files);
  const built = buildWithCli(garden);
  expect(built.status, built.stderr).toBe(0);
  out = built.out;
}, 120_000);

afterAll(async () => {
  await dev?.close();
});

describe('local graph files', () => {
  it('hold the note, every note it links to or that links to it at depth 1, and further notes by depth', () => {
    const hub = local(out, '/hub/');
    expect(hub.version).toBe(2);
    expect(hub.nodes[0]).toMatchObject({ id: 'Hub', title: 'Hub', url: '/hub/', depth: 0 });
    const at = (d: number) =>
      hub.nodes
        .filter((n) => n.depth === d)
        .map((n) => n.id)
        .sort();
    expect(at(1)).toEqual([...spokes, 'Embedded', 'Fan', 'Other fan'].sort());
    expect(at(2)).toEqual(['Far/Two']);
    expect(at(3)).toEqual(['Far/Three']);
    expect(hub.omitted).toBe(0);
    expect(hub.cut).toEqual({ 2: false, 3: false });

    // Depth 1 is the note's links and backlinks as graph.json has them (unpublished notes left out).
    const graph = JSON.parse(read(out, 'graph.json')) as GraphJson;
    const linked = new Set<string>();
    for (const l of graph.links) {
      if (l.source === 'Hub') linked.add(l.target);
      if (l.target === 'Hub') linked.add(l.source);
    }
    expect(at(1)).toEqual([...linked].sort());

    // Links: every link between listed notes, once per direction, as indexes.
    const ids = hub.nodes.map((n) => n.id);
    const pairs = hub.links.map(([s, t]) => `${ids[s]}>${ids[t]}`);
    expect(pairs).toContain('Hub>Alpha');
    expect(pairs).toContain('Beta>Hub');
    expect(pairs).toContain('Hub>Beta');
    expect(pairs).toContain('Beta>Gamma');
    expect(pairs).toContain('Far/Two>Alpha');
    expect(pairs).toContain('Far/Three>Far/Two');
    expect(pairs).not.toContain('Far/Four>Far/Three');
    const expected = graph.links.filter((l) => ids.includes(l.source) && ids.includes(l.target)).map((l) => `${l.source}>${l.target}`);
    expect(pairs.sort()).toEqual([...new Set(expected)].sort());

    // Each node's link count is the number of published notes it links with, either way, as graph.json has them.
    const linkCount = (id: string) =>
      new Set(graph.links.flatMap((l) => (l.source === id ? [l.target] : l.target === id ? [l.source] : [])).filter((o) => o !== id)).size;
    // (Rounded down to a step of the app's size scale: exact up to 6.)
    for (const n of hub.nodes) expect(n.links, n.id).toBe(shownLinkCount(linkCount(n.id)));
    expect(linkCount('Hub')).toBe(11);
    expect(hub.nodes[0]!.links).toBe(10);
    expect(hub.nodes.find((n) => n.id === 'Beta')!.links).toBe(2);
    // Within a depth, the most linked first, then by id.
    const ones = hub.nodes.filter((n) => n.depth === 1);
    expect(ones.map((n) => n.id)).toEqual([...ones].sort((a, b) => b.links - a.links || (a.id < b.id ? -1 : 1)).map((n) => n.id));
  });

  it("leave topics to graph-topics.json, which names every note's top-level topic as graph.json does", () => {
    const graph = JSON.parse(read(out, 'graph.json')) as GraphJson;
    const topics = JSON.parse(read(out, 'graph-topics.json')) as GraphTopicsFile;
    expect(Object.keys(topics.notes).length).toBeGreaterThan(0);
    for (const n of graph.notes) expect(topics.notes[n.id], n.id).toBe(n.topic);
    expect(topics.topics.map((t) => t.id).sort()).toEqual(
      (graph.topics ?? [])
        .filter((t) => t.parent === undefined)
        .map((t) => t.id)
        .sort(),
    );
    expect(read(out, 'hub/local-graph.json')).not.toMatch(/topic|weight/);
  });

  it('are written for every published note, a lonely one too', () => {
    const graph = JSON.parse(read(out, 'graph.json')) as GraphJson;
    for (const n of graph.notes) expect(local(out, n.url).nodes[0]!.id).toBe(n.id);
    expect(local(out, '/lonely/')).toMatchObject({ nodes: [{ id: 'Lonely', depth: 0 }], links: [] });
    expect(() => read(out, 'private/local-graph.json')).toThrow();
  });

  it('are the same bytes when the same garden is built again', () => {
    const again = buildWithCli(garden);
    expect(again.status, again.stderr).toBe(0);
    const list = (dir: string) =>
      readdirSync(dir, { recursive: true, encoding: 'utf8' })
        .filter((f) => f.endsWith('local-graph.json'))
        .sort();
    expect(list(again.out)).toEqual(list(out));
    expect(list(out).length).toBeGreaterThan(10);
    for (const f of list(out)) expect(read(again.out, f)).toBe(read(out, f));
  }, 120_000);

  it('are kept while the graph is the same, and made again after a link change only where their bytes change', () => {
    const work = makeGarden(files);
    const site = path.join(tempDir(), 'dist');
    const cache = tempDir();
    build(work, site, cache);
    const list = readdirSync(site, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('local-graph.json'));
    const snapshot = () => new Map(list.map((f) => [f, { ino: statSync(path.join(site, f)).ino, text: read(site, f) }]));
    // A new unpublished note leaves graph.json as it was: every file is the previous site's (a hard link to it).
    const first = snapshot();
    writeFileSync(path.join(work, 'Draft.md'), '---\npublish: false\n---\nNot yet.\n');
    build(work, site, cache);
    for (const [f, old] of first) expect(statSync(path.join(site, f)).ino, f).toBe(old.ino);
    // A link: the files whose bytes change are new files (the previous site was not written through), the others its own.
    const second = snapshot();
    appendFileSync(path.join(work, 'Far/Four.md'), '\nAnd now [[Lonely]].\n');
    build(work, site, cache);
    let made = 0;
    for (const [f, old] of second) {
      const same = read(site, f) === old.text;
      expect(statSync(path.join(site, f)).ino === old.ino, f).toBe(same);
      if (!same) made++;
    }
    expect(local(site, '/lonely/').nodes.map((n) => n.id)).toContain('Far/Four');
    expect(made).toBeGreaterThan(0);
  }, 120_000);

  it("are made again where a note in them was retitled, though the links, and so the answers' shapes, are the same", () => {
    const work = makeGarden(files);
    const site = path.join(tempDir(), 'dist');
    const cache = tempDir();
    build(work, site, cache);
    // Far/Two is two links from the hub (through Alpha): the hub's answer is computed again and comes out with the
    // same notes and links, numbered as before; only the title, read from the note's frontmatter, tells it changed.
    writeFileSync(path.join(work, 'Far/Two.md'), '---\ntitle: The second step\n---\nTwo steps from the hub, through [[Alpha]].\n');
    build(work, site, cache);
    const cold = path.join(tempDir(), 'cold');
    build(work, cold, tempDir(), true);
    expect(local(site, '/hub/').nodes.find((n) => n.id === 'Far/Two')?.title).toBe('The second step');
    const list = readdirSync(cold, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('local-graph.json'));
    expect(list.length).toBeGreaterThan(10);
    for (const f of list) expect(read(site, f), f).toBe(read(cold, f));
  }, 120_000);

  it('stay as they were when a note in them gains a link that leaves its size as it was (a hub of 200 links or more)', () => {
    const spokeIds = Array.from({ length: 210 }, (_, i) => `Spoke ${String(i + 1).padStart(3, '0')}`);
    const work = makeGarden(Object.fromEntries([['Index.md', '# Index\n'], ...spokeIds.map((s) => [`${s}.md`, `Part of [[Index]].\n`])]));
    const site = path.join(tempDir(), 'dist');
    const cache = tempDir();
    build(work, site, cache);
    const file = (s: string) => path.join(site, s.toLowerCase().replace(' ', '-'), 'local-graph.json');
    const before = new Map(spokeIds.map((s) => [s, { ino: statSync(file(s)).ino, text: readFileSync(file(s), 'utf8') }]));
    expect(local(site, '/spoke-001/').nodes[1]).toMatchObject({ id: 'Index', depth: 1, links: localGraphFullSizeLinks });
    // A 211th spoke: the index note has 211 links, drawn (and written) as 200; no other spoke's file changes.
    writeFileSync(path.join(work, 'Spoke 211.md'), 'Part of [[Index]] too.\n');
    build(work, site, cache);
    expect(local(site, '/spoke-211/').nodes[1]).toMatchObject({ id: 'Index', links: localGraphFullSizeLinks });
    for (const [s, was] of before) {
      expect(readFileSync(file(s), 'utf8'), s).toBe(was.text);
      expect(statSync(file(s)).ino, s).toBe(was.ino);
    }
  }, 120_000);

  it('are served by the dev server with the same neighbourhood', async () => {
    dev = await startDev({ garden, port: await freePort(), quiet: true });
    const response = await fetch(dev.url + 'hub/local-graph.json');
    expect(response.status).toBe(200);
    const served = (await response.json()) as LocalGraphJson;
    const shape = (g: LocalGraphJson) => ({ nodes: g.nodes.map((n) => `${n.id}@${n.depth}`), links: g.links, omitted: g.omitted });
    expect(shape(served)).toEqual(shape(local(out, '/hub/')));
    expect((await fetch(dev.url + 'nowhere/local-graph.json')).status).toBe(404);
    // And the topics file beside them, from the live graph.
    const topics = await fetch(dev.url + 'graph-topics.json');
    expect(topics.status).toBe(200);
    const live = (await (await fetch(dev.url + 'graph.json')).json()) as GraphJson;
    const served2 = (await topics.json()) as GraphTopicsFile;
    for (const n of live.notes) expect(served2.notes[n.id], n.id).toBe(n.topic);
  }, 120_000);
});
