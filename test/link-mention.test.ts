/**
 * The Link action's edit (src/dev/link-mention.ts): the mention a page shows becomes a wiki-link
 * exactly where it is written, found through the syntax tree; what is not plain text of one text
 * node, or is written with escapes, is refused rather than guessed.
 */
import { describe, expect, it } from 'vitest';
import { linkMention } from '../src/dev/link-mention.ts';
import type { NoteId, NotePath } from '../src/shared/types.ts';

const source = { path: 'Paxos.md' as NotePath, id: 'Paxos' as NoteId, hash: 'h' };
const raft = { id: 'Raft' as NoteId, title: 'Raft', aliases: ['Replicated log'] };

function link(text: string, expected?: string, linked: NoteId[] = []) {
  return linkMention(text, source, raft, new Set(linked), 'Raft', expected);
}

/** The new text, when linked. */
function linked(text: string, expected?: string): string {
  const r = link(text, expected);
  if ('refused' in r) throw new Error(r.refused);
  return r.text;
}

describe('linking an unlinked mention', () => {
  it('links the first mention where it is written, keeping its words as the alias when they differ from the target', () => {
    expect(linked('# Paxos\n\nOlder than Raft; raft again.\n')).toBe('# Paxos\n\nOlder than [[Raft]]; raft again.\n');
    expect(linked('Compare raft here, and Raft there.\n')).toBe('Compare [[Raft|raft]] here, and Raft there.\n');
    expect(linked('Keeps a replicated log.\n')).toBe('Keeps a [[Raft|replicated log]].\n');
  });

  it('finds the place through the tree: frontmatter, comments, tags, quotes, lists, escapes and CRLF before it', () => {
    expect(linked('---\ntitle: Raft notes\n---\nAbout Raft.\n')).toBe('---\ntitle: Raft notes\n---\nAbout [[Raft]].\n');
    // The comment's Raft is not in the page's text; the mention is the one after it.
    expect(linked('%%Raft%% then Raft.\n')).toBe('%%Raft%% then [[Raft]].\n');
    expect(linked('See #tag and Raft.\n')).toBe('See #tag and [[Raft]].\n');
    expect(linked('> A quote\n> about Raft.\n')).toBe('> A quote\n> about [[Raft]].\n');
    expect(linked('- item\n  continued with Raft\n')).toBe('- item\n  continued with [[Raft]]\n');
    expect(linked('\\*stars\\* and Raft &amp; more\n')).toBe('\\*stars\\* and [[Raft]] &amp; more\n');
    expect(linked('Line one\r\nLine two has Raft.\r\n')).toBe('Line one\r\nLine two has [[Raft]].\r\n');
    expect(linked('A *soft* mention of raft in **bold** text.\n')).toBe('A *soft* mention of [[Raft|raft]] in **bold** text.\n');
  });

  it('escapes the alias divider inside a table', () => {
    expect(linked('| a |\n|---|\n| the raft |\n')).toBe('| a |\n|---|\n| the [[Raft\\|raft]] |\n');
  });

  it('refuses what is not plain text of one text node, and leaves the choice to the editor', () => {
    expect(link('Only `Raft` in code.\n')).toEqual({ refused: expect.stringContaining('not plain text') });
    expect(link('A [Raft](https://raft.github.io) link.\n')).toEqual({ refused: expect.stringContaining('not plain text') });
    expect(link('Keeps a replicated *log*.\n')).toEqual({ refused: expect.stringContaining('not plain text') });
    expect(link('Keeps a replicated\nlog.\n')).toEqual({ refused: expect.stringContaining('spans lines') });
    // Two places the piece after the comment could be: refused, not guessed.
    expect(link('a %% Raft%% Raft\n')).toEqual({ refused: expect.stringContaining('cannot be told exactly') });
    expect(link('Written R&#97;ft here.\n')).toEqual({ refused: expect.stringContaining('cannot be told exactly') });
  });

  it('refuses when the mention is gone, already linked, or reads differently from what the page showed', () => {
    expect(link('Nothing here.\n')).toEqual({ refused: expect.stringContaining('no longer mentions') });
    expect(link('Raft and [[Raft]].\n', undefined, ['Raft' as NoteId])).toEqual({ refused: expect.stringContaining('no longer mentions') });
    expect(link('Older than raft.\n', 'Raft')).toEqual({ refused: expect.stringContaining('now reads “raft”') });
  });
});
