/**
 * The output manifest is trusted only while every path it names stays where the builder works:
 * a build links, moves and removes those paths (the spare's differing files go to a trash folder
 * that is then deleted), so a damaged or planted manifest must not reach a file outside the site.
 */
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  filesUnder,
  readOutputManifest,
  searchesBeforeIndex,
  SortedFiles,
  writeOutputManifest,
  type OutputManifest,
} from '../src/incremental/output-manifest.ts';
import { pathsDigest } from '../src/incremental/spare-check.ts';
import { cacheDir } from '../src/store/cache.ts';
import type { NoteId } from '../src/shared/types.ts';
import { makeGarden, tempDir } from './helpers/garden.ts';
import { build } from './helpers/site-diff.ts';
import { until } from './helpers/until.ts';

/** A manifest without its digest; a read one's must be the digest of its files' paths (src/incremental/spare-check.ts). */
function withoutDigest(m: OutputManifest): OutputManifest {
  if (m.digest !== undefined) expect(m.digest).toBe(pathsDigest(m.files.keys()));
  const rest = { ...m };
  delete rest.digest;
  return rest;
}

/** A note id of the test's own. */
const id = (s: string) => s as NoteId;

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
        m && {
          ...withoutDigest(m),
          files: new Map([...m.files.keys()].map((k) => [k, m.files.get(k)])),
          keys: new Map([...m.keys.keys()].map((k) => [k, m.keys.get(k)])),
        };
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

  it('is written as what differs from its base while that stays small, and read back as the whole manifest', async () => {
    const root = garden();
    const out = path.join(tempDir(), 'site');
    await withCache(tempDir(), async () => {
      const pages = Array.from({ length: 400 }, (_, i) => `p${String(i).padStart(3, '0')}/index.html`);
      const first: OutputManifest = {
        out: path.resolve(out),
        fingerprint: 'f1',
        files: new Map(pages.map((p) => [p, `h-${p}`])),
        keys: new Map(pages.map((p) => [p, `k-${p}`])),
        // A note named `__proto__` is a note like another (JSON.parse makes it a key; assignment would not).
        notes: JSON.parse('{"A": "a1", "B": "b1", "C": "c1", "__proto__": "p1"}') as Record<string, string>,
        shape: { frame: 'fr', shapes: { A: 'sa', B: 'sb', C: 'sc' }, code: 'c', mentions: { A: [id('B')] }, layout: 'l1' },
      };
      const plain = (m: OutputManifest | undefined) =>
        m && {
          ...withoutDigest(m),
          files: new Map([...m.files.keys()].sort().map((k) => [k, m.files.get(k)])),
          keys: new Map([...m.keys.keys()].sort().map((k) => [k, m.keys.get(k)])),
        };
      await writeOutputManifest(root, first);
      const stored = readdirSync(path.dirname(cacheDir(root))).filter((f) => f.includes('-outputs-'));
      expect(stored).toHaveLength(1);
      const baseFile = path.join(path.dirname(cacheDir(root)), stored[0]!);
      const baseBytes = readFileSync(baseFile, 'utf8');
      const read1 = readOutputManifest(root, out, 'f1')!;
      expect(plain(read1)).toEqual(plain(first));

      // A page changed (its hash and key), one gone, one added; a note's hash, a shape, a mention list; a spare named.
      const files2 = new Map(first.files as Map<string, string>);
      const keys2 = new Map(first.keys as Map<string, string>);
      files2.set('p003/index.html', 'h-new');
      keys2.set('p003/index.html', 'k-new');
      files2.delete('p007/index.html');
      keys2.delete('p007/index.html');
      files2.set('p007b/index.html', 'h-added');
      keys2.delete('p001/index.html'); // a file without a key now
      const second: OutputManifest = {
        ...first,
        fingerprint: 'f2',
        files: files2,
        keys: keys2,
        notes: JSON.parse('{"A": "a2", "B": "b1", "D": "d1", "__proto__": "p2"}') as Record<string, string>,
        spare: { dir: path.join(path.dirname(out), '.site-spare-0123456789ab'), differs: ['p003/index.html'] },
        shape: { frame: 'fr', shapes: { A: 'sa2', B: 'sb', D: 'sd' }, code: 'c', mentions: { A: [id('B'), id('D')] }, layout: 'l1' },
      };
      await writeOutputManifest(root, second, read1);
      // The base is the first build's, byte for byte; what changed is in the delta beside it.
      expect(readFileSync(baseFile, 'utf8')).toBe(baseBytes);
      const delta = readFileSync(baseFile + '.delta', 'utf8');
      expect(delta.length).toBeLessThan(baseBytes.length / 2);
      expect(readOutputManifest(root, out, 'f1')).toBeUndefined(); // the record's fingerprint is the delta's now
      const read2 = readOutputManifest(root, out, 'f2')!;
      expect(plain(read2)).toEqual(plain(second));
      expect([read1.digest, read2.digest]).not.toContain(undefined);

      // Over that delta: the gone page back, the added one gone again, a note back to its first hash, the mentions gone.
      const files3 = new Map(files2);
      const keys3 = new Map(keys2);
      files3.set('p007/index.html', 'h-back');
      files3.delete('p007b/index.html');
      const third: OutputManifest = {
        ...second,
        fingerprint: 'f3',
        files: files3,
        keys: keys3,
        notes: JSON.parse('{"A": "a1", "B": "b1", "D": "d1", "__proto__": "p3"}') as Record<string, string>,
        shape: { frame: 'fr2', shapes: { A: 'sa', B: 'sb', D: 'sd' }, code: 'c', mentions: {}, layout: 'l2' },
      };
      delete third.spare;
      await writeOutputManifest(root, third, read2);
      expect(readFileSync(baseFile, 'utf8')).toBe(baseBytes);
      expect(plain(readOutputManifest(root, out, 'f3'))).toEqual(plain(third));

      // Every file changed (past a sixteenth of the base and the 256 entries any delta may have): a new base, and no delta beside it.
      const read3 = readOutputManifest(root, out, 'f3')!;
      const fourth: OutputManifest = { ...third, fingerprint: 'f4', files: new Map(pages.map((p) => [p, `h2-${p}`])), keys: new Map() };
      await writeOutputManifest(root, fourth, read3);
      expect(readFileSync(baseFile, 'utf8')).not.toBe(baseBytes);
      expect(existsSync(baseFile + '.delta')).toBe(false);
      expect(plain(readOutputManifest(root, out, 'f4'))).toEqual(plain(fourth));
    });
  });

  it("stores a family's one key once: a link build's new key for every local graph file is a small delta, read back whole", async () => {
    const root = garden();
    const out = path.join(tempDir(), 'site');
    await withCache(tempDir(), async () => {
      const notes = Array.from({ length: 600 }, (_, i) => `n${String(i).padStart(3, '0')}/`);
      const graphKey = (graph: string) => `local-graph:code:${graph}`;
      const manifestOf = (fingerprint: string, graph: string, files: Map<string, string>, keys?: Map<string, string>): OutputManifest => ({
        out: path.resolve(out),
        fingerprint,
        files,
        keys: keys ?? new Map([...files.keys()].map((f) => [f, f.endsWith('local-graph.json') ? graphKey(graph) : `page-${f}`])),
        notes: {},
      });
      const files1 = new Map<string, string>(notes.flatMap((n) => [[`${n}index.html`, `h-${n}`] as const, [`${n}local-graph.json`, `g1-${n}`] as const]));
      const plain = (m: OutputManifest | undefined) =>
        m && {
          ...withoutDigest(m),
          files: new Map([...m.files.keys()].sort().map((k) => [k, m.files.get(k)])),
          keys: new Map([...m.keys.keys()].sort().map((k) => [k, m.keys.get(k)])),
        };
      const first = manifestOf('f1', 'g1', files1);
      await writeOutputManifest(root, first);
      const baseFile = path.join(
        path.dirname(cacheDir(root)),
        readdirSync(path.dirname(cacheDir(root))).find((f) => f.includes('-outputs-'))!,
      );
      const baseBytes = readFileSync(baseFile, 'utf8');
      // The family's key is stored once, not beside each of its 600 files.
      expect(baseBytes.split(graphKey('g1')).length - 1).toBe(1);
      const read1 = readOutputManifest(root, out, 'f1')!;
      expect(plain(read1)).toEqual(plain(first));

      // A link change: every local graph file has the new graph's key, a few have new bytes; a page changed.
      const files2 = new Map(files1);
      for (const n of notes.slice(0, 5)) files2.set(`${n}local-graph.json`, `g2-${n}`);
      files2.set('n010/index.html', 'h-new');
      const second = manifestOf('f2', 'g2', files2);
      await writeOutputManifest(root, second, read1);
      expect(readFileSync(baseFile, 'utf8')).toBe(baseBytes);
      const delta = readFileSync(baseFile + '.delta', 'utf8');
      // The six files whose bytes changed, not the 600 whose key did.
      expect((JSON.parse(delta) as { files: { set: unknown[] } }).files.set).toHaveLength(6);
      const read2 = readOutputManifest(root, out, 'f2')!;
      expect(plain(read2)).toEqual(plain(second));
      expect([read1.digest, read2.digest]).not.toContain(undefined);

      // Over that delta, another graph; then one local graph file keeps the old key (the family has two keys): a new base, read back whole.
      const third = manifestOf('f3', 'g3', files2);
      await writeOutputManifest(root, third, read2);
      expect(readFileSync(baseFile, 'utf8')).toBe(baseBytes);
      const read3 = readOutputManifest(root, out, 'f3')!;
      expect(plain(read3)).toEqual(plain(third));
      const keys4 = new Map(third.keys as Map<string, string>);
      keys4.set('n000/local-graph.json', graphKey('g3-old'));
      const fourth = manifestOf('f4', 'g4', files2, keys4);
      await writeOutputManifest(root, fourth, read3);
      expect(readFileSync(baseFile, 'utf8')).not.toBe(baseBytes);
      expect(existsSync(baseFile + '.delta')).toBe(false);
      expect(plain(readOutputManifest(root, out, 'f4'))).toEqual(plain(fourth));
    });
  });

  it('lists the files under a folder, found by halving in a read manifest, as a pass over a map finds them', () => {
    const paths = ['_app/a.js', '_search', '_search-b/x', '_search/', '_search/a.json', '_search/b.json', '_search/c.json', '_searcha/x', 'z/index.html'];
    const values = ['h1', 'h2', 'h3', 'h4', 'h5', '', 'h7', 'h8', 'h9'];
    const sorted = new SortedFiles(paths, values);
    const map = new Map(paths.flatMap((p, i) => (values[i] === '' ? [] : [[p, values[i]!] as const])));
    const expected = [
      ['_search/', 'h4'],
      ['_search/a.json', 'h5'],
      ['_search/c.json', 'h7'],
    ];
    expect(filesUnder(sorted, '_search/')).toEqual(expected);
    expect(filesUnder(map, '_search/').sort()).toEqual(expected);
    expect(filesUnder(sorted, 'zz/')).toEqual([]);
    expect(filesUnder(sorted, '')).toHaveLength(8);
  });

  it('finds files by halving, then, after many searches, by an index of the paths shared by the files and keys over them', () => {
    // Paths as a site's: sorted, one page, data and local graph file a note, and names that sort between them.
    const paths = Array.from({ length: 3000 }, (_, i) => `n${String(i).padStart(4, '0')}/`)
      .flatMap((dir) => [`${dir}data.json`, `${dir}index.html`, `${dir}local-graph.json`])
      .sort();
    const hashes = paths.map((p, i) => (i % 7 === 0 ? '' : `h${i}`));
    const keyed = paths.map((p, i) => (i % 5 === 0 ? '' : `k${i}`));
    const files = new SortedFiles(paths, hashes);
    const keys = new SortedFiles(paths, keyed);
    const absent = ['', 'a', 'n0000', 'n0000/', 'n0000/index.htm', 'n2999/local-graph.jsonx', 'zz'];
    const check = () => {
      for (let i = 0; i < paths.length; i += 3) {
        expect(files.indexOf(paths[i]!)).toBe(i);
        expect(files.get(paths[i]!)).toBe(hashes[i] || undefined);
        expect(keys.get(paths[i]!)).toBe(keyed[i] || undefined);
      }
      for (const p of absent) expect([files.indexOf(p), keys.get(p)]).toEqual([-1, undefined]);
    };
    // 3,000 notes' lookups, then as many again: the second round runs past the searches made before the paths are indexed.
    expect(paths.length * 2).toBeGreaterThan(searchesBeforeIndex);
    check();
    check();
    check();
  });

  it("reads no delta but its own base's, nor one out of order, and writes none over a base replaced since it was read", async () => {
    const root = garden();
    const out = path.join(tempDir(), 'site');
    await withCache(tempDir(), async () => {
      const m = (fingerprint: string, hash: string): OutputManifest => ({
        out: path.resolve(out),
        fingerprint,
        files: new Map([
          ['a/index.html', hash],
          ['b/index.html', 'hb'],
        ]),
        keys: new Map(),
        notes: { A: hash },
      });
      await writeOutputManifest(root, m('f1', 'h1'));
      const baseFile = path.join(
        path.dirname(cacheDir(root)),
        readdirSync(path.dirname(cacheDir(root))).find((f) => f.includes('-outputs-'))!,
      );
      await writeOutputManifest(root, m('f2', 'h2'), readOutputManifest(root, out, 'f1'));
      const delta = readFileSync(baseFile + '.delta', 'utf8');
      // A new base (another generation): the delta left beside it from the old one is not applied.
      await writeOutputManifest(root, m('f3', 'h3'));
      writeFileSync(baseFile + '.delta', delta);
      expect(readOutputManifest(root, out, 'f2')).toBeUndefined();
      expect(readOutputManifest(root, out, 'f3')?.files.get('a/index.html')).toBe('h3');
      // A delta whose files are out of order (they are merged into the base's by order): not read.
      await writeOutputManifest(root, m('f4', 'h4'), readOutputManifest(root, out, 'f3'));
      const good = JSON.parse(readFileSync(baseFile + '.delta', 'utf8')) as { files: { set: string[][] } };
      good.files.set.push(['0/index.html', 'h0', '']);
      writeFileSync(baseFile + '.delta', JSON.stringify(good));
      expect(readOutputManifest(root, out, 'f4')).toBeUndefined();
      // Nor one that names a path outside the site.
      good.files.set = [['../outside.txt', 'h', '']];
      writeFileSync(baseFile + '.delta', JSON.stringify(good));
      expect(readOutputManifest(root, out, 'f4')).toBeUndefined();
      // Read, then its base replaced (by hand, or another tool): the next write is a whole base, not a delta over a file it did not read.
      await writeOutputManifest(root, m('f5', 'h5'));
      const read5 = readOutputManifest(root, out, 'f5')!;
      writeFileSync(baseFile, readFileSync(baseFile, 'utf8') + ' ');
      await writeOutputManifest(root, m('f6', 'h6'), read5);
      expect(existsSync(baseFile + '.delta')).toBe(false);
      expect(readOutputManifest(root, out, 'f6')?.files.get('a/index.html')).toBe('h6');
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
    const file = readdirSync(path.dirname(dir)).find((f) => f.startsWith(path.basename(dir) + '-outputs-') && f.endsWith('.json'))!;
    // The second build wrote what differs from the first's manifest, beside it: the spare is named there.
    const manifestPath = path.join(path.dirname(dir), file + '.delta');
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
