/** Dates from git history (frontmatter first); the CLI's date rules are tested in dates.test.ts. */
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { buildGarden } from '../src/build.ts';
import { toNoteData } from '../src/emit/note-data.ts';
import { parseGitLog } from '../src/scan/git-dates.ts';
import { makeGarden } from './helpers/garden.ts';

describe('git dates', () => {
  it('parses git log output: newest commit is the last-tended date, oldest the created date', () => {
    const log = '\u001e2026-03-01T10:00:00+01:00\n\na.md\nb c.md\n\u001e2025-01-02T09:00:00Z\n\na.md\n';
    expect([...parseGitLog(log)]).toEqual([
      ['a.md', { created: '2025-01-02', updated: '2026-03-01' }],
      ['b c.md', { created: '2026-03-01', updated: '2026-03-01' }],
    ]);
  });

  it('dates nothing from the commits where a shallow clone is cut: they list every file as if added there', () => {
    const log = '\u001e2024-06-01T12:00:00Z\u001fc3\n\nb.md\n\u001e2023-06-01T12:00:00Z\u001fc2\n\na.md\nb.md\nc.md\n';
    expect([...parseGitLog(log, new Set(['c2']))]).toEqual([['b.md', { updated: '2024-06-01' }]]);
    expect([...parseGitLog(log)]).toEqual([
      ['b.md', { created: '2023-06-01', updated: '2024-06-01' }],
      ['a.md', { created: '2023-06-01', updated: '2023-06-01' }],
      ['c.md', { created: '2023-06-01', updated: '2023-06-01' }],
    ]);
  });

  it('uses commit dates for notes without frontmatter dates, frontmatter first', async () => {
    const root = makeGarden({ 'Plain.md': 'no dates', 'Dated.md': '---\ncreated: 2024-05-06\nupdated: 2024-07-08\n---\ndated' });
    const git = (...args: string[]) =>
      execFileSync('git', ['-C', root, ...args], {
        env: { ...process.env, GIT_AUTHOR_DATE: '2023-02-03T12:00:00Z', GIT_COMMITTER_DATE: '2023-02-03T12:00:00Z' },
      });
    git('init', '-q');
    git('add', '.');
    git('-c', 'user.name=t', '-c', 'user.email=t@example.org', 'commit', '-qm', 'first');
    const model = await buildGarden({ garden: root, noCache: true });
    const info = new Map(model.notes.map((n) => [n.parsed.id, { title: n.parsed.title, url: n.url }]));
    const data = (id: string) =>
      toNoteData(
        model.notes.find((n) => n.parsed.id === id)!,
        model.graph,
        info,
      );
    expect([data('Plain').created, data('Plain').updated]).toEqual(['2023-02-03', '2023-02-03']);
    expect([data('Dated').created, data('Dated').updated]).toEqual(['2024-05-06', '2024-07-08']);
  });
});
