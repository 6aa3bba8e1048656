/**
 * The sidebar explorer's data in a real build (bin/trellis.js) of a garden of
 * 300 notes in 30 folders: no page carries the tree (a note's page names no
 * note of another folder), each folder's listing holds exactly its own
 * children, the names file every note, and the files do not depend on the
 * order notes arrive in.
 */
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { explorerFiles } from '../src/emit/explorer-files.ts';
import { explorerFile, unpackUrl, type ExplorerNames, type FolderListing } from '../src/shared/explorer-data.ts';
import { makeGarden } from './helpers/garden.ts';
import { buildGarden } from '../src/build.ts';
import { buildWithCli } from './helpers/publish-garden.ts';

const folders = Array.from({ length: 10 }, (_, f) => `Folder ${f}`);
const title = (f: number, s: number, n: number) => `Leaf${f}x${s}x${n}`;

let out: string;

beforeAll(() => {
  const files: Record<string, string> = { 'Home.md': '# Home\n\nA garden of many folders.\n' };
  for (let f = 0; f < 10; f++)
    for (let s = 0; s < 3; s++) for (let n = 0; n < 10; n++) files[`Folder ${f}/Sub ${s}/${title(f, s, n)}.md`] = `# ${title(f, s, n)}\n\nPlain text.\n`;
  const built = buildWithCli(makeGarden(files));
  if (built.status !== 0) throw new Error(`build failed: ${built.stderr}`);
  out = built.out;
}, 300_000);

const read = async <T>(site: string): Promise<T> => JSON.parse(await readFile(path.join(out, site), 'utf8')) as T;

describe('explorer data in a build', () => {
  it('keeps the tree out of every note page: a page names no note of another folder', async () => {
    for (const f of [0, 4, 9]) {
      const html = await readFile(path.join(out, `folder-${f}/sub-1/${title(f, 1, 3).toLowerCase()}/index.html`), 'utf8');
      expect(html).toContain(`<h1 class="note-title" tabindex="-1">${title(f, 1, 3)}</h1>`);
      const others = [];
      for (let g = 0; g < 10; g++)
        for (let s = 0; s < 3; s++) for (let n = 0; n < 10; n++) if (g !== f && html.includes(title(g, s, n))) others.push(title(g, s, n));
      expect(others).toEqual([]);
      // Not even its own folder's other notes: the tree is loaded, not inlined.
      expect(html).not.toContain(title(f, 1, 4));
    }
    const home = await readFile(path.join(out, 'index.html'), 'utf8');
    expect(home).not.toContain('Leaf');
    // The folder tree page, the fallback without JavaScript, starts with every folder closed.
    const tree = await readFile(path.join(out, 'explorer/index.html'), 'utf8');
    expect(tree.match(/<details>/g)?.length).toBe(40);
    expect(tree).not.toContain('<details open');
  });

  it('writes one small listing per folder with exactly its children, and every name once', async () => {
    const root = await read<FolderListing>(explorerFile(''));
    expect(root).toEqual({ d: folders.map((name) => [name, 30]), n: [['Home', '/']] });
    const sub = await read<FolderListing>(explorerFile('Folder 7/Sub 2'));
    expect(sub.d).toEqual([]);
    expect(sub.n.map(([t, url]) => [t, unpackUrl(url, 'Folder 7/Sub 2')])).toEqual(
      Array.from({ length: 10 }, (_, n) => [title(7, 2, n), `/folder-7/sub-2/${title(7, 2, n).toLowerCase()}/`]),
    );
    const files = await readdir(path.join(out, '_explorer'));
    // The root, 10 folders, 30 sub-folders, and the names.
    expect(files.length).toBe(1 + 10 + 30 + 1);
    const names = await read<ExplorerNames>('_explorer/names.json');
    expect(names.n.length).toBe(301);
    expect(names.d.length).toBe(41);
    expect(new Set(names.n.map(([, t]) => t)).size).toBe(301);
    // Each folder page's data is small: what a reader opening one folder loads.
    const sizes = await Promise.all(files.filter((f) => f !== 'names.json').map(async (f) => (await readFile(path.join(out, '_explorer', f))).length));
    expect(Math.max(...sizes)).toBeLessThan(1024);
  });

  it('gives the same bytes whatever order the notes come in', () => {
    const notes = Array.from({ length: 60 }, (_, i) => ({ id: `F${i % 4}/G${i % 3}/N ${i}`, title: `N ${i}`, url: `/f${i % 4}/g${i % 3}/n-${i}/` }));
    const shuffled = [...notes].sort(
      (a, b) => ((a.title.length * 7 + a.title.charCodeAt(2)) % 11) - ((b.title.length * 7 + b.title.charCodeAt(2)) % 11) || (a.id < b.id ? 1 : -1),
    );
    expect([...explorerFiles(shuffled)].sort()).toEqual([...explorerFiles(notes)].sort());
    expect(explorerFiles(notes).get('_explorer/root.json')).toBe('{"d":[["F0",15],["F1",15],["F2",15],["F3",15]],"n":[]}');
  });

  it('keeps its folder to itself: a note whose permalink would land in it is published beside it', async () => {
    const garden = makeGarden({ 'Data.md': '---\npermalink: _explorer/root.json\n---\n# Data\n' });
    const model = await buildGarden({ garden, noCache: true, layout: false, threads: 1 });
    expect(model.notes.map((n) => n.url)).toEqual(['/_explorer-note/root.json/']);
    expect(model.diagnostics.map((d) => d.ruleId)).toContain('reserved-url');
  });
});
