import type { EditorIndex, EditorIndexNote } from './editor-index.ts';

/** Make an index note for editor tests; the title defaults to the file name. */
export function makeIndexNote(path: string, extra: Partial<EditorIndexNote> = {}): EditorIndexNote {
  const name = path.slice(path.lastIndexOf('/') + 1, -3);
  return { id: path.slice(0, -3), path, title: name, aliases: [], url: `/${path.slice(0, -3).toLowerCase()}/`, headings: [], blocks: [], ...extra };
}

/** A small garden index for editor tests. */
export const testIndex: EditorIndex = {
  notes: [
    makeIndexNote('Distributed Systems/Raft.md', {
      aliases: ['Raft consensus'],
      headings: [
        { text: 'Leader election', id: 'leader-election', depth: 2 },
        { text: 'Log replication', id: 'log-replication', depth: 2 },
      ],
      blocks: ['safety', 'terms'],
    }),
    makeIndexNote('Distributed Systems/Paxos.md'),
    makeIndexNote('Home.md', { title: 'Welcome home' }),
    makeIndexNote('a/Notes.md'),
    makeIndexNote('b/Notes.md'),
  ],
  attachments: ['assets/diagram.png', 'assets/raft-log.svg'],
};
