import { describe, expect, it } from 'vitest';
import { saveStatusLabel } from './editor-save-status.ts';

describe('saveStatusLabel', () => {
  it('names every status', () => {
    expect(saveStatusLabel({ kind: 'saved' })).toBe('Saved');
    expect(saveStatusLabel({ kind: 'dirty' })).toBe('Unsaved changes');
    expect(saveStatusLabel({ kind: 'saving' })).toBe('Saving…');
    expect(saveStatusLabel({ kind: 'conflict' })).toBe('Conflict: the file changed on disk');
    expect(saveStatusLabel({ kind: 'deleted' })).toBe('Deleted on disk: not saved');
    expect(saveStatusLabel({ kind: 'error', message: 'offline' })).toBe('Not saved: offline');
  });
});
