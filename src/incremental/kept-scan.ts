/**
 * What the last scan read of each note, kept beside the build cache, so that a warm build reads
 * and hashes only the notes whose files changed, as git's index does: a note whose file has the
 * same size, modification time, change time, inode and device as when it was last read is taken
 * to have the same bytes, and its recorded content hash, publish flag, permalink and decoding
 * diagnostics are used without opening it.
 *
 * The change time is what makes this safe against tools that put a file's modification time back
 * (`touch -d`, `rsync -t`, restoring a backup): no program can set it, and any write, rename or
 * `utimes` call moves it to now. A replaced file (an editor's save through a temporary file) has
 * another inode.
 *
 * The racy rule. File times have a granularity (a clock tick of a few milliseconds on ext4, one or
 * two seconds on some filesystems), so a file written again in the same tick as the stat that
 * recorded it keeps its times, and with the same size would look unchanged. The scan stats a file
 * before reading it, so a write after the stat can only be missed if the recorded times are in the
 * tick the scan ran in. An entry is therefore kept as trusted only when its modification and change
 * times are older than the scan's start by more than `racyMs`, which covers the coarsest
 * granularity and a small offset between the system clock and a network filesystem's. A note
 * written just before a build is recorded as racy: the next build reads and hashes it again (and
 * then records it as trusted, once it is old enough). A file server whose clock is off by more than
 * that margin can defeat the rule; `--no-cache` reads every note.
 *
 * The record is valid for one code version and one publish policy (the publish flag depends on it).
 */
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync, type Stats } from 'node:fs';
import path from 'node:path';
import { deserialize, serialize } from 'node:v8';
import type { PublishPolicy } from '../config/types.ts';
import type { NoteContent } from '../scan/read-note.ts';
import type { KeptScan } from '../scan/index.ts';
import { cacheDir } from '../store/cache.ts';
import { codeFingerprint } from '../version.ts';

/** Margin between a note's file times and the scan's start for its record to be trusted later. */
export const racyMs = 3000;

/** Whether a file with stats `st` was written too close to `startedAt` (the system clock) for its times to tell a later write apart. */
export function isRacy(st: { mtimeMs: number; ctimeMs: number }, startedAt: number): boolean {
  return Math.max(st.mtimeMs, st.ctimeMs) >= startedAt - racyMs;
}

/** What identifies a file's version without reading it. */
type Stamp = [size: number, mtimeMs: number, ctimeMs: number, ino: number, dev: number];

interface Entry {
  stamp: Stamp;
  /** The content read, without its text. */
  content: Omit<NoteContent, 'text'>;
}

interface Saved {
  version: number;
  code: string;
  policy: PublishPolicy;
  entries: Map<string, Entry>;
}

const formatVersion = 1;

function recordFile(gardenRoot: string): string {
  return `${cacheDir(gardenRoot)}-scan`;
}

function stampOf(st: Stats): Stamp {
  return [st.size, st.mtimeMs, st.ctimeMs, st.ino, st.dev];
}

function sameStamp(a: Stamp, b: Stamp): boolean {
  return a[0] === b[0] && a[1] === b[1] && a[2] === b[2] && a[3] === b[3] && a[4] === b[4];
}

/**
 * The scan record of `gardenRoot` for a scan under `policy` starting now (`startedAt`, the
 * system clock, for the racy rule): empty when there is none or it was written by other code
 * or for another policy.
 */
export function openKeptScan(gardenRoot: string, policy: PublishPolicy = 'all', startedAt = Date.now()): KeptScan & { save(): void } {
  const file = recordFile(gardenRoot);
  let previous: Map<string, Entry> = new Map();
  try {
    const saved = deserialize(readFileSync(file)) as Saved;
    if (saved.version === formatVersion && saved.code === codeFingerprint() && saved.policy === policy) previous = saved.entries;
  } catch {
    // No record (first build, cache cleared) or an unreadable one: every note is read.
  }
  const next = new Map<string, Entry>();
  let changed = false;
  return {
    lookup(rel, st) {
      const entry = previous.get(rel);
      if (!entry || !sameStamp(entry.stamp, stampOf(st))) return undefined;
      next.set(rel, entry);
      return { ...entry.content, diagnostics: [...entry.content.diagnostics] };
    },
    record(rel, st, content) {
      changed = true;
      // Racy: written too close to this scan for its times to tell a later write apart. Not kept, so read again next time.
      if (isRacy(st, startedAt) || content.text === undefined) return;
      const kept: NoteContent = { ...content, diagnostics: [...content.diagnostics] };
      delete kept.text;
      next.set(rel, { stamp: stampOf(st), content: kept });
    },
    save() {
      // Nothing read and nothing gone: the record on disk is this one.
      if (!changed && next.size === previous.size) return;
      const saved: Saved = { version: formatVersion, code: codeFingerprint(), policy, entries: next };
      const tmp = `${file}.${process.pid}.tmp`;
      try {
        mkdirSync(path.dirname(file), { recursive: true });
        writeFileSync(tmp, serialize(saved));
        renameSync(tmp, file);
      } catch {
        // No room or no folder: the next build reads every note.
        rmSync(tmp, { force: true });
      }
    },
  };
}
