import type { SaveStatus } from './editor-save-status.ts';

/** The question asked before leaving an editor whose text is not on disk, saying why it is not. */
export function editorLeaveMessage(path: string, status: SaveStatus): string {
  return `${path}: ${reason(status)} Leave anyway and lose the text in the editor?`;
}

function reason(status: SaveStatus): string {
  switch (status.kind) {
    case 'conflict':
      return 'your edits conflict with a change made on disk, and are not saved.';
    case 'deleted':
      return 'the file was deleted on disk; the text in the editor is saved nowhere.';
    case 'error':
      return `your edits could not be saved (${status.message}).`;
    case 'saved':
    case 'dirty':
    case 'saving':
      return 'your edits are not saved yet.';
  }
}
