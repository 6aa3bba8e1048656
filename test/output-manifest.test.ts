/**
 * The output manifest is trusted only while every path it names stays where the builder works:
 * a build links, moves and removes those paths (the spare's differing files go to a trash folder
 * that is then deleted), so a damaged or planted manifest must not reach a file outside the site.
 */
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readOutputManifest, writeOutputManifest, type OutputManifest } from '../src/incremental/output-manifest.ts';
import { cacheDir } from '../src/store/cache.ts';
import { makeGarden, tempDir } from './helpers/garden.ts';
import { build } from './helpers/site-diff.ts';
import { until } from './helpers/until.ts';

const garden = (): string => makeGarden({ 'A.md': 'Links to [[B]].\n', 'B.md': 'Back to [[A]].\n' });

/** Run `fn` with the build cache in `dir` (the manifest lives beside the cache). */
async function withCache<T>(dir: string, fn: () => T | Promise<T>): Promise<T> {
  const previous = process.env.TRELLIS_CACHE_DIR;
  process.env.TRELLIS_CACHE_DIR = dir;
  try {
    return await fn();
  } finally {
    if (previous === undefined) delete process.env.TRELLIS_CACHE_DIR;
    else process.env.TRELLIS_CACHE_DIR = previous;
  }
}

describe('the output manifest', () => {
  it('is read back as written, and not when a path it names leaves the site or its spare is not beside it', async () => {
    const root = garden();
    const out = path.join(tempDir(), 'site');
    await withCache(tempDir(), async () => {
      const good: OutputManifest = {
        out: path.resolve(out),
        fingerprint: 'f',
        files: new Map([
          ['index.html', 'h1'],
          ['a..b/index.html', 'h2'],
        ]),
        keys: new Map([['index.html', 'k']]),
        notes: {},
        spare: { dir: path.join(path.dirname(out), '.site-spare-0123456789ab'), differs: ['index.html'] },
      };
      // A manifest with its files and keys as maps (a read one holds them sorted, searched by path).
      const plain = (m: OutputManifest | undefined) =>
        m && { ...m, files: new Map([...m.files.keys()].map((k) => [k, m.files.get(k)])), keys: new Map([...m.keys.keys()].map((k) => [k, m.keys.get(k)])) };
      const readAs = async (m: OutputManifest) => {
        await writeOutputManifest(root, m);
        return plain(readOutputManifest(root, out, 'f'));
      };
      const goodFiles = new Map(good.files as Map<string, string>);
      const goodKeys = new Map(good.keys as Map<string, string>);
      expect(await readAs(good)).toEqual(good);
      for (const rel of ['../outside.txt', 'a/../../outside.txt', '/etc/passwd', '..', 'a/..', '']) {
        expect(await readAs({ ...good, files: new Map([...goodFiles, [rel, 'h']]) }), rel).toBeUndefined();
        expect(await readAs({ ...good, files: new Map([...goodFiles, [rel, 'h']]), keys: new Map([[rel, 'k']]) }), rel).toBeUndefined();
        expect(await readAs({ ...good, spare: { dir: good.spare!.dir, differs: [rel] } }), rel).toBeUndefined();
      }
      // A key is kept only with its file: one of a path the site has no file at is not written.
      expect(await readAs({ ...good, keys: new Map([...goodKeys, ['../outside.txt', 'k']]) })).toEqual(good);
      // A path with a line break (the stored form's separator) leaves the lines unpaired: not read, rather than misread.
      expect(await readAs({ ...good, files: new Map([...goodFiles, ['two\nlines.txt', 'h']]) })).toBeUndefined();
      // Nor is a manifest of the earlier form (files as objects keyed by path).
      await writeOutputManifest(root, good);
      const file = readdirSync(path.dirname(cacheDir(root))).find((f) => f.startsWith(path.basename(cacheDir(root)) + '-outputs-'))!;
      const stored = path.join(path.dirname(cacheDir(root)), file);
      writeFileSync(stored, JSON.stringify({ ...good, files: Object.fromEntries(goodFiles), keys: Object.fromEntries(goodKeys) }));
      expect(readOutputManifest(root, out, 'f')).toBeUndefined();
      // Nor one whose paths are out of order (they are searched by halving): a lookup could miss a file it names.
      await writeOutputManifest(root, good);
      const sorted = JSON.parse(readFileSync(stored, 'utf8')) as { paths: string; hashes: string; keys: string };
      const swap = (lines: string) => lines.split('\n').reverse().join('\n');
      writeFileSync(stored, JSON.stringify({ ...sorted, paths: swap(sorted.paths), hashes: swap(sorted.hashes), keys: swap(sorted.keys) }));
      expect(readOutputManifest(root, out, 'f')).toBeUndefined();
      writeFileSync(stored, JSON.stringify(sorted));
      expect(plain(readOutputManifest(root, out, 'f'))).toEqual(good);
      for (const dir of [tempDir(), path.join(path.dirname(out), '.other-spare-0123456789ab'), path.join(out, '.site-spare-0123456789ab')]) {
        expect(await readAs({ ...good, spare: { dir, differs: [] } }), dir).toBeUndefined();
      }
    });
  });

  it('planted with a path outside the site, moves and removes nothing there: the next build writes the site anew', async () => {
    const root = garden();
    const work = tempDir();
    const out = path.join(work, 'site');
    const cache = tempDir();
    build(root, out, cache);
    // A second build, so that the manifest names a spare.
    writeFileSync(path.join(root, 'A.md'), 'Links to [[B]], edited.\n');
    build(root, out, cache);
    const outside = path.join(work, 'outside.txt');
    writeFileSync(outside, 'not the site');
    const dir = await withCache(cache, () => cacheDir(root));
    const file = readdirSync(path.dirname(dir)).find((f) => f.startsWith(path.basename(dir) + '-outputs-'))!;
    const manifestPath = path.join(path.dirname(dir), file);
    const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as OutputManifest;
    expect(manifest.spare).toBeDefined();
    manifest.spare!.differs.push('../outside.txt');
    writeFileSync(manifestPath, JSON.stringify(manifest));
    writeFileSync(path.join(root, 'B.md'), 'Back to [[A]], edited.\n');
    build(root, out, cache);
    expect(readFileSync(path.join(out, 'b/index.html'), 'utf8')).toContain('edited');
    // The clean-up after the build has run: nothing beside the site but the new spare, and the outside file as it was.
    await until(() => readdirSync(work).filter((f) => f.startsWith('.site-') && !f.startsWith('.site-spare-')).length === 0);
    expect(existsSync(outside)).toBe(true);
    expect(readFileSync(outside, 'utf8')).toBe('not the site');
  }, 120_000);
});
