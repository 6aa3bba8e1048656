import { describe, expect, it } from 'vitest';
import { resolveTarget, splitLinkText } from './editor-resolve-target.ts';
import { ruleAttachments, ruleCases, ruleNotes } from '../../test/helpers/link-rules.ts';
import type { EditorIndex } from './editor-index.ts';
import { testIndex } from './editor-test-index.ts';

const pathOf = (target: string) => {
  const m = resolveTarget(target, testIndex);
  return m.kind === 'note' ? m.note.path : m.kind === 'attachment' ? m.path : null;
};

describe('resolveTarget', () => {
  it('resolves by path and by file name, case-insensitively, with or without .md', () => {
    expect(pathOf('Distributed Systems/Raft')).toBe('Distributed Systems/Raft.md');
    expect(pathOf('distributed systems/raft.md')).toBe('Distributed Systems/Raft.md');
    expect(pathOf('raft')).toBe('Distributed Systems/Raft.md');
    expect(pathOf('HOME')).toBe('Home.md');
    expect(pathOf('b/Notes')).toBe('b/Notes.md');
  });

  it('does not resolve titles or aliases, like the builder', () => {
    expect(pathOf('Welcome home')).toBeNull();
    expect(pathOf('Raft consensus')).toBeNull();
  });

  it('resolves attachments and reports missing targets', () => {
    expect(pathOf('diagram.png')).toBe('assets/diagram.png');
    expect(pathOf('Missing note')).toBeNull();
    expect(resolveTarget('', testIndex)).toEqual({ kind: 'missing' });
  });
});

describe('splitLinkText', () => {
  it('splits target, anchor and alias', () => {
    expect(splitLinkText('Raft#Leader election|the leader')).toEqual({ target: 'Raft', anchor: 'Leader election' });
    expect(splitLinkText('Raft')).toEqual({ target: 'Raft', anchor: '' });
    expect(splitLinkText('#^safety')).toEqual({ target: '', anchor: '^safety' });
  });
});

describe('the rule table shared with the builder (test/helpers/link-rules.ts)', () => {
  const index: EditorIndex = {
    notes: ruleNotes.map((id) => ({
      id,
      path: id + '.md',
      title: id,
      aliases: [],
      url: id === 'Draft note' ? null : '/' + id + '/',
      headings: [],
      blocks: [],
    })),
    attachments: ruleAttachments,
  };
  for (const c of ruleCases) {
    it(`${c.rule}: [[${c.target}]] from ${c.from}`, () => {
      const r = resolveTarget(c.target, index, c.from + '.md');
      expect(r.kind === 'note' ? { note: r.note.id } : r.kind === 'attachment' ? { attachment: r.path } : r.kind).toEqual(c.reaches);
    });
  }

  it('reads the escaped pipe of a table cell as the builder does', () => {
    expect(splitLinkText('Raft\\|the protocol')).toEqual({ target: 'Raft', anchor: '' });
    expect(splitLinkText('Raft#Log\\|logs')).toEqual({ target: 'Raft', anchor: 'Log' });
  });
});
