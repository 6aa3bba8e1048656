import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generateGarden } from '../bench/generate.ts';
import { buildGarden } from '../src/build.ts';

const tmp = await mkdtemp(path.join(os.tmpdir(), 'bench-generate-'));
afterAll(() => rm(tmp, { recursive: true, force: true }));

async function readTree(dir: string): Promise<Map<string, string>> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const files = entries.filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name));
  return new Map(await Promise.all(files.map(async (f) => [path.relative(dir, f), await readFile(f, 'utf8')] as [string, string])));
}

describe('generateGarden', () => {
  it('writes the same files for the same seed, and different ones for another seed', async () => {
    const a = await generateGarden(path.join(tmp, 'a'), { notes: 50, seed: 42 });
    const b = await generateGarden(path.join(tmp, 'b'), { notes: 50, seed: 42 });
    await generateGarden(path.join(tmp, 'c'), { notes: 50, seed: 43 });
    const treeA = await readTree(path.join(tmp, 'a'));
    const treeB = await readTree(path.join(tmp, 'b'));
    const treeC = await readTree(path.join(tmp, 'c'));
    expect(b).toEqual(a);
    expect(treeA.size).toBe(50);
    expect([...treeB]).toEqual([...treeA]);
    expect([...treeC]).not.toEqual([...treeA]);
    // Folders are nested up to 3 levels below the garden.
    const depths = new Set([...treeA.keys()].map((f) => f.split(path.sep).length - 1));
    expect([...depths].every((d) => d >= 1 && d <= 3)).toBe(true);
    expect(depths.has(3)).toBe(true);
  });

  it('plants exactly the broken links it reports, and every other link and anchor resolves', async () => {
    const dir = path.join(tmp, 'built');
    const summary = await generateGarden(dir, { notes: 50, seed: 7 });
    const model = await buildGarden({ garden: dir, noCache: true, layout: false, threads: 1 });
    expect(model.report.notes).toBe(50);
    expect(summary.brokenLinks).toBeGreaterThan(0);
    expect(model.report.broken.length).toBe(summary.brokenLinks);
    expect(model.report.broken.every((b) => b.target.startsWith('Missing Topic '))).toBe(true);
    expect(model.report.brokenAnchors).toEqual([]);
    expect(model.report.ambiguous).toEqual([]);
    // Every kind of link shape is present.
    const text = [...(await readTree(dir)).values()].join('\n');
    for (const shape of [
      /\[\[[^\]|#]+\|[^\]]+\]\]/,
      /\[\[[^\]]+#[A-Z][^\]^]*\]\]/,
      /\[\[[^\]]+#\^[a-z0-9]+\]\]/,
      /!\[\[[^\]#]+\]\]/,
      /!\[\[[^\]]+#[^\]]+\]\]/,
      /^```/m,
      /^\$\$/m,
      /^\| --- /m,
      /^> \[!/m,
    ]) {
      expect(text).toMatch(shape);
    }
  }, 60_000);
});
