/**
 * Rename and Create in `trellis dev`, over real HTTP against a dev server on a
 * temporary garden: a rename never replaces another note (case-only renames
 * included), rewrites links in frontmatter as well as in the body and reports
 * the links its new name makes ambiguous; New note refuses names Obsidian
 * refuses, and Create on a link writes exactly the note the link reaches, or
 * nothing.
 */
import { existsSync, linkSync, mkdirSync, readdirSync, readFileSync, rmdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDev, type DevServer } from '../src/dev/index.ts';
import { freePort } from './helpers/free-port.ts';
import { moveNoReplace, DestinationExistsError } from '../src/dev/move-no-replace.ts';
import { makeGarden, tempDir } from './helpers/garden.ts';

let dev: DevServer;
let root: string;

const frontmatterNote = `---
title: "Frontmatter links"  # keep this comment
related: "[[Tail Latency]]"
up: ["[[Tail Latency]]", "[[Other Note]]"]
see: '[[Tail Latency#Causes|the causes]]'
plain: see [[Tail Latency]] here
nested:
  - "[[tail latency]]"
  - 'It''s [[Tail Latency]]'
text: Tail Latency without brackets
summary: |
  Read [[Tail Latency]] first.
tags: [perf,  latency]
---
Body links [[Tail Latency]].
`;

beforeAll(async () => {
  root = makeGarden({
    'case/case test.md': '# lower\n\nlower text\n',
    'case/Case Test.md': '# upper\n\nupper text\n',
    'case/lone note.md': '# Lone\n',
    'case/Links.md': 'See [[lone note]] and [[case/lone note|alias]].\n',
    'taken/Alpha.md': '# Alpha\n',
    'taken/Beta.md': '# Beta\n',
    'taken/Refs.md': 'Links [[Alpha]] and [[Beta]].\n',
    'fm/Tail Latency.md': '---\nself: "[[Tail Latency#Causes]]"\n---\n# Tail latency\n\n## Causes\n\nQueues. See [[#Causes]] and [[Tail Latency#Causes]].\n',
    'fm/Frontmatter.md': frontmatterNote,
    'amb/Home.md': '---\nup: "[[Index]]"\n---\nStart at [[Index]], then [[Index#Top|the top]] and [[Draft]].\n',
    'amb/x/Index.md': '# Top\n',
    'amb/y/Draft.md': '# Draft\n',
    'create/Home.md': 'Read [[What is Fencing?]], [[Quorum Read]], [[./Sibling]] and [[create/sub/Deep Note]].\n',
  });
  dev = await startDev({ garden: root, port: await freePort(), settleMs: 50, quiet: true });
}, 120_000);

afterAll(async () => {
  await dev?.close();
});

