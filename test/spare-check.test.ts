/**
 * The spare's check after a build (src/incremental/spare-check.ts): a file removed by hand from the live
 * site is made again by the next build, and must not go missing again in the build after, when the
 * damaged folder has become the spare. The clean-up process drops a spare that is not the site it was
 * built as; an intact spare is kept, and the next build recycles it.
 */
import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { adjustDigest, dropDamagedSpare, folderDigest, isDigest, pathsDigest } from '../src/incremental/spare-check.ts';
import { build, recordedManifest, siteDiff } from './helpers/site-diff.ts';
import { makeGarden, tempDir } from './helpers/garden.ts';
import { until } from './helpers/until.ts';

function writeTree(root: string, rels: readonly string[]): void {
  for (const rel of rels) {
    mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    writeFileSync(path.join(root, rel), rel);
  }
}

describe('the digest of a folder', () => {
  const rels = ['index.html', 'a/index.html', 'a/b/index.html', '_search/docs-1.abc.json', 'naïve/index.html'];

  it('is the digest of its files, whatever their order, and changes with a file removed, added or renamed', () => {
    const dir = tempDir();
    writeTree(dir, rels);
    expect(folderDigest(dir)).toBe(pathsDigest(rels));
    expect(pathsDigest([...rels].reverse())).toBe(pathsDigest(rels));
    const digests = new Set([
      pathsDigest(rels),
      pathsDigest(rels.slice(1)),
      pathsDigest([...rels, 'c/index.html']),
      pathsDigest(rels.map((r) => (r === 'a/index.html' ? 'a/index.htm' : r))),
      // Two paths that swap a character between them: each hash changes, and the sums do too.
      pathsDigest(['ab', 'cd']),
      pathsDigest(['ad', 'cb']),
    ]);
    expect(digests.size).toBe(6);
  });

  it('of a set with paths added and taken out is the digest of the set that makes', () => {
    const more = ['c/index.html', 'd/e/index.html'];
    expect(adjustDigest(pathsDigest(rels), more, [])).toBe(pathsDigest([...rels, ...more]));
    expect(adjustDigest(pathsDigest(rels), [], rels.slice(0, 2))).toBe(pathsDigest(rels.slice(2)));
    expect(adjustDigest(pathsDigest(rels), more, ['a/index.html'])).toBe(pathsDigest([...rels.filter((r) => r !== 'a/index.html'), ...more]));
    // Every path out: the empty set's digest, whose sums wrapped around to zero.
    expect(adjustDigest(pathsDigest(rels), [], rels)).toBe(pathsDigest([]));
    // Not a digest, or more paths taken out than the set has: none.
    expect(adjustDigest('not a digest', more, [])).toBeUndefined();
    expect(adjustDigest(pathsDigest(['a']), [], ['a', 'b'])).toBeUndefined();
    expect([pathsDigest(rels), pathsDigest([])].every(isDigest)).toBe(true);
    expect([undefined, '', '1.2', '-1.0.0', '1.xyz.0', 42].some(isDigest)).toBe(false);
  });

  it('is undefined for a folder that is not there (a spare taken by a build meanwhile)', () => {
    expect(folderDigest(path.join(tempDir(), 'gone'))).toBeUndefined();
  });
});

describe('dropping a damaged spare', () => {
  it('keeps a spare holding exactly its files, and drops one missing a file or holding one more', () => {
    const work = tempDir();
    const spare = path.join(work, '.site-spare-0123456789ab');
    const rels = ['index.html', 'n1/index.html', 'n2/index.html'];
    writeTree(spare, rels);
    const check = { dir: spare, digest: pathsDigest(rels), trash: path.join(work, '.site-trash-0123456789ab') };
    expect(dropDamagedSpare(check)).toBe(false);
    expect(existsSync(spare)).toBe(true);

    writeFileSync(path.join(spare, 'n1/extra.txt'), 'added by hand');
    expect(dropDamagedSpare(check)).toBe(true);
    expect(existsSync(spare)).toBe(false);
    expect(existsSync(check.trash)).toBe(false);

    writeTree(spare, rels);
    rmSync(path.join(spare, 'n2/index.html'));
    expect(dropDamagedSpare(check)).toBe(true);
    expect(existsSync(spare)).toBe(false);
  });
});

