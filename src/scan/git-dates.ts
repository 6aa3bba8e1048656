/**
 * Created and last-tended dates from git history: one `git log` for the
 * whole garden (newest commit first), so the cost is one process whatever the
 * number of notes. Outside a git repository the map is empty.
 */
import { execFile } from 'node:child_process';

/** First and last commit dates (YYYY-MM-DD) of a garden-relative path. */
export interface GitDates {
  created: string;
  updated: string;
}

/** Dates of every file git knows under `root`, keyed by garden-relative POSIX path. */
export async function readGitDates(root: string): Promise<Map<string, GitDates>> {
  const out = await new Promise<string>((resolve) => {
    execFile(
      'git',
      ['-c', 'core.quotepath=false', '-C', root, 'log', '--format=%x1e%aI', '--name-only', '--no-renames', '--relative', '--', '.'],
      { maxBuffer: 512 * 1024 * 1024, encoding: 'utf8' },
      (error, stdout) => resolve(error ? '' : stdout),
    );
  });
  return parseGitLog(out);
}

/** Parse `git log --format=%x1e%aI --name-only` output (newest first). */
export function parseGitLog(log: string): Map<string, GitDates> {
  const dates = new Map<string, GitDates>();
  for (const commit of log.split('\u001e')) {
    const lines = commit.split('\n');
    const date = lines[0]?.trim().slice(0, 10);
    if (!date) continue;
    for (const line of lines.slice(1)) {
      const file = line.trim().normalize('NFC');
      if (!file) continue;
      const seen = dates.get(file);
      if (seen) seen.created = date;
      else dates.set(file, { created: date, updated: date });
    }
  }
  return dates;
}
