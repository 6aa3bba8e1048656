/**
 * Property: random sequences of changes to a garden (edits, link changes, embeds, creates,
 * renames, deletes, publish flips, attachment and configuration changes, canvases, bases and
 * Obsidian's excluded files), each followed by
 * `trellis build` through the real CLI over the previous site, give byte for byte the site a cold
 * build (`--no-cache`, an empty cache) writes of the same garden. The build record, which holds
 * the quick fingerprint of file times, is left out of the comparison.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { seededRandom } from '../src/graph/random.ts';
import { makeGarden, tempDir } from './helpers/garden.ts';
import { randomLinkParagraph } from './helpers/random-link-paragraph.ts';
import { propertyRun, propertySeeds } from './helpers/property-run.ts';
import { build, siteDiff } from './helpers/site-diff.ts';
import { until } from './helpers/until.ts';

const names = ['Raft', 'Paxos', 'Quorums', 'Gossip', 'Clocks', 'CRDTs', 'Sharding'];
const folders = ['', 'ds/', 'ds/deep/'];

function body(rand: () => number, version: number, bases = true): string {
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)]!;
  const lines = [
    `---\ntags: [t/${pick(['a', 'b', 'moc'])}]\n${rand() < 0.3 ? `series: S\norder: ${Math.floor(rand() * 5)}\n` : ''}${rand() < 0.15 ? 'publish: false\n' : ''}${rand() < 0.2 ? `aliases: [${pick(names)} alias]\n` : ''}${rand() < 0.2 ? `description: About ${pick(names)}\n` : ''}${rand() < 0.3 ? `author: "[[${pick(names)}]]"\n` : ''}---`,
    `# Version ${version}`,
    '',
    `## Section ${rand() < 0.7 ? 'one' : 'two'}`,
    '',
  ];
  const blockAt = rand() < 0.7 ? 1 : -1;
  for (let i = 0; i < 3; i++) {
    lines.push(randomLinkParagraph(pick, names, i, i === blockAt), '');
  }
  // Code, often the same from one version to the next (its highlighting is kept with the note: src/compile/render/highlight-memo.ts), in a language, another, or none known.
  if (rand() < 0.5) lines.push('```' + pick(['js', 'python', 'bash', 'nosuchlang', '']), pick(['const a = 1;', 'print("a")', 'echo a && ls']), '```', '');
  if (rand() < 0.1 && bases) lines.push('```base', 'filters: \'file.hasTag("t/a")\'', 'views:', '  - type: table', '    name: Tagged', '```', '');
  return lines.join('\n');
}

/** The note's heading's version digits changed to others of the same length, and its modification time put back to the nanosecond. */
function editKeepingSizeAndTime(file: string, version: number): void {
  const ref = `${file}.times`;
  expect(spawnSync('cp', ['-p', file, ref]).status).toBe(0);
  const text = readFileSync(file, 'utf8');
  writeFileSync(
    file,
    text.replace(/# Version \d+/, (m) => `# Version ${String(version % 10 ** (m.length - 10)).padStart(m.length - 10, '0')}`),
  );
  expect(spawnSync('touch', ['-r', ref, file]).status).toBe(0);
  rmSync(ref);
}

/** The last line of `file` that `test` accepts removed (nothing, when none does). */
function removeLastLine(file: string, test: (line: string) => boolean): void {
  const text = readFileSync(file, 'utf8').trimEnd().split('\n');
  const last = text.findLastIndex(test);
  if (last >= 0) text.splice(last, 1);
  writeFileSync(file, text.join('\n') + '\n');
}

/** A sentence appended: the note's text changes, none of its links. */
function appendSentence(file: string, version: number): void {
  writeFileSync(file, readFileSync(file, 'utf8') + `\nAnother sentence, number ${version}, about nothing much.\n`);
}

/** Remove `file` when `remove` is set and it is there, else write `text` to it. */
function toggleFile(file: string, remove: boolean, text: string): void {
  if (remove && existsSync(file)) rmSync(file);
  else {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, text);
  }
}

/** A board showing a note as a card, a text card that links and embeds notes, and an edge between them. */
function canvas(pick: <T>(xs: readonly T[]) => T, notes: readonly string[], version: number): string {
  const note = notes.length > 0 ? pick(notes) : 'Raft.md';
  const nodes = [
    { id: 'f', type: 'file', file: note, x: 0, y: 0, width: 300, height: 200 },
    {
      id: 't',
      type: 'text',
      text: `Card ${version} links [[${pick(names)}]] and shows ![[${pick(names)}#Section one]].`,
      x: 400,
      y: 0,
      width: 300,
      height: 200,
    },
  ];
  return JSON.stringify({ nodes, edges: [{ id: 'e', fromNode: 't', toNode: 'f', label: `v${version}` }] }, null, 2);
}