describe("the output manifest's digest, through the CLI", () => {
  it('is the digest of its files after builds that add, remove and change pages, each written as a delta', () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 12; i++) files[`N${i}.md`] = `# N${i}\n\nAbout [[N${(i + 1) % 12}]].\n`;
    const garden = makeGarden(files);
    const work = tempDir();
    const [out, cache] = [path.join(work, 'site'), path.join(work, 'cache')];
    const digestMatches = () => {
      const m = recordedManifest(garden, out, cache)!;
      expect(m.digest).toBeDefined();
      expect(m.digest).toBe(pathsDigest(m.files.keys()));
      return m.digest;
    };
    build(garden, out, cache);
    const first = digestMatches();
    writeFileSync(path.join(garden, 'New note.md'), '# New note\n\nSee [[N1]].\n');
    build(garden, out, cache);
    const added = digestMatches();
    rmSync(path.join(garden, 'N5.md'));
    build(garden, out, cache);
    const removed = digestMatches();
    writeFileSync(path.join(garden, 'N2.md'), '# N2\n\nOther text, same links: [[N3]].\n');
    build(garden, out, cache);
    const edited = digestMatches();
    // A page added or removed, or a search file named by its new content: other paths, another digest.
    expect(new Set([first, added, removed, edited]).size).toBe(4);
    // Each of these builds wrote a delta over the first build's base, whose digest was made from its paths.
    expect(readdirSync(cache).some((f) => f.endsWith('.json.delta'))).toBe(true);
  }, 120_000);
});

describe('a file removed by hand from the live site, through the CLI', () => {
  it('is made again, and stays there in the builds after, when the damaged site has become the spare', async () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 30; i++) files[`N${i}.md`] = `# N${i}\n\nAbout [[N${(i + 1) % 30}]] and search words ${i}.\n`;
    const garden = makeGarden(files);
    const work = tempDir();
    const out = path.join(work, 'site');
    const cache = path.join(work, 'cache');
    const edit = (i: number, text: string) => writeFileSync(path.join(garden, `N${i}.md`), `# N${i}\n\nAbout [[N${(i + 1) % 30}]] and ${text}.\n`);
    const cleanedUp = () => readdirSync(work).every((f) => !f.includes('-trash-') && !f.includes('-replaced-'));
    build(garden, out, cache);
    edit(1, 'a first edit');
    build(garden, out, cache);
    await until(cleanedUp);
    // The live site's spare is whole: the clean-up after the build kept it.
    const spare = recordedManifest(garden, out, cache)!.spare!.dir;
    expect(existsSync(spare)).toBe(true);

    // Removed by hand from the live site: a page and its data, which no text edit below reaches.
    const page = 'n20/index.html';
    const data = readdirSync(path.join(out, 'n20')).find((f) => f.endsWith('.json'))!;
    expect(existsSync(path.join(out, page))).toBe(true);
    rmSync(path.join(out, page));
    rmSync(path.join(out, 'n20', data));

    // The next build starts from the spare (whole): the site has them again. The damaged site is now the spare.
    edit(2, 'a second edit');
    build(garden, out, cache);
    expect(existsSync(path.join(out, page))).toBe(true);
    const damaged = recordedManifest(garden, out, cache)!.spare!.dir;
    // The clean-up drops it (it lacks the files removed by hand), before it removes the folders of the build.
    await until(cleanedUp);
    expect(existsSync(damaged)).toBe(false);

    // The build after must not take the damaged folder for the site: every file is there, as a cold build makes them.
    edit(3, 'a third edit');
    build(garden, out, cache);
    expect(existsSync(path.join(out, page))).toBe(true);
    expect(existsSync(path.join(out, 'n20', data))).toBe(true);
    const cold = path.join(work, 'cold');
    build(garden, cold, path.join(work, 'cold-cache'), true);
    expect(siteDiff(out, cold)).toEqual([]);
  }, 180_000);
});
