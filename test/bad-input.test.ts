/**
 * Bad input: each case gives a diagnostic with file:line:column, and the
 * rest of the garden still builds. Nothing crashes or hangs the build.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildGarden, type GardenModel } from '../src/build.ts';
import { makeGarden, tempDir } from './helpers/garden.ts';

const paragraph = 'Replication keeps copies of data on several machines so that a failure of one does not lose it. '.repeat(10) + '\n\n';
const json = JSON.stringify(
  Array.from({ length: 6000 }, (_, i) => ({ id: i, name: `item-${i}`, tags: ['a', 'b'], nested: { x: i * 2, y: 'value' } })),
  null,
  2,
);

let model: GardenModel;
let root: string;

beforeAll(async () => {
  root = makeGarden({
    'Good.md': '# Good\n\nLinks to [[Good]] itself, [[Spaced Name]], [[日本語のノート]], [[🌱 Seedling]] and [[Missing Note]].\n',
    'Bad YAML.md': '---\ntitle: ok\ntags: [unclosed\n---\nThe body still renders with [[Good]].\n',
    'Binary.md': new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00, 0x01, 0x02]),
    'Padded.md': Buffer.concat([
      Buffer.from('# Padded\n\nSaved by a crashing editor, links [[Good]].\n'),
      Buffer.alloc(4096),
      Buffer.from('\nText after the padding.\n'),
    ]),
    'Latin1.md': Buffer.concat([Buffer.from('Caf'), Buffer.from([0xe9]), Buffer.from(' au lait links [[Good]]\n')]),
    'Empty.md': '',
    'Huge.md': paragraph.repeat(Math.ceil(5_000_000 / paragraph.length)),
    'Json Dump.md': '# Dump\n\n```json\n' + json + '\n```\n',
    'Cycle A.md': 'A embeds ![[Cycle B]]\n',
    'Cycle B.md': 'B embeds ![[Cycle A]]\n',
    'Self Embed.md': 'I embed myself: ![[Self Embed]]\n',
    'one/Dup.md': 'first',
    'two/Dup.md': 'second',
    'Linker.md': 'Which one? [[Dup]]\n',
    'Spaced Name.md': 'spaces in the name',
    '日本語のノート.md': '# 見出し\n\n分散システムのノート',
    '🌱 Seedling.md': 'emoji name',
    'Deep.md': '>'.repeat(3000) + ' deep quote\n',
    'Backtrack.md': '[['.repeat(20000) + ' ' + '=='.repeat(20000) + ' ' + '#'.repeat(20000) + ' ' + '^'.repeat(5000) + '\n',
    '.obsidian/workspace.md': '[[Ignored]]',
    '.trash/Old.md': '[[Ignored]]',
  });
  symlinkSync(root, path.join(root, 'loop'));
  model = await buildGarden({ garden: root, noCache: true });
}, 180_000);

const diag = (file: string, ruleId: string) => model.diagnostics.filter((d) => d.file === file && d.ruleId === ruleId);
const built = (p: string) => model.notes.find((n) => n.parsed.path === p);

describe('bad input', () => {
  it('invalid YAML frontmatter: positioned diagnostic, body still built', () => {
    expect(diag('Bad YAML.md', 'invalid-frontmatter')).toMatchObject([{ line: 3, column: 16 }]);
    expect(built('Bad YAML.md')!.html).toContain('The body still renders');
  });
  it('a note padded with NUL bytes is a note, without them, with a warning where they start (Obsidian opens it)', () => {
    expect(diag('Padded.md', 'nul-bytes')).toMatchObject([{ line: 4, column: 1, reason: 'This note contains 4096 NUL bytes; they are left out' }]);
    expect(built('Padded.md')!.html).toContain('Saved by a crashing editor');
    expect(built('Padded.md')!.html).toContain('Text after the padding.');
    expect(built('Padded.md')!.html).not.toContain('\u0000');
  });
  it('binary .md file: skipped with a diagnostic', () => {
    expect(diag('Binary.md', 'binary-note')).toMatchObject([{ line: 1, column: 1 }]);
    expect(built('Binary.md')).toBeUndefined();
  });
  it('non-UTF-8 file: diagnostic at the bad byte, note still built', () => {
    expect(diag('Latin1.md', 'invalid-encoding')).toMatchObject([{ line: 1, column: 4 }]);
    expect(built('Latin1.md')!.parsed.links.map((l) => l.target)).toEqual(['Good']);
  });
  it('empty note: diagnostic, page still built', () => {
    expect(diag('Empty.md', 'empty-note')).toHaveLength(1);
    expect(built('Empty.md')).toBeDefined();
  });
  it('a 5 MB note and 500 KB of JSON in a code block build', () => {
    expect(built('Huge.md')!.parsed.wordCount).toBeGreaterThan(700_000);
    expect(diag('Huge.md', 'large-note')).toHaveLength(1);
    expect(built('Json Dump.md')!.html).toContain('item-5999');
  });
  it('embed cycles are cut with a diagnostic', () => {
    expect(diag('Cycle A.md', 'embed-cycle').length + diag('Cycle B.md', 'embed-cycle').length).toBeGreaterThanOrEqual(1);
    expect(diag('Self Embed.md', 'embed-cycle')).toMatchObject([{ line: 1, column: 17 }]);
    expect(built('Cycle A.md')!.html).toContain('class="transclusion"');
  });
  it('self-links render as links to the page itself and are not graph edges', () => {
    expect(built('Good.md')!.html).toContain('class="internal self"');
    expect(model.graph.json.links.some((l) => l.source === l.target)).toBe(false);
  });
  it('duplicate names: chosen deterministically and reported as ambiguous', () => {
    expect(model.report.ambiguous).toEqual([{ source: 'Linker.md', line: 1, target: 'Dup', chosen: 'one/Dup.md', candidates: ['one/Dup.md', 'two/Dup.md'] }]);
  });
  it('names with spaces, emoji and non-Latin scripts resolve and get URLs', () => {
    const good = built('Good.md')!;
    expect(good.html).toContain('href="/spaced-name/"');
    expect(good.html).toContain(`href="/日本語のノート/"`);
    expect(good.html).toMatch(/href="\/seedling\/"|href="\/🌱-seedling\/"/);
    expect(model.report.broken).toEqual([{ source: 'Good.md', line: 3, column: 77, target: 'Missing Note' }]);
    expect(good.html).toContain('class="internal unresolved"');
  });
  it('dot-folders are ignored and a symlink loop is reported', () => {
    expect(model.notes.some((n) => n.parsed.path.startsWith('.'))).toBe(false);
    expect(model.diagnostics.some((d) => d.file === 'loop' && d.ruleId === 'symlink-loop')).toBe(true);
    expect(model.notes.some((n) => n.parsed.path.startsWith('loop/'))).toBe(false);
  });
  it('absurd nesting and backtracking bait do not crash the build', () => {
    expect(diag('Deep.md', 'note-too-deep')).toMatchObject([{ line: 1, column: 101, severity: 'error' }]);
    expect(built('Deep.md')!.html).toContain('<pre class="note-failed">&gt;&gt;&gt;');
    expect(built('Backtrack.md')).toBeDefined();
    expect(built('Good.md')!.html).toContain('Spaced Name');
  });
});

describe('notes named like the site pages', () => {
  it('never replace them: published beside them, with a reserved-url warning', async () => {
    const garden = makeGarden({
      'Graph.md': '# Graph\n\nMy note about graphs.\n',
      'Tags/Linux.md': '# Linux\n',
      'Other.md': '---\npermalink: search\naliases: [Tags]\n---\n# Other\n',
    });
    const m = await buildGarden({ garden, noCache: true, layout: false, threads: 1 });
    const urls = Object.fromEntries(m.notes.map((n) => [n.parsed.path, n.url]));
    expect(urls).toEqual({ 'Graph.md': '/graph-note/', 'Tags/Linux.md': '/tags-note/linux/', 'Other.md': '/search-note/' });
    expect(m.diagnostics.filter((d) => d.ruleId === 'reserved-url').map((d) => [d.file, d.reason])).toEqual([
      ['Graph.md', "URL `/graph/` belongs to the site's own pages; this note is published at `/graph-note/` (set a `permalink` to choose another)"],
      ['Other.md', "URL `/search/` belongs to the site's own pages; this note is published at `/search-note/` (set a `permalink` to choose another)"],
      [
        'Tags/Linux.md',
        "URL `/tags/linux/` belongs to the site's own pages; this note is published at `/tags-note/linux/` (set a `permalink` to choose another)",
      ],
    ]);
    // The built site keeps its own pages: the graph and tag pages, not the notes or an alias redirect.
    const out = tempDir();
    execFileSync(process.execPath, [path.resolve(import.meta.dirname, '../bin/trellis.js'), 'build', garden, '--out', out, '--quiet']);
    expect(readFileSync(path.join(out, 'graph/index.html'), 'utf8')).toContain('<garden-graph-view');
    expect(readFileSync(path.join(out, 'tags/index.html'), 'utf8')).toContain('data-page-kind="tags"');
    expect(readFileSync(path.join(out, 'search/index.html'), 'utf8')).toContain('data-page-kind="search"');
    expect(readFileSync(path.join(out, 'graph-note/index.html'), 'utf8')).toContain('My note about graphs.');
  }, 120_000);
});