/** A base listing notes by tag, as a table or as cards. */
function baseFile(pick: <T>(xs: readonly T[]) => T): string {
  return `filters: 'file.hasTag("t/${pick(['a', 'b', 'moc'])}")'\nviews:\n  - type: ${pick(['table', 'cards'])}\n    name: Tagged\n`;
}

function config(rand: () => number): string {
  const title = rand() < 0.5 ? 'Garden' : 'Other Garden';
  const url = rand() < 0.7 ? 'url: https://example.org/notes/\n' : '';
  const mentions = rand() < 0.3 ? 'features:\n  unlinkedMentions: false\n' : '';
  return `title: ${title}\n${url}${mentions}`;
}

describe('trellis build over the previous site equals a cold build', () => {
  for (const seed of propertySeeds([1, 2])) {
    it(`seed ${seed}`, async () => {
      const rand = seededRandom(seed);
      const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)]!;
      const files: Record<string, string | Uint8Array> = { 'trellis.config.yaml': config(rand), 'img/pic.png': new Uint8Array([1, 2, 3]) };
      for (let i = 0; i < 8; i++) files[`${pick(folders)}${pick(names)}.md`] = body(rand, i);
      const garden = makeGarden(files);
      const notes = () =>
        readdirSync(garden, { recursive: true })
          .map(String)
          .filter((f) => f.endsWith('.md'));
      const run = propertyRun(garden);
      let version = 100;
      for (let step = 0; step < 8; step++) {
        const ops = 1 + Math.floor(rand() * 3);
        for (let k = 0; k < ops; k++) {
          const op = rand();
          const present = notes();
          if (op < 0.25 && present.length) appendSentence(path.join(garden, pick(present)), version++);
          else if (op < 0.45 && present.length) writeFileSync(path.join(garden, pick(present)), body(rand, version++));
          else if (op < 0.55) {
            const f = `${pick(folders)}${pick(names)}.md`;
            mkdirSync(path.dirname(path.join(garden, f)), { recursive: true });
            writeFileSync(path.join(garden, f), body(rand, version++));
          } else if (op < 0.65 && present.length) {
            const from = pick(present);
            const to = `${pick(folders)}${pick(names)}.md`;
            if (from === to || existsSync(path.join(garden, to))) continue;
            mkdirSync(path.dirname(path.join(garden, to)), { recursive: true });
            renameSync(path.join(garden, from), path.join(garden, to));
          } else if (op < 0.75 && present.length > 2) rmSync(path.join(garden, pick(present)));
          else if (op < 0.83 && present.length) {
            // A publish flip alone: the frontmatter's first line.
            const f = path.join(garden, pick(present));
            const text = readFileSync(f, 'utf8');
            writeFileSync(f, text.includes('publish: false\n') ? text.replace('publish: false\n', '') : text.replace('---\n', '---\npublish: false\n'));
          } else if (present.length) {
            // An edit that keeps the file's size and modification time (only its change time moves).
            editKeepingSizeAndTime(path.join(garden, pick(present)), version++);
          }
        }
        // Often, a file that is not a note: an attachment, the configuration, a canvas, a base, Obsidian's excluded files.
        if (rand() < 0.4) {
          const kind = pick(['attachment', 'config', 'canvas', 'base', 'ignore'] as const);
          if (kind === 'attachment') {
            const f = path.join(garden, 'img/pic.png');
            if (existsSync(f)) rmSync(f);
            else writeFileSync(f, new Uint8Array([1, 2, 3, version++ % 256]));
          } else if (kind === 'config') writeFileSync(path.join(garden, 'trellis.config.yaml'), config(rand));
          else if (kind === 'canvas') toggleFile(path.join(garden, 'Board.canvas'), rand() < 0.3, canvas(pick, notes(), version++));
          else if (kind === 'base') toggleFile(path.join(garden, 'ds/Tagged.base'), rand() < 0.3, baseFile(pick));
          else toggleFile(path.join(garden, '.obsidian/app.json'), rand() < 0.5, JSON.stringify({ userIgnoreFilters: [pick(folders.slice(1))] }));
        }
        const summary = await run.step(`seed ${seed}, step ${step}`);
        // Built over the previous site (not a whole site written again after a failure), or nothing to do.
        expect(summary).toMatch(/notes? changed: |is up to date/);
      }
    }, 600_000);
  }

  // Edits of text and links alone (no title, heading, block, tag, frontmatter, note or setting
  // changes, and no base), which the build narrows to the pages they reach (src/incremental/text-only.ts).
  for (const seed of propertySeeds([3, 4])) {
    it(`seed ${seed}: text and links only`, async () => {
      const rand = seededRandom(seed);
      const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)]!;
      const files: Record<string, string | Uint8Array> = { 'trellis.config.yaml': 'title: Garden\n', 'img/pic.png': new Uint8Array([1, 2, 3]) };
      for (let i = 0; i < 10; i++) files[`${pick(folders)}${pick(names)}.md`] = body(rand, i, false);
      const garden = makeGarden(files);
      const present = readdirSync(garden, { recursive: true })
        .map(String)
        .filter((f) => f.endsWith('.md'));
      const run = propertyRun(garden);
      const narrowed: string[] = [];
      for (let step = 0; step < 8; step++) {
        for (let k = 0, ops = 1 + Math.floor(rand() * 3); k < ops; k++) {
          const file = path.join(garden, pick(present));
          const op = rand();
          if (op < 0.3) appendSentence(file, step * 10 + k);
          else if (op < 0.75) writeFileSync(file, readFileSync(file, 'utf8') + `\n${randomLinkParagraph(pick, names, 10 + step, false)}\n`);
          else {
            // A paragraph of links removed (the last one, so no block id goes with it unless it carried one).
            removeLastLine(file, (line) => line.startsWith('Paragraph ') && !line.endsWith('^blk'));
          }
        }
        const summary = await run.step(`seed ${seed}, step ${step}`);
        if (/only text (and links )?changed/.test(summary)) narrowed.push(summary);
      }
      // Every step changed only text and links: each build took a narrow way, most of them for link changes.
      expect(narrowed.length).toBe(8);
      expect(narrowed.filter((s) => s.includes('only text and links changed')).length).toBeGreaterThanOrEqual(4);
    }, 600_000);
  }

  // The same in a sparse garden, where a link's ends are far from most pages (in the dense gardens above
  // nearly every page is near every change): link texts name no title, so no mention joins what they reach.
  for (const seed of propertySeeds([5]))
    it(`seed ${seed}: text and links only, in a sparse garden`, async () => {
      const rand = seededRandom(seed);
      const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)]!;
      const titles = Array.from({ length: 16 }, (_, i) => `Note ${String.fromCharCode(65 + i)}`);
      const linkLine = (word: string) => `${word} [[${pick(titles)}|${pick(['there', 'that one', 'more'])}]] and ![[${pick(titles)}#Part]].`;
      const files: Record<string, string> = { 'trellis.config.yaml': 'title: Garden\n' };
      for (const t of titles) files[`${pick(folders)}${t}.md`] = `# ${t}\n\n## Part\n\nSome words.\n${rand() < 0.5 ? `\n${linkLine('See')}\n` : ''}`;
      const garden = makeGarden(files);
      const present = Object.keys(files).filter((f) => f.endsWith('.md'));
      const run = propertyRun(garden);
      const summaries: string[] = [];
      for (let step = 0; step < 8; step++) {
        for (let k = 0, ops = 1 + Math.floor(rand() * 2); k < ops; k++) {
          const file = path.join(garden, pick(present));
          const op = rand();
          if (op < 0.2) appendSentence(file, step * 10 + k);
          else if (op < 0.6) writeFileSync(file, readFileSync(file, 'utf8') + `\n${linkLine('Also')}\n`);
          else {
            // The last line of links goes (its targets lose a backlink).
            removeLastLine(file, (line) => line.startsWith('Also ') || line.startsWith('See '));
          }
        }
        summaries.push(await run.step(`seed ${seed}, step ${step}`));
      }
      // Each build took a narrow way (or had nothing to do: a step that found no line of links to remove), most for link changes.
      expect(summaries.filter((s) => !/only text (and links )?changed|is up to date/.test(s))).toEqual([]);
      expect(summaries.filter((s) => s.includes('only text and links changed')).length).toBeGreaterThanOrEqual(4);
    }, 600_000);

  it('a link removed and one added: the page the link left loses its backlink, the far pages are kept, and it says so', () => {
    // Bravo is reached only by Alpha's link (the link's text names no title, so no mention is left behind).
    const garden = makeGarden({
      'Alpha.md': '# Alpha\n\nSee [[Bravo|the other one]] for more.',
      'Bravo.md': '# Bravo\n\nbody',
      'Charlie.md': '# Charlie\n\nbody',
      'Delta.md': '# Delta\n\nlinks [[Echo]]',
      'Echo.md': '# Echo\n\nbody',
    });
    const work = tempDir();
    const [out, cache] = [path.join(work, 'site'), path.join(work, 'cache')];
    build(garden, out, cache);
    const inode = (rel: string) => statSync(path.join(out, rel)).ino;
    const echo = inode('echo/index.html');
    expect(readFileSync(path.join(out, 'bravo/index.json'), 'utf8')).toContain('"source":"Alpha"');
    writeFileSync(path.join(garden, 'Alpha.md'), '# Alpha\n\nSee [[Charlie|the third one]] for more.');
    const summary = build(garden, out, cache);
    expect(summary).toMatch(/1 note changed: .*; only text and links changed\)/);
    expect(readFileSync(path.join(out, 'bravo/index.json'), 'utf8')).not.toContain('"source":"Alpha"');
    expect(readFileSync(path.join(out, 'charlie/index.json'), 'utf8')).toContain('"source":"Alpha"');
    // Echo's page is the previous site's file; the whole site is a cold build's.
    expect(inode('echo/index.html')).toBe(echo);
    const cold = path.join(work, 'cold');
    build(garden, cold, path.join(work, 'cold-cache'), true);
    expect(siteDiff(out, cold)).toEqual([]);
  }, 120_000);

  it("a backlink's context follows its source's edit, though no link changed", () => {
    // The target's key names its backlink by source, link number and the source's content hash, not its context's text.
    const garden = makeGarden({ 'A.md': '# A\n\nThe first words around [[B]] here.', 'B.md': '# B\n\nbody' });
    const work = tempDir();
    const out = path.join(work, 'site');
    build(garden, out, path.join(work, 'cache'));
    expect(readFileSync(path.join(out, 'b/index.json'), 'utf8')).toContain('The first words around B here.');
    writeFileSync(path.join(garden, 'A.md'), '# A\n\nOther words now around [[B]] there.');
    build(garden, out, path.join(work, 'cache'));
    for (const file of ['b/index.json', 'b/index.html']) {
      const text = readFileSync(path.join(out, file), 'utf8');
      // The page marks the link's text inside the context.
      expect(text).toContain('Other words now around ');
      expect(text).not.toContain('The first words');
    }
  }, 120_000);

  it("an edit without link changes writes that note's page and data, keeps the other pages, and says so", async () => {
    const garden = makeGarden({
      'Home.md': '# Home\n\n[[A]] and [[B]]',
      'A.md': '# A\n\nfirst text',
      'B.md': '# B\n\nother text',
      'C.md': '# C\n\nembeds ![[A]]',
      'D.md': '# D\n\nembeds ![[C]]',
    });
    const work = tempDir();
    const out = path.join(work, 'site');
    build(garden, out, path.join(work, 'cache'));
    const inode = (rel: string) => statSync(path.join(out, rel)).ino;
    const before = { a: inode('a/index.html'), b: inode('b/index.html'), home: inode('index.html'), c: inode('c/index.html'), d: inode('d/index.html') };
    appendSentence(path.join(garden, 'A.md'), 1);
    const summary = build(garden, out, path.join(work, 'cache'));
    expect(summary).toMatch(/1 note changed: \d+ pages?, \d+ search files?, \d+ files? written to .* \(\d+ kept; only text changed\)/);
    // B's page and the home page are the previous site's files (hard links), A's and C's (which shows A) are new.
    expect(inode('b/index.html')).toBe(before.b);
    expect(inode('index.html')).toBe(before.home);
    expect(inode('a/index.html')).not.toBe(before.a);
    expect(inode('c/index.html')).not.toBe(before.c);
    expect(readFileSync(path.join(out, 'c/index.html'), 'utf8')).toContain('number 1, about nothing much');
    // D shows A through C: neither D's nor C's own text changed, but D's page must.
    expect(inode('d/index.html')).not.toBe(before.d);
    expect(readFileSync(path.join(out, 'd/index.html'), 'utf8')).toContain('number 1, about nothing much');
    // The replaced site is removed after the build, by a process of its own; a replaced site a
    // stopped process left behind goes with the next build's.
    const replaced = () => readdirSync(work).filter((f) => f.startsWith('.site-replaced-'));
    await until(() => replaced().length === 0);
    mkdirSync(path.join(work, '.site-replaced-1'));
    writeFileSync(path.join(work, '.site-replaced-1', 'index.html'), 'left behind');
    appendSentence(path.join(garden, 'B.md'), 2);
    build(garden, out, path.join(work, 'cache'));
    await until(() => replaced().length === 0);
    expect(readFileSync(path.join(out, 'b/index.html'), 'utf8')).toContain('number 2, about nothing much');
    // The site replaced by a build over the previous one is kept as the next build's staging folder (one at a time).
    const spares = () => readdirSync(work).filter((f) => f.startsWith('.site-spare-'));
    expect(spares()).toHaveLength(1);
    const spare = spares()[0]!;
    appendSentence(path.join(garden, 'A.md'), 3);
    build(garden, out, path.join(work, 'cache'));
    await until(() => spares().length === 1);
    expect(spares()[0]).not.toBe(spare);
    expect(readFileSync(path.join(out, 'a/index.html'), 'utf8')).toContain('number 3, about nothing much');
  }, 120_000);
});
