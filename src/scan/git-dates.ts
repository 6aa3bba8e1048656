/**
 * Created and last-tended dates from git history: one `git log` for the
 * whole garden (newest commit first), so the cost is one process whatever the
 * number of notes. Outside a git repository the map is empty.
 *
 * A shallow clone (CI checkouts fetch one commit by default) shows its oldest
 * commits with every file they contain, as if each were added there: those
 * commits date nothing. A file last changed before them has no git dates, and
 * one changed after them no created date.
 */
import { execFile } from 'node:child_process';
import { promises as fs } from 'node:fs';
import path from 'node:path';

/** First and last commit dates (YYYY-MM-DD) of a garden-relative path; no created date when history is cut before it. */
export interface GitDates {
  created?: string;
  updated: string;
}

/** Git dates of a garden: by garden-relative POSIX path, and, for a shallow clone, the day of its oldest commit. */
export interface GardenGitDates {
  dates: Map<string, GitDates>;
  /** Set when the history is cut (a shallow clone): the author day of its oldest commit. */
  shallowSince?: string;
}

/** Dates of every file git knows under `root`. */
export async function readGitDates(root: string): Promise<GardenGitDates> {
  const [log, cut] = await Promise.all([
    git(root, ['-c', 'core.quotepath=false', 'log', '--format=%x1e%aI%x1f%H', '--name-only', '--no-renames', '--relative', '--', '.']),
    shallowCommits(root),
  ]);
  const dates = parseGitLog(log ?? '', cut);
  return cut.size > 0 ? { dates, shallowSince: oldestDay(log ?? '') } : { dates };
}

/**
 * Parse `git log --format=%x1e%aI%x1f%H --name-only` output (newest first).
 * Commits in `cut` (the shallow boundary) date nothing, and what they list has no created date.
 */
export function parseGitLog(log: string, cut: ReadonlySet<string> = new Set()): Map<string, GitDates> {
  const dates = new Map<string, GitDates>();
  const undated = new Set<string>();
  for (const commit of log.split('\u001e')) {
    const lines = commit.split('\n');
    const [stamp = '', hash = ''] = lines[0]!.split('\u001f');
    const date = stamp.trim().slice(0, 10);
    if (!date) continue;
    const boundary = cut.has(hash.trim());
    for (const line of lines.slice(1)) {
      const file = line.trim().normalize('NFC');
      if (!file) continue;
      const seen = dates.get(file);
      if (boundary) {
        if (seen) delete seen.created;
        undated.add(file);
      } else if (undated.has(file)) continue;
      else if (seen) seen.created = date;
      else dates.set(file, { created: date, updated: date });
    }
  }
  return dates;
}

/** The hashes of a shallow clone's boundary commits (empty for a full history or outside git). */
async function shallowCommits(root: string): Promise<Set<string>> {
  const out = await git(root, ['rev-parse', '--is-shallow-repository', '--git-path', 'shallow']);
  const [shallow, file] = (out ?? '').split('\n');
  if (shallow?.trim() !== 'true' || !file) return new Set();
  const text = await fs.readFile(path.resolve(root, file.trim()), 'utf8').catch(() => '');
  return new Set(
    text
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean),
  );
}

function oldestDay(log: string): string | undefined {
  const at = log.lastIndexOf('\u001e');
  return at < 0 ? undefined : log.slice(at + 1, at + 11);
}

function git(root: string, args: string[]): Promise<string | undefined> {
  return new Promise((resolve) => {
    execFile('git', ['-C', root, ...args], { maxBuffer: 512 * 1024 * 1024, encoding: 'utf8' }, (error, stdout) => resolve(error ? undefined : stdout));
  });
}
