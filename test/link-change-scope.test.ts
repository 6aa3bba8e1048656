/**
 * A link added in one note of a generated garden, built through the real CLI over the previous
 * site with a warm cache, changes the data of the notes the link touches, not the others' (a note's
 * data holds nothing the garden's topics decide), and only the local graphs around them: a local
 * graph holds no topic or PageRank, which shift with any link (Louvain, docs/performance.md), so
 * the files of notes far from the link keep their bytes and are not written again.
 */
import { spawnSync } from 'node:child_process';
import { appendFileSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generateGarden } from '../bench/generate.ts';
import type { LocalGraphJson } from '../src/shared/local-graph.ts';
import type { GraphJson } from '../src/shared/types.ts';
import { tempDir } from './helpers/garden.ts';

const bin = path.resolve(import.meta.dirname, '../bin/trellis.js');

/** Build through the CLI; its summary. */
function build(garden: string, out: string, cache: string): string {
  const r = spawnSync(process.execPath, [bin, 'build', garden, '--out', out], { encoding: 'utf8', env: { ...process.env, TRELLIS_CACHE_DIR: cache } });
  if (r.status !== 0) throw new Error(`build failed (${r.status}): ${r.stderr}`);
  return r.stdout;
}

/** Every file of a site ending with `suffix`, by site-relative path. */
function filesEnding(dir: string, suffix: string): Map<string, string> {
  const files = new Map<string, string>();
  for (const e of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!e.isFile() || !e.name.endsWith(suffix)) continue;
    files.set(path.relative(dir, path.join(e.parentPath, e.name)).split(path.sep).join('/'), readFileSync(path.join(e.parentPath, e.name), 'utf8'));
  }
  return files;
}

function differing(before: Map<string, string>, after: Map<string, string>): string[] {
  expect([...after.keys()].sort()).toEqual([...before.keys()].sort());
  return [...before].filter(([rel, text]) => after.get(rel) !== text).map(([rel]) => rel);
}

/** The notes at most `depth` links (either way) from any of `from`. */
function near(graph: GraphJson, from: readonly string[], depth: number): Set<string> {
  const adjacent = new Map<string, string[]>();
  for (const l of graph.links) {
    adjacent.set(l.source, [...(adjacent.get(l.source) ?? []), l.target]);
    adjacent.set(l.target, [...(adjacent.get(l.target) ?? []), l.source]);
  }
  const seen = new Set(from);
  let ring = [...from];
  for (let d = 0; d < depth; d++) {
    ring = ring.flatMap((id) => adjacent.get(id) ?? []).filter((id) => !seen.has(id));
    for (const id of ring) seen.add(id);
  }
  return seen;
}

describe('a link change', () => {
  const dirs: string[] = [];
  afterAll(() => {
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  });

  /** A generated garden of `notes` notes built once through the CLI: its folders, its cache and its graph. */
  async function builtGarden(notes: number, seed: number): Promise<{ garden: string; out: string; cache: string; graph: GraphJson }> {
    const [garden, out, cache] = [tempDir(), tempDir(), tempDir()];
    dirs.push(garden, out, cache);
    await generateGarden(garden, { notes, seed });
    build(garden, out, path.join(cache, 'c'));
    return { garden, out, cache, graph: JSON.parse(readFileSync(path.join(out, 'graph.json'), 'utf8')) as GraphJson };
  }

  it('leaves the data of notes it does not touch, and the local graphs far from it, byte for byte', async () => {
    const { garden, out, cache, graph } = await builtGarden(1000, 3);
    const dataBefore = filesEnding(out, 'index.json');
    const localBefore = filesEnding(out, 'local-graph.json');

    // A note halfway along links a note far from it (the generator links mostly nearby notes and hubs).
    const source = graph.notes[500]!;
    const target = graph.notes[850]!;
    const linked = (a: string, b: string) => graph.links.some((l) => (l.source === a && l.target === b) || (l.source === b && l.target === a));
    expect(linked(source.id, target.id)).toBe(false);
    appendFileSync(path.join(garden, source.path), `\n\nSee also [[${target.title}]].\n`);
    build(garden, out, path.join(cache, 'c'));

    const dataFile = (url: string) => decodeURIComponent(url).replace(/^\//, '') + 'index.json';
    const dataChanged = differing(dataBefore, filesEnding(out, 'index.json'));
    // The source (its body and outgoing links) and the target (a backlink) change, and the notes
    // embedding the source (its body is in theirs); not the rest.
    expect(dataChanged).toContain(dataFile(source.url));
    expect(dataChanged).toContain(dataFile(target.url));
    expect(dataChanged.length).toBeLessThanOrEqual(10);

    const localAfter = filesEnding(out, 'local-graph.json');
    const localChanged = differing(localBefore, localAfter);
    const localFile = (url: string) => decodeURIComponent(url).replace(/^\//, '') + 'local-graph.json';
    expect(localChanged).toContain(localFile(source.url));
    expect(localChanged).toContain(localFile(target.url));
    // Only the neighbourhoods around the source or the target change: their notes lie within 3
    // links of one of them (a file lists notes up to 3 links away), and they are few.
    const graphAfter = JSON.parse(readFileSync(path.join(out, 'graph.json'), 'utf8')) as GraphJson;
    const around = near(graphAfter, [source.id, target.id], 3);
    const centre = (rel: string) => (JSON.parse(localAfter.get(rel)!) as LocalGraphJson).nodes[0]!.id;
    expect(localChanged.filter((rel) => !around.has(centre(rel)))).toEqual([]);
    expect(localChanged.length).toBeLessThan(localBefore.size * 0.15);
  }, 600_000);

  it('keeps the alias redirects and the explorer, which no link decides, and makes again those removed by hand', async () => {
    const { garden, out, cache, graph } = await builtGarden(300, 4);
    const pages = filesEnding(out, 'index.html');
    // The generator gives notes aliases: their redirect pages are the pages that refresh to another.
    const redirects = [...pages].filter(([, html]) => html.includes('http-equiv="refresh"'));
    expect(redirects.length).toBeGreaterThan(100);
    const explorer = filesEnding(path.join(out, '_explorer'), '.json');
    expect(explorer.size).toBeGreaterThan(3);

    // Removed by hand: a redirect and an explorer file. Then a link change (no outline changes).
    const [gone] = redirects[7]!;
    const [goneListing] = [...explorer][1]!;
    rmSync(path.join(out, gone));
    rmSync(path.join(out, '_explorer', goneListing));
    const source = graph.notes[100]!;
    appendFileSync(path.join(garden, source.path), `\n\nSee also [[${graph.notes[250]!.title}]].\n`);
    expect(build(garden, out, path.join(cache, 'c'))).toContain('only text and links changed');
    const pagesAfter = filesEnding(out, 'index.html');
    for (const [rel, html] of redirects) expect(pagesAfter.get(rel), rel).toBe(html);
    expect([...filesEnding(path.join(out, '_explorer'), '.json')]).toEqual([...explorer]);

    // Another link change, nothing removed: still every redirect and explorer file, as they were.
    appendFileSync(path.join(garden, source.path), `\n\nSee also [[${graph.notes[260]!.title}]].\n`);
    expect(build(garden, out, path.join(cache, 'c'))).toContain('only text and links changed');
    const pagesThen = filesEnding(out, 'index.html');
    for (const [rel, html] of redirects) expect(pagesThen.get(rel), rel).toBe(html);
    expect([...filesEnding(path.join(out, '_explorer'), '.json')]).toEqual([...explorer]);
  }, 600_000);
});
