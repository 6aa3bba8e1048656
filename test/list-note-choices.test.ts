import { describe, expect, it } from 'vitest';
import type { NoteId, NotePath } from '../src/shared/types.ts';
import { compareText } from '../web/lib/compare-text.ts';
import { listNoteChoices, pickNote, suggestNotes } from '../web/lib/list-note-choices.ts';

const note = (id: string, title: string) => ({ id: id as NoteId, title, path: `${id}.md` as NotePath });

describe('note choices for the graph fields', () => {
  const choices = listNoteChoices([
    note('a/raft', 'Raft'),
    note('b/raft', 'Raft'),
    note('paxos', 'Paxos'),
    note('multi', 'Multi-Raft'),
    note('eclair', 'Éclair'),
    note('ant', 'ant'),
  ]);

  it('sorts case- and accent-insensitively and tells same-titled notes apart by folder', () => {
    expect(choices.map((c) => c.text)).toEqual(['ant', 'Éclair', 'Multi-Raft', 'Paxos', 'Raft (a)', 'Raft (b)']);
    expect(pickNote(choices, ' raft (b) ')).toBe('b/raft');
    expect([...['b', 'A', 'a', 'é', 'e']].sort(compareText)).toEqual(['A', 'a', 'b', 'é', 'e']);
  });

  it('suggests titles starting with the text first, then titles containing it, up to a limit', () => {
    expect(suggestNotes(choices, 'raf').map((c) => c.text)).toEqual(['Raft (a)', 'Raft (b)', 'Multi-Raft']);
    expect(suggestNotes(choices, 'RAFT', 2).map((c) => c.text)).toEqual(['Raft (a)', 'Raft (b)']);
    expect(suggestNotes(choices, '  ')).toEqual([]);
    expect(suggestNotes(choices, 'zzz')).toEqual([]);
  });
});
