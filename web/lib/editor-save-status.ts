/** Where the editor's text stands relative to the file on disk. */
export type SaveStatus =
  | { kind: 'saved' }
  | { kind: 'dirty' }
  | { kind: 'saving' }
  | { kind: 'conflict' }
  /** The file is gone from disk; the editor keeps the text and writes nothing unless asked to. */
  | { kind: 'deleted' }
  | { kind: 'error'; message: string };

/** The words shown (and announced) for a save status. */
export function saveStatusLabel(status: SaveStatus): string {
  switch (status.kind) {
    case 'saved':
      return 'Saved';
    case 'dirty':
      return 'Unsaved changes';
    case 'saving':
      return 'Saving…';
    case 'conflict':
      return 'Conflict: the file changed on disk';
    case 'deleted':
      return 'Deleted on disk: not saved';
    case 'error':
      return `Not saved: ${status.message}`;
  }
}
