/** The Obsidian syntax the parse stage understands, as facts of the tree. */
import { describe, expect, it } from 'vitest';
import { parseNote } from '../src/compile/parse/index.ts';
import type { NoteId, NotePath } from '../src/shared/types.ts';

const parse = (text: string) => parseNote({ path: 'n.md' as NotePath, id: 'n' as NoteId, hash: '' }, text).note;
const targets = (text: string) => parse(text).links.map((l) => ({ target: l.target, kind: l.kind, headings: l.headings, block: l.block, alias: l.alias }));

describe('wiki-links', () => {
  it('splits target, heading path, block and alias', () => {
    expect(targets('[[Note]] [[Folder/Note|text]] [[Note.md]] [[Note#Heading]] [[Note#A#B]] [[Note#^blk]] [[#Local]]')).toEqual([
      { target: 'Note', kind: 'link', headings: [], block: undefined, alias: undefined },
      { target: 'Folder/Note', kind: 'link', headings: [], block: undefined, alias: 'text' },
      { target: 'Note.md', kind: 'link', headings: [], block: undefined, alias: undefined },
      { target: 'Note', kind: 'link', headings: ['Heading'], block: undefined, alias: undefined },
      { target: 'Note', kind: 'link', headings: ['A', 'B'], block: undefined, alias: undefined },
      { target: 'Note', kind: 'link', headings: [], block: 'blk', alias: undefined },
      { target: '', kind: 'link', headings: ['Local'], block: undefined, alias: undefined },
    ]);
  });
  it('parses embeds, with image sizes', () => {
    const links = parse('![[Note]] ![[Note#Sec]] ![[pic.png|300]] ![[pic.png|300x200]]').links;
    expect(links.map((l) => [l.kind, l.target, l.width, l.height])).toEqual([
      ['embed', 'Note', undefined, undefined],
      ['embed', 'Note', undefined, undefined],
      ['embed', 'pic.png', 300, undefined],
      ['embed', 'pic.png', 300, 200],
    ]);
  });
  it('keeps the escaped pipe inside tables as an alias', () => {
    expect(targets('| a |\n|---|\n| [[Note\\|shown]] |')).toEqual([{ target: 'Note', kind: 'link', headings: [], block: undefined, alias: 'shown' }]);
  });
  it('ignores links in code and in %%comments%%, inline and across blocks', () => {
    expect(targets('`[[Code]]` %%[[Hidden]]%% [[Shown]]\n\n%%\n[[Gone]]\n\nstill [[Gone2]]\n%%\n\n[[After]]').map((t) => t.target)).toEqual(['Shown', 'After']);
  });
  it('counts Markdown links to local .md files', () => {
    expect(targets('[a](Folder/My%20Note.md#Part) [b](https://x.org/a.md) [c](other.html)')).toEqual([
      { target: 'Folder/My Note.md', kind: 'link', headings: ['Part'], block: undefined, alias: undefined },
    ]);
  });
  it('records the paragraph around a link and where the link text is', () => {
    const result = parseNote({ path: 'n.md' as NotePath, id: 'n' as NoteId, hash: '' }, 'Before [[Target|the text]] after.');
    const [context] = result.contexts;
    expect(context!.text).toBe('Before the text after.');
    expect(context!.text.slice(...context!.highlight!)).toBe('the text');
    expect(result.note.links[0]!.position).toEqual({ line: 1, column: 8 });
  });
});

describe('note facts', () => {
  it('reads frontmatter', () => {
    const n = parse(
      '---\ntitle: T\naliases: [A, "B c"]\ntags: [x/y, "#z"]\npublish: false\nseries: S\norder: 2\nstage: budding\ncreated: 2025-01-02\n---\nBody #inline/tag and #1 not a tag',
    );
    expect(n.title).toBe('T');
    expect(n.frontmatter).toMatchObject({
      aliases: ['A', 'B c'],
      tags: ['x/y', 'z'],
      publish: false,
      series: 'S',
      order: 2,
      stage: 'budding',
      created: '2025-01-02',
    });
    expect(n.tags).toEqual(['x/y', 'z', 'inline/tag']);
  });
  it('treats draft: true as unpublished, and takes the title from the file name', () => {
    const n = parse('---\ndraft: true\n---\n# Heading');
    expect(n.frontmatter.publish).toBe(false);
    expect(n.title).toBe('n');
  });
  it('gives headings Obsidian-normalised unique ids', () => {
    expect(parse('# A: b\n## Same\n## Same\n## `code` **bold**').headings.map((h) => h.id)).toEqual(['a-b', 'same', 'same-1', 'code-bold']);
  });
  it('finds block ids on paragraphs, list items and after tables', () => {
    expect(parse('Para ^p1\n\n- item ^li\n\n| a |\n|---|\n| b |\n\n^tbl').blocks.map((b) => b.id)).toEqual(['p1', 'li', 'tbl']);
  });
  it('reports invalid YAML with its position and keeps the body', () => {
    const n = parse('---\ntitle: ok\nbad: [unclosed\n---\nText [[Link]]');
    expect(n.diagnostics).toHaveLength(1);
    expect(n.diagnostics[0]).toMatchObject({ file: 'n.md', ruleId: 'invalid-frontmatter' });
    expect([n.diagnostics[0]!.line, n.diagnostics[0]!.column]).toEqual([3, 15]);
    expect(n.links.map((l) => l.target)).toEqual(['Link']);
  });
});

describe('link text', () => {
  it('shows links without alias as Obsidian does', async () => {
    const { displayText } = await import('../src/shared/links/link-ref.ts');
    expect(displayText('Note#Heading#Sub')).toBe('Note > Heading > Sub');
    expect(displayText('Note#^blk')).toBe('Note > ^blk');
    expect(displayText('#Local')).toBe('Local');
    expect(parseNote({ path: 'n.md' as NotePath, id: 'n' as NoteId, hash: '' }, 'See [[Page Cache#Dirty pages]] now.').contexts[0]!.text).toBe(
      'See Page Cache > Dirty pages now.',
    );
  });
});

describe('tags in headings', () => {
  it('are tags, as in Obsidian, and the heading keeps its text', () => {
    const note = parse('# Title\n\n## Tasks #todo\n\nBody #inline.\n');
    expect(note.tags).toEqual(['todo', 'inline']);
    expect(note.headings.map((h) => [h.text, h.id])).toEqual([
      ['Title', 'title'],
      ['Tasks #todo', 'tasks-todo'],
    ]);
  });
});

describe('frontmatter problems', () => {
  it('are positioned diagnostics, never warnings printed by the yaml package', async () => {
    const printed: string[] = [];
    const listen = (w: Error) => void printed.push(w.message);
    process.on('warning', listen);
    const n = parse('---\ntitle: Kept\n? [a, b]\n: c\n---\nBody.\n');
    // Node emits warnings on a later tick.
    await new Promise((resolve) => setImmediate(resolve));
    process.off('warning', listen);
    expect(printed).toEqual([]);
    expect(n.title).toBe('Kept');
    expect(n.diagnostics).toEqual([
      {
        file: 'n.md',
        line: 3,
        column: 3,
        ruleId: 'invalid-frontmatter',
        severity: 'warning',
        reason: 'A frontmatter key is a list or map; it is read as text. Quote it, or quote the value if it is a link (`up: "[[Note]]"`)',
      },
    ]);
  });
});
