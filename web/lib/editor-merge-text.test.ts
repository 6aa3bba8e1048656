import { merge } from 'node-diff3';
import { describe, expect, it } from 'vitest';
import { mergeText } from './editor-merge-text.ts';

/** A small deterministic pseudo-random generator, so failures repeat. */
function random(seed: number): () => number {
  return () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
}

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

  it('takes changes side by side, with no unchanged line between them, as an overlap', () => {
    const result = mergeText('a\nb\nc\n', 'a\nB\nc\n', 'a\nb\nC\n');
    expect(result).toEqual({ kind: 'conflict', conflicts: 1, text: 'a\n<<<<<<< yours\nB\nc\n=======\nb\nC\n>>>>>>> on disk\n' });
  });

  it('merges a long note full of blank lines, changed at both ends', () => {
    const long = Array.from({ length: 30_000 }, (_, i) => (i % 3 === 0 ? '' : `Line ${i}.`)).join('\n');
    const mine = long.replace('Line 20000.', 'Line 20000, edited.') + '\nMine at the end.';
    const disk = '---\ntags: [x]\n---\n' + long.replace('Line 10000.', 'Line 10000, on disk.');
    const merged =
      '---\ntags: [x]\n---\n' + long.replace('Line 10000.', 'Line 10000, on disk.').replace('Line 20000.', 'Line 20000, edited.') + '\nMine at the end.';
    expect(mergeText(long, mine, disk)).toEqual({ kind: 'clean', text: merged });
  });

  it('gives what node-diff3 (a reference diff3, too slow for long notes) gives, on random edits of distinct lines', () => {
    const next = random(11);
    const base = Array.from({ length: 12 }, (_, i) => `L${i}`);
    const edit = (tag: string): string[] => {
      const out = [...base];
      for (let e = 0, edits = 1 + Math.floor(next() * 3); e < edits; e++) {
        const at = Math.floor(next() * (out.length + 1));
        const kind = next();
        if (kind < 0.33) out.splice(at, 0, `${tag}${e}`);
        else if (kind < 0.66) out.splice(at, 1);
        else out.splice(at, 1, `${tag}${e}x`);
      }
      return out;
    };
    let conflicts = 0;
    for (let round = 0; round < 1000; round++) {
      const mine = edit(`m${round}-`);
      const disk = edit(`d${round}-`);
      const ours = mergeText(base.join('\n'), mine.join('\n'), disk.join('\n'));
      const reference = merge(mine, base, disk, { excludeFalseConflicts: true, label: { a: 'yours', b: 'on disk' } });
      expect(ours.text).toBe(reference.result.join('\n'));
      expect(ours.kind === 'conflict').toBe(reference.conflict);
      if (reference.conflict) conflicts++;
    }
    // Both kinds of outcome were exercised.
    expect(conflicts).toBeGreaterThan(100);
    expect(conflicts).toBeLessThan(900);
  });
});
