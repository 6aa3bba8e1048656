/**
 * Kept git dates brought up to date by the commits made since (src/scan/git-dates.ts): after any
 * sequence of commits, amends, merges, resets, renames and deletions, in a garden that is the
 * repository or a folder of it, the dates read over the kept ones are the dates of the whole
 * history read afresh, and a line of new commits is read alone.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { seededRandom } from '../src/graph/random.ts';
import { readGitDates, type GitDatesRead } from '../src/scan/git-dates.ts';
import { tempDir } from './helpers/garden.ts';

const sorted = (dates: Map<string, unknown>) => [...dates].sort(([a], [b]) => (a < b ? -1 : 1));

function repository(seed: number, inFolder: boolean) {
  const repo = tempDir();
  const garden = inFolder ? path.join(repo, 'notes') : repo;
  mkdirSync(garden, { recursive: true });
  const rand = seededRandom(seed);
  // Every commit a day after the one before, at a time of its own, so dates tell commits apart; sometimes a commit is dated before its parent (a skewed clock).
  let day = 0;
  const git = (...args: string[]) => {
    day += rand() < 0.15 ? -3 : 1;
    const when = new Date(Date.UTC(2023, 0, 1) + day * 86_400_000 + Math.floor(rand() * 80_000) * 1000).toISOString();
    return execFileSync('git', ['-C', repo, '-c', 'user.name=t', '-c', 'user.email=t@example.org', '-c', 'commit.gpgsign=false', ...args], {
      env: { ...process.env, GIT_AUTHOR_DATE: when, GIT_COMMITTER_DATE: when },
      encoding: 'utf8',
    });
  };
  git('init', '-q', '-b', 'main');
  const pick = <T>(items: readonly T[]): T => items[Math.floor(rand() * items.length)]!;
  const names = ['a.md', 'b.md', 'c d.md', 'Folder/e.md', 'Folder/f.md', 'Ünïcode.md', 'g.canvas'];
  const write = (name: string) => {
    const file = path.join(garden, name);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, `${name} ${rand()}\n`);
  };
  const touch = () => {
    for (let i = 0, n = 1 + Math.floor(rand() * 3); i < n; i++) {
      const name = pick(names);
      const file = path.join(garden, name);
      if (existsSync(file) && rand() < 0.2) rmSync(file);
      else write(name);
    }
    if (inFolder && rand() < 0.3) writeFileSync(path.join(repo, 'outside.md'), `${rand()}`);
  };
  const commit = () => {
    touch();
    git('add', '-A');
    git('commit', '-q', '--allow-empty', '-m', 'c');
  };
  commit();
  return { garden, git, commit, touch, rand, pick, write, names };
}

describe('git dates kept between builds', () => {
  it('reads only the commits made since, in a line, and always gives the whole history’s dates', async () => {
    const reads = new Map<GitDatesRead, number>();
    for (const [seed, inFolder] of [
      [1, false],
      [2, true],
      [3, false],
      [4, true],
    ] as const) {
      const r = repository(seed, inFolder);
      const kept = path.join(tempDir(), 'git-dates');
      for (let step = 0; step < 14; step++) {
        const op = r.rand();
        if (op < 0.55) for (let i = 0, n = 1 + Math.floor(r.rand() * 3); i < n; i++) r.commit();
        else if (op < 0.65) {
          // An amended commit: the kept head is no longer in the history.
          r.touch();
          r.git('add', '-A');
          r.git('commit', '-q', '--amend', '--allow-empty', '-m', 'amended');
        } else if (op < 0.8) {
          // A branch merged: its commits, older than some of the line's, come in beside it.
          const branch = `b${step}`;
          r.git('checkout', '-q', '-b', branch);
          r.write(`branch ${step}.md`);
          r.git('add', '-A');
          r.git('commit', '-qm', 'on a branch');
          r.git('checkout', '-q', 'main');
          r.commit();
          // Sometimes merged keeping main's files: the merge is then main's tree, and a log of the garden skips the branch.
          r.git('merge', '-q', '--no-edit', ...(r.rand() < 0.3 ? ['-s', 'ours'] : []), branch);
        } else if (op < 0.9) {
          if (Number(r.git('rev-list', '--count', 'HEAD')) > 1) r.git('reset', '-q', '--hard', 'HEAD~1');
        } else {
          // A rename, as git log lists it without rename detection: one file removed, one added.
          const from = r.pick(r.names.filter((n) => existsSync(path.join(r.garden, n))));
          if (from) r.git('mv', path.join(r.garden, from), path.join(r.garden, `moved ${step}.md`));
          r.git('commit', '-q', '--allow-empty', '-m', 'moved');
        }
        const over = await readGitDates(r.garden, kept);
        const whole = await readGitDates(r.garden);
        expect(whole.read).toBe('history');
        expect(sorted(over.dates), `seed ${seed}, step ${step}, read ${over.read}`).toEqual(sorted(whole.dates));
        reads.set(over.read, (reads.get(over.read) ?? 0) + 1);
        // Read again at the same commit: the kept dates, as they are.
        const again = await readGitDates(r.garden, kept);
        expect(again.read).toBe('kept');
        expect(sorted(again.dates)).toEqual(sorted(whole.dates));
      }
    }
    // Each way of reading was taken: a line of new commits read alone, and the whole history after a merge, amend or reset.
    expect(reads.get('new commits')).toBeGreaterThan(10);
    expect(reads.get('history')).toBeGreaterThan(5);
  }, 120_000);

  it('a line of commits on top of the kept head reads those commits alone, dated from them', async () => {
    const r = repository(7, false);
    const kept = path.join(tempDir(), 'git-dates');
    expect((await readGitDates(r.garden, kept)).read).toBe('history');
    const before = (await readGitDates(r.garden, kept)).dates;
    r.write('a.md');
    r.git('add', '-A');
    r.git('commit', '-qm', 'tended a');
    const day = r.git('log', '-1', '--format=%aI').slice(0, 10);
    const after = await readGitDates(r.garden, kept);
    expect(after.read).toBe('new commits');
    const created = before.get('a.md')?.created;
    expect(after.dates.get('a.md')).toEqual(created ? { created, updated: day } : { created: day, updated: day });
    for (const [file, d] of before) if (file !== 'a.md') expect(after.dates.get(file)).toEqual(d);
    // A merge of a commit the kept history already has, made after a commit dated before it: git log walks the
    // old commit first, so the new commits are no line on top of the kept ones, and the whole history is read.
    const m = repository(8, false);
    const at = (when: string, ...args: string[]) =>
      execFileSync('git', ['-C', m.garden, '-c', 'user.name=t', '-c', 'user.email=t@example.org', ...args], {
        env: { ...process.env, GIT_AUTHOR_DATE: when, GIT_COMMITTER_DATE: when },
        encoding: 'utf8',
      }).trim();
    writeFileSync(path.join(m.garden, 'x.md'), 'x');
    at('2030-01-05T12:00:00Z', 'add', '-A');
    at('2030-01-05T12:00:00Z', 'commit', '-qm', 'z');
    const z = at('2030-01-05T12:00:00Z', 'rev-parse', 'HEAD');
    writeFileSync(path.join(m.garden, 'y.md'), 'y');
    at('2030-01-06T12:00:00Z', 'add', '-A');
    at('2030-01-06T12:00:00Z', 'commit', '-qm', 'y');
    const keptAt = path.join(tempDir(), 'git-dates');
    await readGitDates(m.garden, keptAt);
    writeFileSync(path.join(m.garden, 'x.md'), 'x, again');
    at('2030-01-02T12:00:00Z', 'commit', '-qam', 'c, on a skewed clock');
    writeFileSync(path.join(m.garden, 'm.md'), 'm');
    at('2030-01-10T12:00:00Z', 'add', '-A');
    const tree = at('2030-01-10T12:00:00Z', 'write-tree');
    const merge = at('2030-01-10T12:00:00Z', 'commit-tree', tree, '-p', 'HEAD', '-p', z, '-m', 'merge');
    at('2030-01-10T12:00:00Z', 'reset', '-q', '--hard', merge);
    const merged = await readGitDates(m.garden, keptAt);
    expect(merged.read).toBe('history');
    expect(sorted(merged.dates)).toEqual(sorted((await readGitDates(m.garden)).dates));
    // Outside git, nothing is dated, kept dates or not.
    const outside = tempDir();
    expect(await readGitDates(outside, path.join(outside, 'kept'))).toEqual({ dates: new Map(), read: 'none' });
  });
});
