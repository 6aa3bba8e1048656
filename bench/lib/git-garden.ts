/**
 * A copy of a bench garden in a git repository with a history, as an author's garden is (git
 * dates are Trellis's default): made once beside the garden (`<garden>.git`) and kept. Every note
 * is added in commits of 20 files, then `commits` more commits each append a line to two notes;
 * commits are a day apart, from 2024-01-01, so that a commit made by the bench (`commitAll`, the
 * next day) moves the dates of the notes it touches.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { listFiles } from './site-stats.ts';

const dayMs = 86_400_000;
const start = Date.UTC(2024, 0, 1);

function git(repo: string, day: number, ...args: string[]): string {
  const when = new Date(start + day * dayMs).toISOString();
  return execFileSync('git', ['-C', repo, '-c', 'user.name=bench', '-c', 'user.email=bench@example.org', '-c', 'commit.gpgsign=false', ...args], {
    env: { ...process.env, GIT_AUTHOR_DATE: when, GIT_COMMITTER_DATE: when },
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
}

/** The git copy of `garden` with `commits` commits of edits after the notes were added (made if missing). */
export function gitGarden(garden: string, commits: number): string {
  const copy = `${garden}.git`;
  const done = path.join(copy, '.git', 'trellis-bench-history');
  if (existsSync(done) && readFileSync(done, 'utf8') === String(commits)) return copy;
  rmSync(copy, { recursive: true, force: true });
  cpSync(garden, copy, { recursive: true });
  const notes = listFiles(copy)
    .filter((f) => f.endsWith('.md'))
    .map((f) => path.relative(copy, f))
    .sort();
  let day = 0;
  git(copy, day, 'init', '-q');
  for (let i = 0; i < notes.length; i += 20) {
    git(copy, day, 'add', '--', ...notes.slice(i, i + 20));
    git(copy, day++, 'commit', '-qm', `notes ${i}`);
  }
  git(copy, day, 'add', '-A');
  git(copy, day++, 'commit', '-qm', 'the rest', '--allow-empty');
  for (let k = 1; k <= commits; k++) {
    for (const n of [notes[(k * 7919) % notes.length]!, notes[(k * 104_729) % notes.length]!])
      writeFileSync(path.join(copy, n), readFileSync(path.join(copy, n), 'utf8') + `\nTended in commit ${k}.\n`);
    git(copy, day++, 'commit', '-qam', `edit ${k}`);
  }
  writeFileSync(done, String(commits));
  return copy;
}

/** Commit every change in `repo`, a day after its last commit. */
export function commitAll(repo: string, message: string): void {
  const last = Date.parse(git(repo, 0, 'log', '-1', '--format=%cI').trim());
  git(repo, Math.round((last - start) / dayMs) + 1, 'commit', '-qam', message);
}
