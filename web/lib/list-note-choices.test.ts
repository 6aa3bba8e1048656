import { describe, expect, it } from 'vitest';
import { listNoteChoices, pickNote } from './list-note-choices.ts';
import { makeGraphNote } from './test-graph.ts';

describe('listNoteChoices', () => {
  it('uses titles, adding the folder when titles repeat, sorted', () => {
    const choices = listNoteChoices([makeGraphNote('Work/Index'), makeGraphNote('Home/Index'), makeGraphNote('Raft')]);
    expect(choices).toEqual([
      { text: 'Index (Home)', id: 'Home/Index' },
      { text: 'Index (Work)', id: 'Work/Index' },
      { text: 'Raft', id: 'Raft' },
    ]);
  });
});

describe('pickNote', () => {
  it('picks the note whose choice text was typed, ignoring case and spaces around', () => {
    const choices = listNoteChoices([makeGraphNote('Raft'), makeGraphNote('Paxos')]);
    expect(pickNote(choices, '  raft ')).toBe('Raft');
    expect(pickNote(choices, 'Raf')).toBeUndefined();
  });
});
