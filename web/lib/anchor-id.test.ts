import { describe, expect, it } from 'vitest';
import { anchorId } from './anchor-id.ts';

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
