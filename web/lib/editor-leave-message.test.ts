import { describe, expect, it } from 'vitest';
import { editorLeaveMessage } from './editor-leave-message.ts';

describe('editorLeaveMessage', () => {
  it('names the note and why its text is not on disk', () => {
    expect(editorLeaveMessage('a.md', { kind: 'conflict' })).toBe(
      'a.md: your edits conflict with a change made on disk, and are not saved. Leave anyway and lose the text in the editor?',
    );
    expect(editorLeaveMessage('a.md', { kind: 'deleted' })).toContain('the file was deleted on disk');
    expect(editorLeaveMessage('a.md', { kind: 'error', message: 'offline' })).toContain('could not be saved (offline)');
    expect(editorLeaveMessage('a.md', { kind: 'dirty' })).toContain('not saved yet');
  });
});
