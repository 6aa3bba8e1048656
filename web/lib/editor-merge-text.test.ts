import { describe, expect, it } from 'vitest';
import { mergeText } from './editor-merge-text.ts';

const base = '# Raft\n\nLeaders are elected.\n\nLogs are replicated.\n\nEnd.\n';

describe('mergeText', () => {
  it('merges a frontmatter change on disk with a new paragraph in the editor', () => {
    const mine = base + '\nMy new paragraph.\n';
    const disk = '---\ntags: [consensus]\n---\n' + base;
    expect(mergeText(base, mine, disk)).toEqual({ kind: 'clean', text: '---\ntags: [consensus]\n---\n' + base + '\nMy new paragraph.\n' });
  });

  it('merges edits to different lines, a deletion on disk included', () => {
    const mine = base.replace('Leaders are elected.', 'Leaders are elected by vote.');
    const disk = base.replace('Logs are replicated.\n\n', '');
    expect(mergeText(base, mine, disk)).toEqual({ kind: 'clean', text: '# Raft\n\nLeaders are elected by vote.\n\nEnd.\n' });
  });

  it('takes one side when the other did not change, and the same change on both sides once', () => {
    const changed = base.replace('End.', 'The end.');
    expect(mergeText(base, base, changed)).toEqual({ kind: 'clean', text: changed });
    expect(mergeText(base, changed, base)).toEqual({ kind: 'clean', text: changed });
    expect(mergeText(base, changed, changed)).toEqual({ kind: 'clean', text: changed });
    const both = changed.replace('# Raft', '# Raft consensus');
    expect(mergeText(base, both, both.replace('\n\nEnd', '\n\nEnd'))).toEqual({ kind: 'clean', text: both });
  });

  it('marks only the overlapping lines, and keeps the merged rest', () => {
    const mine = '---\ntitle: Mine\n---\n' + base.replace('Logs are replicated.', 'Logs are copied.') + '\nTail.\n';
    const disk = base.replace('Logs are replicated.', 'Logs are replicated in order.').replace('Leaders are elected.', 'Leaders are elected by vote.');
    expect(mergeText(base, mine, disk)).toEqual({
      kind: 'conflict',
      conflicts: 1,
      text:
        '---\ntitle: Mine\n---\n# Raft\n\nLeaders are elected by vote.\n\n' +
        '<<<<<<< yours\nLogs are copied.\n=======\nLogs are replicated in order.\n>>>>>>> on disk\n' +
        '\nEnd.\n\nTail.\n',
    });
  });

  it('marks each overlap on its own', () => {
    const mine = base.replace('Leaders are elected.', 'A').replace('End.', 'B');
    const disk = base.replace('Leaders are elected.', 'C').replace('End.', 'D');
    const result = mergeText(base, mine, disk);
    expect(result.kind).toBe('conflict');
    expect(result.text).toBe(
      '# Raft\n\n<<<<<<< yours\nA\n=======\nC\n>>>>>>> on disk\n\nLogs are replicated.\n\n<<<<<<< yours\nB\n=======\nD\n>>>>>>> on disk\n',
    );
  });
});
