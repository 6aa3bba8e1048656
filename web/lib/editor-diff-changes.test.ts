import { describe, expect, it } from 'vitest';
import { diffChanges, type TextChange } from './editor-diff-changes.ts';

/** Apply changes given in the old text's offsets, as CodeMirror does. */
function apply(text: string, changes: TextChange[]): string {
  let out = '';
  let at = 0;
  for (const c of changes) {
    expect(c.from).toBeGreaterThanOrEqual(at);
    out += text.slice(at, c.from) + c.insert;
    at = c.to;
  }
  return out + text.slice(at);
}

const note = '# Raft\n\nSee [[Paxos]] first.\n\nSome text.\n\nThen [[Paxos#Roles]].\n';

describe('diffChanges', () => {
  it('turns a prepended frontmatter into one insertion at the start', () => {
    const after = '---\ntags: [x]\n---\n' + note;
    expect(diffChanges(note, after)).toEqual([{ from: 0, to: 0, insert: '---\ntags: [x]\n---\n' }]);
  });

  it('keeps two link rewrites apart and as small as the text that changed', () => {
    const after = note.replaceAll('[[Paxos', '[[Paxos made simple');
    const changes = diffChanges(note, after);
    expect(changes).toEqual([
      { from: note.indexOf('Paxos') + 5, to: note.indexOf('Paxos') + 5, insert: ' made simple' },
      { from: note.lastIndexOf('Paxos') + 5, to: note.lastIndexOf('Paxos') + 5, insert: ' made simple' },
    ]);
    expect(apply(note, changes)).toBe(after);
  });

  it('rebuilds the new text from deletions, replacements and a changed last line', () => {
    const cases: [string, string][] = [
      [note, note.replace('Some text.\n\n', '')],
      [note, note.replace('Some text.', 'Other words.') + 'More'],
      ['a\nb', 'a\nb\n'],
      ['', 'new'],
      ['gone', ''],
      ['x\ny\nz\n', 'z\ny\nx\n'],
    ];
    for (const [before, after] of cases) expect(apply(before, diffChanges(before, after))).toBe(after);
  });

  it('returns nothing for equal texts', () => {
    expect(diffChanges(note, note)).toEqual([]);
  });
});
