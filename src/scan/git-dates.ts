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
import { mkdirSync, promises as fs, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { codeFingerprint } from '../version.ts';

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

/** The commit checked out in the garden's repository, whether the clone is shallow, and where git keeps its shallow boundary. */
export interface GitState {
  head: string;
  shallow: boolean;
  /** The `shallow` file's path, relative to the garden (as git gives it). */
  file: string;
}

/**
 * The git state of the garden at `root`, one `git` process; undefined outside git or in a repository without a commit.
 * The CLI asks once, before it walks the garden, and both the quick fingerprint (the commit) and `readGitDates` read it.
 */
export async function gitState(root: string): Promise<GitState | undefined> {
  const state = await git(root, ['rev-parse', 'HEAD', '--is-shallow-repository', '--git-path', 'shallow']);
  if (state === undefined) return undefined;
  const [head = '', shallow = '', file = ''] = state.split('\n').map((l) => l.trim());
  return { head, shallow: shallow === 'true', file };
}

/** How `readGitDates` came by its dates: none (outside git), kept as read, kept plus the commits made since, or the whole history. */
export type GitDatesRead = 'none' | 'kept' | 'new commits' | 'history';

/**
 * Dates of every file git knows under `root`. With `keptIn` (a file beside the build cache), the
 * dates read by an earlier build are taken while the commit checked out and the shallow boundary
 * are those they were read at: they come from commits only, so a build whose garden changed in its
 * working tree alone (an author's edit-and-build loop) asks git one question instead of reading
 * the whole history again (a `git log` of every commit and the files it touched, which grows with
 * the garden's history). When commits were made on top of the one they were read at, in a line
 * (an author's edit, commit and build loop), only those commits are read (`sinceKept`).
 */
export async function readGitDates(
  root: string,
  keptIn?: string,
  asked: Promise<GitState | undefined> = gitState(root),
): Promise<GardenGitDates & { read: GitDatesRead }> {
  const state = await asked;
  // Outside git, or a repository without a commit yet: nothing to date.
  if (state === undefined) return { dates: new Map(), read: 'none' };
  const { head, shallow, file } = state;
  const cut = shallow && file ? await shallowCommits(path.resolve(root, file)) : new Set<string>();
  const key = `${keptFormat}\u0000${codeFingerprint()}\u0000${[...cut].sort().join(' ')}`;
  const kept = keptIn ? readKept(keptIn, key) : undefined;
  if (kept?.head === head) return { ...kept.read, read: 'kept' };
  // Outside a shallow clone, the commits made since in a line are all the history the kept dates miss.
  const since = kept && cut.size === 0 ? await sinceKept(root, kept, head) : undefined;
  if (since) {
    if (keptIn) keep(keptIn, key, head, since);
    return { ...since, read: 'new commits' };
  }
  const log = await git(root, ['-c', 'core.quotepath=false', 'log', ...logFormat, '--', '.']);
  const dates = parseGitLog(log ?? '', cut);
  const read: GardenGitDates = cut.size > 0 ? { dates, shallowSince: oldestDay(log ?? '') } : { dates };
  if (keptIn && log !== undefined) keep(keptIn, key, head, read);
  return { ...read, read: 'history' };
}

/** The `git log` options every read of the history uses: newest commit first, each with the files it touched. */
const logFormat = ['--format=%x1e%aI%x1f%H', '--name-only', '--no-renames', '--relative'];

/**
 * The kept dates with those of the commits from the kept head to `head`, when they form a line (each
 * the only parent of the next, the first's parent the kept head); else undefined (a merge, an amended
 * or rebased commit, a reset: the whole history is read again). `git log` walks a line of commits
 * before anything older, so the whole history's log is theirs followed by the kept one's, and each
 * file they touched is last tended at the newest of them; it was created where the kept dates say,
 * else at the oldest of them. (Outside a shallow clone, every file of the kept log has a created date.)
 */
async function sinceKept(root: string, kept: { head: string; read: GardenGitDates }, head: string): Promise<GardenGitDates | undefined> {
  if (!isHash(kept.head) || !isHash(head)) return undefined;
  const range = `${kept.head}..${head}`;
  const [line, log] = await Promise.all([
    git(root, ['rev-list', '--parents', range]),
    git(root, ['-c', 'core.quotepath=false', 'log', ...logFormat, range, '--', '.']),
  ]);
  if (line === undefined || log === undefined || !isLine(line.trim().split('\n'), kept.head, head)) return undefined;
  const dates = new Map(kept.read.dates);
  for (const [file, d] of parseGitLog(log)) {
    const created = dates.get(file)?.created;
    dates.set(file, created ? { created, updated: d.updated } : d);
  }
  return { dates };
}

/** Whether `rev-list --parents` lines (newest first) are a line of commits from `head` down to one whose only parent is `base`. */
function isLine(lines: readonly string[], base: string, head: string): boolean {
  if (lines.length === 0 || lines[0] === '') return false;
  const pairs = lines.map((l) => l.trim().split(' '));
  if (pairs[0]![0] !== head) return false;
  return pairs.every((p, i) => p.length === 2 && p[1] === (i + 1 < pairs.length ? pairs[i + 1]![0] : base));
}

function isHash(text: string): boolean {
  return /^[0-9a-f]{40}(?:[0-9a-f]{24})?$/.test(text);
}

const keptFormat = 2;

/** The stored form of a garden's git dates: the commit they were read at; path, created ('' for none) and updated, three strings a file. */
interface KeptDates {
  key: string;
  head: string;
  files: string[];
  shallowSince?: string;
}

function readKept(file: string, key: string): { head: string; read: GardenGitDates } | undefined {
  try {
    const kept = deserialize(readFileSync(file)) as KeptDates;
    if (kept.key !== key || typeof kept.head !== 'string' || !Array.isArray(kept.files) || kept.files.length % 3 !== 0) return undefined;
    const dates = new Map<string, GitDates>();
    for (let i = 0; i < kept.files.length; i += 3) {
      const created = kept.files[i + 1]!;
      dates.set(kept.files[i]!, created ? { created, updated: kept.files[i + 2]! } : { updated: kept.files[i + 2]! });
    }
    return { head: kept.head, read: kept.shallowSince === undefined ? { dates } : { dates, shallowSince: kept.shallowSince } };
  } catch {
    return undefined;
  }
}

function keep(file: string, key: string, head: string, read: GardenGitDates): void {
  const files: string[] = [];
  for (const [rel, d] of read.dates) files.push(rel, d.created ?? '', d.updated);
  const stored: KeptDates = { key, head, files, ...(read.shallowSince !== undefined ? { shallowSince: read.shallowSince } : {}) };
  const tmp = `${file}.${process.pid}.tmp`;
  try {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(tmp, serialize(stored));
    renameSync(tmp, file);
  } catch {
    // No room or no folder: the next build asks git again.
    rmSync(tmp, { force: true });
  }
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

/** The hashes of a shallow clone's boundary commits, listed in its `shallow` file. */
async function shallowCommits(file: string): Promise<Set<string>> {
  const text = await fs.readFile(file, 'utf8').catch(() => '');
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
