import { describe, expect, it } from 'vitest';
import { previewKeepLevel } from './preview-keep-level.ts';

const open = [
  { level: 1, source: 'link-a' },
  { level: 2, source: 'link-b' },
];

describe('previewKeepLevel', () => {
  it('closes everything when the pointer is elsewhere', () => {
    expect(previewKeepLevel(open, 0)).toBe(0);
    expect(previewKeepLevel(open, 0, 'unrelated')).toBe(0);
  });

  it('keeps a preview while its link is hovered', () => {
    expect(previewKeepLevel(open, 0, 'link-a')).toBe(1);
  });

  it('keeps the previews the pointer is in, and the one a link inside them opened', () => {
    expect(previewKeepLevel(open, 1)).toBe(1);
    expect(previewKeepLevel(open, 1, 'link-b')).toBe(2);
    expect(previewKeepLevel(open, 2)).toBe(2);
  });
});
