/**
 * The emitter uses both cores (src/emit/index.ts): in a garden that is not large, note pages are
 * written while the layout worker runs, and the search index is made on the other core once the
 * layout is done, beside the pages. The layout is held back here by a gate on `graph.placed`: note
 * pages must appear in the staging folder meanwhile, no search scratch folder may (the index waits
 * for the layout), and once the gate opens the site must be byte for byte the one a build that
 * waited for its layout writes, list notes' topics included.
 */
import { existsSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildGarden } from '../src/build.ts';
import { emitSite } from '../src/emit/index.ts';
import { listNote, withTopics } from '../src/emit/list-note.ts';
import { scratchPrefix } from '../src/incremental/link-previous.ts';
import { loadConfig } from '../src/config/load-config.ts';
import { siteInfo } from '../src/site.ts';
import { slugifySegment } from '../src/shared/ids.ts';
import type { GraphJson, NoteData, NoteId } from '../src/shared/types.ts';
import { tempDir } from './helpers/garden.ts';
import { until } from './helpers/until.ts';

const garden = path.resolve(import.meta.dirname, '../garden');
const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

/** Every file below `dir`, relative, with its bytes. */
function tree(dir: string, rel = ''): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  for (const name of readdirSync(path.join(dir, rel))) {
    const r = path.join(rel, name);
    if (statSync(path.join(dir, r)).isDirectory()) for (const [k, v] of tree(dir, r)) out.set(k, v);
    else out.set(r, readFileSync(path.join(dir, r)));
  }
  return out;
}

/** The files below every folder beside `out` whose name starts with `prefix`. */
function besideOut(out: string, prefix: string): string[] {
  const parent = path.dirname(out);
  return readdirSync(parent)
    .filter((name) => path.join(parent, name).startsWith(prefix))
    .flatMap((name) => [...tree(path.join(parent, name)).keys()]);
}

describe('the emitter beside the layout and search workers', () => {
  it('writes note pages while the layout runs, indexes after it, and writes the site a waiting build writes', async () => {
    const config = await loadConfig(garden);
    if (!config.ok) throw new Error('the default garden has no valid configuration');
    const site = siteInfo(garden, config.config);
    const root = tempDir();
    dirs.push(root);

    // A build that waited for its layout.
    const whole = await buildGarden({ garden, noCache: true });
    const waited = path.join(root, 'waited');
    await emitSite(whole, { out: waited, site });
    whole.close?.();

    // A build whose layout is held back until the gate opens.
    const later = await buildGarden({ garden, noCache: true, placeLater: true });
    const placed = later.graph.placed;
    if (!placed) throw new Error('placeLater gave no placed promise');
    let open: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (open = resolve));
    later.graph.placed = gate.then(() => placed);
    const out = path.join(root, 'beside');
    const staging = path.join(root, '.beside-staging-');
    const emitting = emitSite(later, { out, site });
    let settled = false;
    void emitting.finally(() => (settled = true));

    // Note pages and their data are written while the layout is held back.
    const pages = () => besideOut(out, staging).filter((f) => f.endsWith('index.json'));
    await until(() => pages().length >= 20);
    // Nothing that needs the topics, and no search index yet: it starts once the layout is done.
    expect(besideOut(out, scratchPrefix(out))).toEqual([]);
    expect(besideOut(out, staging).some((f) => f.startsWith('topics') || f === 'graph.json' || f.startsWith('_search'))).toBe(false);
    expect(settled).toBe(false);
    expect(existsSync(out)).toBe(false);

    open();
    await emitting;
    later.close?.();
    const [a, b] = [tree(waited), tree(out)];
    expect([...b.keys()].sort()).toEqual([...a.keys()].sort());
    const differing = [...a].filter(([file, bytes]) => !bytes.equals(b.get(file)!)).map(([file]) => file);
    expect(differing).toEqual([]);
    // Every topic and subtopic page links each note graph.json puts in it: list notes were given their
    // topics once the layout was done, though made before it (the waiting build above runs the same emitter).
    const graph = JSON.parse(b.get('graph.json')!.toString('utf8')) as GraphJson;
    const topicPages = (graph.topics ?? []).filter((t) => t.size > 0);
    expect(topicPages.length).toBeGreaterThan(3);
    for (const t of topicPages) {
      const html = b.get(path.join('topics', slugifySegment(t.name), 'index.html'))?.toString('utf8') ?? '';
      const members = graph.notes.filter((n) => (t.parent === undefined ? n.topic : n.subtopic) === t.id);
      expect(members.length, t.name).toBeGreaterThan(0);
      for (const n of members) expect(html, `${t.name} lists ${n.url}`).toContain(`href="${n.url}"`);
    }
    // No scratch or staging folder is left beside the site.
    expect(readdirSync(root).sort()).toEqual(['beside', 'waited']);
  }, 240_000);

  it('gives list notes made before the layout the record a note made after it has, keys in the same order', () => {
    const data = {
      id: 'a' as NoteId,
      title: 'A',
      url: '/a/',
      tags: ['t'],
      frontmatter: {},
      updated: '2026-01-02',
      outgoing: [{ id: 'b' as NoteId, title: 'B', url: '/b/' }],
    } as unknown as NoteData;
    const graph = { topicOf: new Map([['a' as NoteId, 3]]), subtopicOf: new Map([['a' as NoteId, 7]]) };
    const none = { topicOf: new Map<NoteId, number>(), subtopicOf: new Map<NoteId, number>() };
    const before = listNote(data, none);
    expect(before.topic).toBeUndefined();
    expect(JSON.stringify(withTopics(before, graph))).toBe(JSON.stringify(listNote(data, graph)));
    expect(JSON.stringify(withTopics(before, none))).toBe(JSON.stringify(before));
  });
});
