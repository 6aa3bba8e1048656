/**
 * The spare site (src/incremental/link-previous.ts, `recycleSpare`): the site the previous build
 * replaced becomes the next staging folder, with only the files it differs in linked again from
 * the live site; a spare that differs in most files is left for a fresh staging folder of links.
 * Each case runs with the relinking on the builder's thread and on a worker thread (relink-worker.ts),
 * as a spare differing in few or many files is.
 */
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { emptyManifest, type OutputManifest } from '../src/incremental/output-manifest.ts';
import { linkPreviousSite, recycleSpare, relinkWorkerMin } from '../src/incremental/link-previous.ts';
import { build, recordedManifest, siteDiff } from './helpers/site-diff.ts';
import { removeLater } from '../src/incremental/remove-later.ts';
import { makeGarden, tempDir } from './helpers/garden.ts';
import { until } from './helpers/until.ts';

function writeTree(root: string, files: Record<string, string>): void {
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    writeFileSync(path.join(root, rel), text);
  }
}

/** A live site of `count` pages and a spare that is the same site but for `changed` pages (and an old page since removed). */
function setUp(count: number, changed: number): { out: string; spare: string; manifest: OutputManifest; pages: string[] } {
  const work = tempDir();
  const out = path.join(work, 'site');
  const spare = path.join(work, '.site-spare-0123456789ab');
  const pages = Array.from({ length: count }, (_, i) => `n${i}/index.html`);
  writeTree(out, Object.fromEntries(pages.map((p) => [p, `new ${p}`])));
  writeTree(spare, { ...Object.fromEntries(pages.map((p, i) => [p, i < changed ? `old ${p}` : `new ${p}`])), 'gone/index.html': 'old gone' });
  const manifest: OutputManifest = {
    ...emptyManifest(out),
    files: new Map(pages.map((p) => [p, `hash of new ${p}`])),
    spare: { dir: spare, differs: [...pages.slice(0, changed), 'gone/index.html'] },
  };
  return { out, spare, manifest, pages };
}

for (const [where, workerMin] of [
  ["on the builder's thread", Infinity],
  ['on a worker thread', 0],
] as const)
  describe(`recycling the spare site, relinked ${where}`, () => {
    it('becomes the live site: the files it differed in are linked from the live site, the others kept, the removed page and its folder gone', async () => {
      const { out, spare, manifest, pages } = setUp(200, 75);
      const staging = `${spare}-staging`;
      const linked = await recycleSpare(out, staging, manifest, workerMin);
      expect(linked).toBeDefined();
      expect(existsSync(spare)).toBe(false);
      // Every file of the manifest is in staging: none gone.
      expect([...linked!.gone]).toEqual([]);
      for (const p of pages) expect(readFileSync(path.join(staging, p), 'utf8')).toBe(`new ${p}`);
      // A differing file is the live site's own (a hard link), not a copy.
      expect(statSync(path.join(staging, pages[0]!)).ino).toBe(statSync(path.join(out, pages[0]!)).ino);
      expect(existsSync(path.join(staging, 'gone'))).toBe(false);
      // The older files are not freed on the build's path: they wait in a trash folder beside the site, for remove-later.ts.
      const trash = readdirSync(path.dirname(out)).filter((f) => f.startsWith('.site-trash-'));
      expect(trash).toHaveLength(1);
      const thrown = readdirSync(path.join(path.dirname(out), trash[0]!)).map((f) => readFileSync(path.join(path.dirname(out), trash[0]!, f), 'utf8'));
      expect(thrown.sort()).toEqual(['old gone', ...pages.slice(0, 75).map((p) => `old ${p}`)].sort());
    });

    it('goes, with its trash, in the clean-up after the build', async () => {
      const { out, spare, manifest } = setUp(20, 5);
      const staging = `${spare}-staging`;
      expect(await recycleSpare(out, staging, manifest, workerMin)).toBeDefined();
      const beside = () => readdirSync(path.dirname(out)).filter((f) => f.includes('-trash-'));
      expect(beside()).toHaveLength(1);
      removeLater(undefined, out);
      await until(() => beside().length === 0);
      expect(existsSync(path.join(out, 'n0/index.html'))).toBe(true);
    });

    it('is made right where a differing file became a folder: the folder goes to the trash', async () => {
      const { out, spare, manifest } = setUp(40, 5);
      rmSync(path.join(spare, 'n0/index.html'));
      mkdirSync(path.join(spare, 'n0/index.html'));
      writeFileSync(path.join(spare, 'n0/index.html/stray'), 'stray');
      const staging = `${spare}-staging`;
      expect(await recycleSpare(out, staging, manifest, workerMin)).toBeDefined();
      expect(readFileSync(path.join(staging, 'n0/index.html'), 'utf8')).toBe('new n0/index.html');
    });

    it('is not taken when it differs in more than half the files: linking the whole site costs less', async () => {
      const { out, spare, manifest } = setUp(40, 30);
      const staging = `${spare}-staging`;
      expect(await recycleSpare(out, staging, manifest, workerMin)).toBeUndefined();
      expect(existsSync(staging)).toBe(false);
      // Left where it is, for the build's clean-up (remove-later.ts removes spares no manifest names).
      expect(existsSync(spare)).toBe(true);
    });

    it('is dropped when it is not what its record says (a file where a folder was): staging removed, the build links the whole site', async () => {
      const { out, spare, manifest } = setUp(40, 5);
      rmSync(path.join(spare, 'n0'), { recursive: true });
      writeFileSync(path.join(spare, 'n0'), 'not a folder');
      const staging = `${spare}-staging`;
      expect(await recycleSpare(out, staging, manifest, workerMin)).toBeUndefined();
      expect(existsSync(staging)).toBe(false);
    });

    it('removes every folder only the older site had, deepest first, and keeps those that still hold files', async () => {
      const work = tempDir();
      const out = path.join(work, 'site');
      const spare = path.join(work, '.site-spare-0123456789ab');
      // The live site: a search shard and a topic page left beside the folders the older site had alone.
      const pages = Object.fromEntries(Array.from({ length: 10 }, (_, i) => [`n${i}/index.html`, `n${i}`]));
      const live = { ...pages, '_search/s-new.json': 'new shard', 'topics/index.html': 'topics' };
      writeTree(out, live);
      // The older site: a shard since replaced, a nested folder of shards gone, a topic with its subtopic gone.
      const older = {
        '_search/s-old.json': 'old shard',
        '_search/deep/er/s.json': 'deep',
        'topics/gone/sub/index.html': 'sub',
        'topics/gone/index.html': 'gone',
      };
      writeTree(spare, { ...live, ...older });
      const manifest: OutputManifest = {
        ...emptyManifest(out),
        files: new Map(Object.keys(live).map((rel) => [rel, `hash of ${rel}`])),
        spare: { dir: spare, differs: Object.keys(older) },
      };
      const staging = `${spare}-staging`;
      expect(await recycleSpare(out, staging, manifest, workerMin)).toBeDefined();
      const folders = (dir: string): string[] =>
        readdirSync(dir, { recursive: true, withFileTypes: true })
          .filter((e) => e.isDirectory())
          .map((e) => path.relative(dir, path.join(e.parentPath, e.name)))
          .sort();
      expect(folders(staging)).toEqual(['_search', ...Object.keys(pages).map((p) => path.dirname(p)), 'topics'].sort());
      for (const [rel, text] of Object.entries(live)) expect(readFileSync(path.join(staging, rel), 'utf8')).toBe(text);
    });
  });