/** POST to the editor API; `json` is whatever the server answered, read by each test as it expects. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
async function post(route: string, body: unknown): Promise<{ status: number; json: any }> {
  const res = await fetch(`${dev.url}_trellis/api/${route}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return { status: res.status, json: await res.json() };
}

const read = (rel: string) => readFileSync(path.join(root, rel), 'utf8');
const list = (dir: string) => readdirSync(path.join(root, dir)).sort();

describe('rename never overwrites', () => {
  it('refuses a case-only rename onto another existing note (case-sensitive file system) and changes nothing', async () => {
    const r = await post('rename', { from: 'case/case test.md', to: 'case/Case Test.md' });
    expect(r.status).toBe(409);
    expect(r.json.error).toBe('case/Case Test.md already exists; a rename never replaces another note');
    expect(read('case/case test.md')).toBe('# lower\n\nlower text\n');
    expect(read('case/Case Test.md')).toBe('# upper\n\nupper text\n');
  });

  it('refuses a rename onto another existing note and rewrites no link', async () => {
    const r = await post('rename', { from: 'taken/Alpha.md', to: 'taken/Beta.md' });
    expect(r.status).toBe(409);
    expect(r.json.error).toBe('taken/Beta.md already exists; a rename never replaces another note');
    expect(read('taken/Alpha.md')).toBe('# Alpha\n');
    expect(read('taken/Beta.md')).toBe('# Beta\n');
    expect(read('taken/Refs.md')).toBe('Links [[Alpha]] and [[Beta]].\n');
  });

  it('refuses a destination the garden does not know as a note (the move itself is exclusive, not a check before it)', async () => {
    mkdirSync(path.join(root, 'taken/Folder.md'));
    const r = await post('rename', { from: 'taken/Alpha.md', to: 'taken/Folder.md' });
    expect(r.status).toBe(409);
    expect(r.json.error).toBe('taken/Folder.md already exists; a rename never replaces another note');
    expect(read('taken/Alpha.md')).toBe('# Alpha\n');
    expect(read('taken/Refs.md')).toBe('Links [[Alpha]] and [[Beta]].\n');
    rmdirSync(path.join(root, 'taken/Folder.md'));
  });

  it('refuses a path that differs only in case from another note, which links could not tell apart', async () => {
    const r = await post('rename', { from: 'taken/Alpha.md', to: 'taken/beta.md' });
    expect(r.status).toBe(409);
    expect(r.json.error).toBe('taken/Beta.md exists, and links compare paths without case; a rename never replaces another note');
    expect(list('taken')).toEqual(['Alpha.md', 'Beta.md', 'Refs.md']);
  });

  it('renames a single note whose name changes only in case, and rewrites its links', async () => {
    const r = await post('rename', { from: 'case/lone note.md', to: 'case/Lone Note.md' });
    expect(r.status, JSON.stringify(r.json)).toBe(200);
    expect(r.json.path).toBe('case/Lone Note.md');
    expect(list('case')).toEqual(['Case Test.md', 'Links.md', 'Lone Note.md', 'case test.md']);
    expect(read('case/Lone Note.md')).toBe('# Lone\n');
    expect(read('case/Links.md')).toBe('See [[Lone Note]] and [[Lone Note|alias]].\n');
  });

  it('refuses names Obsidian refuses, and a rename to the same path', async () => {
    const bad = await post('rename', { from: 'taken/Alpha.md', to: 'taken/Alpha?.md' });
    expect(bad.status).toBe(400);
    expect(bad.json.error).toContain('* " \\ / < > : | ?');
    const hash = await post('rename', { from: 'taken/Alpha.md', to: 'taken/C# notes.md' });
    expect(hash.status).toBe(400);
    expect(hash.json.error).toContain('# ^ [ ] |');
    expect((await post('rename', { from: 'taken/Alpha.md', to: 'taken/Alpha.md' })).status).toBe(400);
    expect(list('taken')).toEqual(['Alpha.md', 'Beta.md', 'Refs.md']);
  });
});

describe('rename rewrites frontmatter links and reports new ambiguity', () => {
  it('rewrites links in frontmatter strings and lists, keeping the YAML valid and everything else byte-identical', async () => {
    const r = await post('rename', { from: 'fm/Tail Latency.md', to: 'fm/P99 Tail Latency.md' });
    expect(r.status, JSON.stringify(r.json)).toBe(200);
    expect(r.json.changed.sort()).toEqual(['fm/Frontmatter.md', 'fm/P99 Tail Latency.md']);
    // The renamed note's own links, in its frontmatter and body, follow it; `[[#Causes]]` needs no name.
    expect(read('fm/P99 Tail Latency.md')).toBe(
      '---\nself: "[[P99 Tail Latency#Causes]]"\n---\n# Tail latency\n\n## Causes\n\nQueues. See [[#Causes]] and [[P99 Tail Latency#Causes]].\n',
    );
    expect(existsSync(path.join(root, 'fm/Tail Latency.md'))).toBe(false);
    expect(read('fm/Frontmatter.md')).toBe(`---
title: "Frontmatter links"  # keep this comment
related: "[[P99 Tail Latency]]"
up: ["[[P99 Tail Latency]]", "[[Other Note]]"]
see: '[[P99 Tail Latency#Causes|the causes]]'
plain: see [[P99 Tail Latency]] here
nested:
  - "[[P99 Tail Latency]]"
  - 'It''s [[P99 Tail Latency]]'
text: Tail Latency without brackets
summary: |
  Read [[P99 Tail Latency]] first.
tags: [perf,  latency]
---
Body links [[P99 Tail Latency]].
`);
    const yaml = read('fm/Frontmatter.md').split('---\n')[1]!;
    expect(parseYaml(yaml)).toEqual({
      title: 'Frontmatter links',
      related: '[[P99 Tail Latency]]',
      up: ['[[P99 Tail Latency]]', '[[Other Note]]'],
      see: '[[P99 Tail Latency#Causes|the causes]]',
      plain: 'see [[P99 Tail Latency]] here',
      nested: ['[[P99 Tail Latency]]', "It's [[P99 Tail Latency]]"],
      text: 'Tail Latency without brackets',
      summary: 'Read [[P99 Tail Latency]] first.\n',
      tags: ['perf', 'latency'],
    });
  });

  it('reports the links that the new name makes ambiguous, with their position', async () => {
    const r = await post('rename', { from: 'amb/y/Draft.md', to: 'amb/y/Index.md' });
    expect(r.status, JSON.stringify(r.json)).toBe(200);
    expect(r.json.changed).toEqual(['amb/Home.md']);
    expect(read('amb/Home.md')).toBe('---\nup: "[[Index]]"\n---\nStart at [[Index]], then [[Index#Top|the top]] and [[amb/y/Index]].\n');
    expect(r.json.ambiguous).toEqual([
      { file: 'amb/Home.md', line: 2, column: 6, link: '[[Index]]' },
      { file: 'amb/Home.md', line: 4, column: 10, link: '[[Index]]' },
      { file: 'amb/Home.md', line: 4, column: 26, link: '[[Index#Top|the top]]' },
    ]);
  });

  it('reports nothing ambiguous when the new name is unique', async () => {
    const r = await post('rename', { from: 'taken/Beta.md', to: 'taken/Gamma.md' });
    expect(r.status).toBe(200);
    expect(r.json.ambiguous).toEqual([]);
    expect(read('taken/Refs.md')).toBe('Links [[Alpha]] and [[Gamma]].\n');
  });
});

describe('New note', () => {
  it('refuses titles with characters Obsidian forbids in file names, listing them, and writes nothing', async () => {
    const before = list('.');
    const r = await post('note', { title: 'What is Fencing?' });
    expect(r.status).toBe(400);
    expect(r.json.error).toBe(
      'Cannot create “What is Fencing?”: a note name cannot contain any of * " \\ / < > : | ? (Obsidian refuses them in file names); it contains ?',
    );
    expect(list('.')).toEqual(before);
  });

  it('refuses `.`, `..`, names starting with a dot, empty titles and names over 255 bytes', async () => {
    const before = list('.');
    for (const title of ['..', '.', '.hidden', '   ', '', 'a'.repeat(253), 'é'.repeat(127), 'C# tips', 'a|b', 'line\nbreak', 'tab\there']) {
      const r = await post('note', { title });
      expect(r.status, title).toBe(400);
      expect(typeof r.json.error).toBe('string');
    }
    expect(list('.')).toEqual(before);
    const longest = 'b'.repeat(252);
    const ok = await post('note', { title: longest });
    expect(ok.status).toBe(201);
    expect(existsSync(path.join(root, `${longest}.md`))).toBe(true);
    // The longest name is also saved (the atomic write's temporary name must not be longer than it).
    const current = await (await fetch(`${dev.url}_trellis/api/note?path=${encodeURIComponent(`${longest}.md`)}`)).json();
    const put = await fetch(`${dev.url}_trellis/api/note`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ path: `${longest}.md`, text: 'edited\n', baseHash: current.hash }),
    });
    expect(put.status, await put.clone().text()).toBe(200);
    expect(read(`${longest}.md`)).toBe('edited\n');
  });
});

describe('Create on an unresolved link', () => {
  const create = (link: string, from = 'create/Home.md') => post('note', { link, from });

  it('refuses a target with a character Obsidian forbids, saying to rename the link, and writes nothing', async () => {
    const before = list('.');
    const r = await create('What is Fencing?');
    expect(r.status).toBe(400);
    expect(r.json.error).toBe(
      'Cannot create a note for “What is Fencing?”: a note name cannot contain any of * " \\ / < > : | ? (Obsidian refuses them in file names); it contains ?; rename the link',
    );
    expect(list('.')).toEqual(before);
    expect(list('create')).toEqual(['Home.md']);
  });

  it('creates exactly the note the link reaches: by name at the root, by path, relative to the linking note', async () => {
    const byName = await create('Quorum Read');
    expect(byName.status, JSON.stringify(byName.json)).toBe(201);
    expect(byName.json.path).toBe('Quorum Read.md');
    expect(read('Quorum Read.md')).toContain('# Quorum Read');
    const relative = await create('./Sibling');
    expect(relative.json.path).toBe('create/Sibling.md');
    const byPath = await create('create/sub/Deep Note');
    expect(byPath.json.path).toBe('create/sub/Deep Note.md');
    const odd = await create("Tom's notes & more!");
    expect(odd.json.path).toBe("Tom's notes & more!.md");
    // Each link of the linking note now resolves to the created note: it shows in that note's backlinks.
    for (const url of ['/quorum-read/', '/create/sibling/', '/create/sub/deep-note/']) {
      const data = (await (await fetch(`${dev.url.slice(0, -1)}${url}index.json`)).json()) as { backlinks: { source: string }[] };
      expect(
        data.backlinks.map((b) => b.source),
        url,
      ).toEqual(['create/Home']);
    }
  });

  it('refuses a link that already resolves, an attachment target, and a path above the garden', async () => {
    const again = await create('quorum read');
    expect(again.status).toBe(409);
    expect(again.json.error).toBe('“quorum read” already resolves to Quorum Read.md');
    expect(existsSync(path.join(root, 'quorum read.md'))).toBe(false);
    const twin = await post('note', { title: 'quorum read' });
    expect(twin.status).toBe(409);
    expect(twin.json.error).toBe('a note named Quorum Read.md exists (names are compared without case)');
    expect(existsSync(path.join(root, 'quorum read.md'))).toBe(false);
    const image = await create('diagram.png');
    expect(image.status).toBe(400);
    expect(image.json.error).toBe('Cannot create a note for “diagram.png”: the link names an attachment (.png), not a note');
    const above = await create('../../Outside');
    expect(above.status).toBe(400);
    expect(above.json.error).toBe('Cannot create a note for “../../Outside”: the path climbs above the garden');
  });
});

describe('moveNoReplace', () => {
  it('moves a file, keeping its inode, and creates the folder', async () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'a.md'), 'A');
    const inode = statSync(path.join(dir, 'a.md')).ino;
    await moveNoReplace(path.join(dir, 'a.md'), path.join(dir, 'sub/b.md'));
    expect(readdirSync(dir)).toEqual(['sub']);
    expect(readFileSync(path.join(dir, 'sub/b.md'), 'utf8')).toBe('A');
    expect(statSync(path.join(dir, 'sub/b.md')).ino).toBe(inode);
  });

  it('refuses an existing destination by itself, with no check before it, and changes nothing', async () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'a.md'), 'A');
    writeFileSync(path.join(dir, 'b.md'), 'B');
    await expect(moveNoReplace(path.join(dir, 'a.md'), path.join(dir, 'b.md'))).rejects.toBeInstanceOf(DestinationExistsError);
    expect(readFileSync(path.join(dir, 'a.md'), 'utf8')).toBe('A');
    expect(readFileSync(path.join(dir, 'b.md'), 'utf8')).toBe('B');
  });

  it('when the destination is the same file under another name, goes through a temporary name and puts everything back if it cannot finish', async () => {
    // What a case-insensitive disk shows for `a.md` -> `A.md`; here a hard link makes the same situation on Linux,
    // where the final link then fails because the other name really exists.
    const dir = tempDir();
    writeFileSync(path.join(dir, 'a.md'), 'A');
    linkSync(path.join(dir, 'a.md'), path.join(dir, 'twin.md'));
    await expect(moveNoReplace(path.join(dir, 'a.md'), path.join(dir, 'twin.md'))).rejects.toBeInstanceOf(DestinationExistsError);
    expect(readdirSync(dir).sort()).toEqual(['a.md', 'twin.md']);
    expect(readFileSync(path.join(dir, 'a.md'), 'utf8')).toBe('A');
  });
});
