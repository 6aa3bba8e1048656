/**
 * The spare site (src/incremental/link-previous.ts, `recycleSpare`): the site the previous build
 * replaced becomes the next staging folder, with only the files it differs in linked again from
 * the live site; a spare that differs in most files is left for a fresh staging folder of links.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { emptyManifest, type OutputManifest } from '../src/incremental/output-manifest.ts';
import { recycleSpare } from '../src/incremental/link-previous.ts';
import { tempDir } from './helpers/garden.ts';

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
    files: Object.fromEntries(pages.map((p) => [p, `hash of new ${p}`])),
    spare: { dir: spare, differs: [...pages.slice(0, changed), 'gone/index.html'] },
  };
  return { out, spare, manifest, pages };
}

describe('recycling the spare site', () => {
  it('becomes the live site: the files it differed in are linked from the live site, the others kept, the removed page and its folder gone', async () => {
    const { out, spare, manifest, pages } = setUp(200, 75);
    const staging = `${spare}-staging`;
    const linked = await recycleSpare(out, staging, manifest);
    expect(linked).toBeDefined();
    expect(existsSync(spare)).toBe(false);
    expect([...linked!.files].sort()).toEqual([...pages].sort());
    for (const p of pages) expect(readFileSync(path.join(staging, p), 'utf8')).toBe(`new ${p}`);
    // A differing file is the live site's own (a hard link), not a copy.
    expect(statSync(path.join(staging, pages[0]!)).ino).toBe(statSync(path.join(out, pages[0]!)).ino);
    expect(existsSync(path.join(staging, 'gone'))).toBe(false);
  });

  it('is not taken when it differs in more than half the files: linking the whole site costs less', async () => {
    const { out, spare, manifest } = setUp(40, 30);
    const staging = `${spare}-staging`;
    expect(await recycleSpare(out, staging, manifest)).toBeUndefined();
    expect(existsSync(staging)).toBe(false);
    // Left where it is, for the build's clean-up (remove-later.ts removes spares no manifest names).
    expect(existsSync(spare)).toBe(true);
  });

  it('is dropped when it is not what its record says (a folder where a differing file was): staging removed, the build links the whole site', async () => {
    const { out, spare, manifest } = setUp(40, 5);
    rmSync(path.join(spare, 'n0/index.html'));
    mkdirSync(path.join(spare, 'n0/index.html'));
    const staging = `${spare}-staging`;
    expect(await recycleSpare(out, staging, manifest)).toBeUndefined();
    expect(existsSync(staging)).toBe(false);
  });
});
