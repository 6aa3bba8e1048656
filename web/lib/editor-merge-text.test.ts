import { describe, expect, it } from 'vitest';
import { mergeWithMarkers } from './editor-merge-text.ts';

describe('mergeWithMarkers', () => {
  it('keeps shared lines once and marks the differing middle', () => {
    const mine = '# Raft\n\nLeaders are elected.\nMine added this.\n\nEnd.';
    const disk = '# Raft\n\nLeaders are elected by vote.\n\nEnd.';
    expect(mergeWithMarkers(mine, disk)).toBe(
      '# Raft\n\n<<<<<<< yours\nLeaders are elected.\nMine added this.\n=======\nLeaders are elected by vote.\n>>>>>>> on disk\n\nEnd.',
    );
  });

  it('returns equal texts unchanged and handles additions at the end', () => {
    expect(mergeWithMarkers('same', 'same')).toBe('same');
    expect(mergeWithMarkers('a\nb', 'a')).toBe('a\n<<<<<<< yours\nb\n=======\n>>>>>>> on disk');
  });
});