describe('a spare relinked on its worker, through the CLI', () => {
  it('after a build that changed more files than relinkWorkerMin, the next build still equals a cold one', () => {
    const files: Record<string, string> = { 'trellis.config.yaml': 'title: Spares\n' };
    for (let i = 0; i < 120; i++) files[`N${i}.md`] = `# N${i}\n\nAbout [[N${(i + 1) % 120}]].\n`;
    const garden = makeGarden(files);
    const work = tempDir();
    const out = path.join(work, 'site');
    const cache = path.join(work, 'cache');
    build(garden, out, cache);
    // Text of many notes: their pages and data change, so the spare the next build takes differs in more files than the threshold.
    for (let i = 0; i < 80; i++) writeFileSync(path.join(garden, `N${i}.md`), `# N${i}\n\nAbout [[N${(i + 1) % 120}]], edited.\n`);
    build(garden, out, cache);
    const spare = recordedManifest(garden, out, cache)!.spare;
    expect(spare!.differs.length).toBeGreaterThanOrEqual(relinkWorkerMin);
    writeFileSync(path.join(garden, 'N100.md'), '# N100\n\nNow about [[N3]] and N7.\n');
    build(garden, out, cache);
    const cold = path.join(work, 'cold');
    build(garden, cold, path.join(work, 'cold-cache'), true);
    expect(siteDiff(out, cold)).toEqual([]);
  }, 180_000);
});

for (const [where, workerMin] of [
  ["on the builder's thread", Infinity],
  ['on a worker thread', 0],
] as const)
  describe(`a whole site linked into an empty staging folder ${where}`, () => {
    it('links every file of the manifest still in the site, folders first, and names those gone from it', async () => {
      const work = tempDir();
      const out = path.join(work, 'site');
      const pages = Array.from({ length: 30 }, (_, i) => `t${i % 3}/n${i}/index.html`);
      writeTree(out, Object.fromEntries(pages.map((p) => [p, `page ${p}`])));
      const manifest: OutputManifest = {
        ...emptyManifest(out),
        // One file the site had when built and that was removed by hand since.
        files: new Map([...pages, 'removed/index.html'].map((p) => [p, `hash of ${p}`])),
      };
      const staging = path.join(work, '.site-staging-abcdef');
      mkdirSync(staging);
      const linked = await linkPreviousSite(out, staging, manifest, workerMin);
      expect([...linked.gone]).toEqual(['removed/index.html']);
      for (const p of pages) expect(statSync(path.join(staging, p)).ino).toBe(statSync(path.join(out, p)).ino);
      expect(linked.dirs.has(path.join(staging, 't1/n4'))).toBe(true);
      expect(linked.dirs.has(path.join(staging, 't1'))).toBe(true);
    });
  });
