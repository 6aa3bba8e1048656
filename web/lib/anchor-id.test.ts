import { describe, expect, it } from 'vitest';
import { anchorId, anchorIds } from './anchor-id.ts';

describe('anchorId', () => {
  it('decodes the fragment', () => {
    expect(anchorId('#caf%C3%A9')).toBe('café');
    expect(anchorId('#%5Ecommit-rule')).toBe('^commit-rule');
    expect(anchorId('^raw')).toBe('^raw');
  });

  it('keeps a malformed fragment as written and ignores empty ones', () => {
    expect(anchorId('#100%')).toBe('100%');
    expect(anchorId('#')).toBeUndefined();
    expect(anchorId('')).toBeUndefined();
  });
});

describe('anchorIds', () => {
  it('tries the id as written, then as the builder prefixes ids written in a note', () => {
    expect(anchorIds('#intro')).toEqual(['intro', 'user-content-intro']);
    expect(anchorIds('#')).toEqual([]);
  });
});
