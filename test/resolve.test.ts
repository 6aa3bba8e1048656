/** Pins every rule of docs/linking.md. */
import { describe, expect, it } from 'vitest';
import { anchorKey, headingId } from '../src/shared/ids.ts';
import { buildLinkIndex } from '../src/shared/links/link-index.ts';
import { checkAnchor } from '../src/shared/links/resolve-link.ts';
import { resolveTarget } from '../src/shared/links/resolve-target.ts';
import type { NoteId } from '../src/shared/types.ts';
import { ruleAttachments, ruleCases, ruleNotes } from './helpers/link-rules.ts';

// The garden of the shared rule table (test/helpers/link-rules.ts).
const index = buildLinkIndex(
  ruleNotes.map((id) => ({ id: id as NoteId, publish: id !== 'Draft note' })),
  ruleAttachments,
);
const note = (from: string, target: string) => {
  const r = resolveTarget(index, from as NoteId, target);
  return r.kind === 'note' ? { id: r.note.id, candidates: r.candidates } : r.kind === 'attachment' ? { path: r.path, candidates: r.candidates } : r.kind;
};

describe('link resolution (docs/linking.md)', () => {
  it('1. an exact vault path wins, with or without .md', () => {
    expect(note('Home', 'Archive/Raft')).toEqual({ id: 'Archive/Raft' });
    expect(note('Home', 'Archive/Raft.md')).toEqual({ id: 'Archive/Raft' });
  });
  it('2. else the file name, case-insensitive and NFC-normalised', () => {
    expect(note('Home', 'CGROUPS')).toEqual({ id: 'Systems/Linux/cgroups' });
    expect(note('Home', 'page cache')).toEqual({ id: 'Systems/Linux/Page Cache' });
    expect(note('Home', 'Cafe\u0301')).toEqual({ id: 'Café' });
    expect(note('Home', 'Tasks 1.2')).toEqual({ id: 'Tasks 1.2' });
  });
  it('3. a path-qualified link matches a path suffix on a folder boundary', () => {
    expect(note('Home', 'Linux/cgroups')).toEqual({ id: 'Systems/Linux/cgroups' });
    expect(note('Home', 'inux/cgroups')).toBe('missing');
    expect(note('Home', 'Old/Raft')).toEqual({ id: 'Archive/Old/Raft' });
  });
  it('4. ./ and ../ are relative to the linking note', () => {
    expect(note('Systems/Linux/cgroups', './Page Cache')).toEqual({ id: 'Systems/Linux/Page Cache' });
    expect(note('Archive/Old/Raft', '../Raft')).toEqual({ id: 'Archive/Raft' });
    expect(note('Home', '../Raft')).toBe('missing');
  });
  it("5. shared names: under the linking note's folder first, then the shortest path, then alphabetical (Obsidian), reported as ambiguous", () => {
    expect(note('Archive/Old/Raft', 'Raft')).toEqual({ id: 'Archive/Old/Raft', candidates: ['Archive/Old/Raft', 'Notes/Raft', 'Archive/Raft'] });
    expect(note('Home', 'Raft')).toEqual({ id: 'Notes/Raft', candidates: ['Notes/Raft', 'Archive/Raft', 'Archive/Old/Raft'] });
    expect(note('Home', 'Shared')).toEqual({ id: 'c/Shared', candidates: ['c/Shared', 'a/b/Shared'] });
  });
  it('6. attachments resolve by full file name or path', () => {
    expect(note('Home', 'paper.pdf')).toEqual({ path: 'files/paper.pdf' });
    expect(note('Home', 'other/diagram.png')).toEqual({ path: 'other/diagram.png' });
    expect(note('Home', 'diagram.png')).toEqual({ path: 'other/diagram.png', candidates: ['other/diagram.png', 'images/diagram.png'] });
    expect(note('Home', 'nothing.png')).toBe('missing');
  });
  it('7. unknown names are missing', () => {
    expect(note('Home', 'Nope')).toBe('missing');
    expect(note('Home', '')).toBe('missing');
  });
});

describe('the rule table shared with the editor (test/helpers/link-rules.ts)', () => {
  for (const c of ruleCases) {
    it(`${c.rule}: [[${c.target}]] from ${c.from}`, () => {
      const r = resolveTarget(index, c.from as NoteId, c.target);
      expect(r.kind === 'note' ? { note: r.note.id } : r.kind === 'attachment' ? { attachment: r.path } : r.kind).toEqual(c.reaches);
    });
  }
});

describe('anchors', () => {
  const headings = [
    { depth: 2, text: 'Known limitations', id: 'known-limitations', line: 3 },
    { depth: 2, text: 'API: v2', id: 'api-v2', line: 5 },
    { depth: 3, text: 'Settings', id: 'settings', line: 6 },
    { depth: 2, text: 'Other', id: 'other', line: 8 },
    { depth: 3, text: 'Settings', id: 'settings-1', line: 9 },
  ];
  const blocks = [{ id: 'Quote-1', line: 12 }];
  const heading = (path: string[]) => checkAnchor({ kind: 'heading', id: headingId(path.at(-1)!), text: path.join('#'), found: false }, headings, blocks, path);
  it('match headings case-insensitively after Obsidian normalisation', () => {
    expect(heading(['KNOWN LIMITATIONS'])).toMatchObject({ found: true, id: 'known-limitations' });
    expect(heading(['API v2'])).toMatchObject({ found: true, id: 'api-v2' });
    expect(anchorKey('`id`')).toBe(anchorKey('id'));
  });
  it('follow nested heading paths #A#B', () => {
    expect(heading(['Other', 'Settings'])).toMatchObject({ found: true, id: 'settings-1' });
    expect(heading(['API: v2', 'Settings'])).toMatchObject({ found: true, id: 'settings' });
    expect(heading(['Missing'])).toMatchObject({ found: false });
  });
  it('match block ids', () => {
    expect(checkAnchor({ kind: 'block', id: 'quote-1', found: false }, headings, blocks, [])).toMatchObject({ found: true });
    expect(checkAnchor({ kind: 'block', id: 'nope', found: false }, headings, blocks, [])).toMatchObject({ found: false });
  });
});

describe('heading punctuation (Obsidian ignores it in heading links)', () => {
  const headings = [
    { depth: 2, text: 'How large is it?', id: 'how-large-is-it', line: 3 },
    { depth: 3, text: 'Jumps (Desvios)', id: 'jumps-desvios', line: 5 },
    { depth: 3, text: 'hasTag()', id: 'hastag', line: 7 },
    { depth: 2, text: "Writer's & reader's view: a/b, c; d! $5.", id: 'writers-readers-view-ab-c-d-5', line: 9 },
  ];
  const find = (written: string) => checkAnchor({ kind: 'heading', id: headingId(written), text: written, found: false }, headings, [], [written]);
  it('finds headings whatever their ? ( ) & . / $ ! , ; \' " and backticks', () => {
    expect(find('How large is it')).toMatchObject({ found: true, id: 'how-large-is-it' });
    expect(find('Jumps Desvios')).toMatchObject({ found: true, id: 'jumps-desvios' });
    expect(find('hasTag')).toMatchObject({ found: true, id: 'hastag' });
    expect(find('`hasTag()`')).toMatchObject({ found: true, id: 'hastag' });
    expect(find("Writer's reader's view a b c d 5")).toMatchObject({ found: true });
    expect(find('How large')).toMatchObject({ found: false });
  });
  it('keeps heading ids as they were, so existing anchors still work', () => {
    expect(headingId('How large is it?')).toBe('how-large-is-it');
    expect(headingId('Node.js')).toBe('nodejs');
  });
});
