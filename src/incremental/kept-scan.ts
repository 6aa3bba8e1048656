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
 *
 * Its stored form is a few columns (paths, hashes and numbers as one string or typed array each), not
 * an object per note: a 10k-note record is read in a few milliseconds where 10k objects took ~100 ms.
 * A build that read only a few notes (an edit of one or ten) does not write the record again: the
 * next build reads those few again (a read and a hash each, where a whole record written is ~100 ms at
 * 10k notes). Once more than one note in a hundred is out of date, the record is written.
 */
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { deserialize, serialize } from 'node:v8';
import type { PublishPolicy } from '../config/types.ts';
import type { NoteContent } from '../scan/read-note.ts';
import type { KeptScan } from '../scan/index.ts';
import type { FileStamp } from '../scan/walk.ts';
import type { Diagnostic } from '../shared/types.ts';
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

/** Numbers stored per note: its stamp, then the size and modification time of the content read. */
const numbersPerNote = 7;

/** What a note's record holds besides numbers and hash, stored only for the few notes that have any. */
interface Extra {
  permalink?: string;
  diagnostics: Diagnostic[];
}

/** The stored form (format 2): one column per field, the paths and hashes in one string each. */
interface Stored {
  version: number;
  code: string;
  policy: PublishPolicy;
  /** Paths, each ended by a NUL (which no path has). */
  paths: string;
  /** Each note's content hash, 64 hex digits, one after another. */
  hashes: string;
  numbers: Float64Array;
  publish: Uint8Array;
  /** Note index and what it holds besides, for notes with a permalink or decoding diagnostics. */
  extras: [number, Extra][];
}

/** A note's record: its stamp, then its content without text. */
interface Entry {
  stamp: Stamp;
  content: Omit<NoteContent, 'text'>;
}

const formatVersion = 2;

/** Out-of-date notes (read again, or gone) that a hundred notes of the record let go before it is written again. */
const staleNotesPerHundred = 1;

/** Whether a record of `size` notes, `stale` of which this scan found out of date, is worth writing again. */
export function worthSaving(stale: number, size: number): boolean {
  return stale * 100 > size * staleNotesPerHundred;
}

function recordFile(gardenRoot: string): string {
  return `${cacheDir(gardenRoot)}-scan`;
}

/** Where the scan keeps the garden's git dates between builds (src/scan/git-dates.ts). */
export function keptGitDatesFile(gardenRoot: string): string {
  return `${cacheDir(gardenRoot)}-git-dates`;
}

function stampOf(st: FileStamp): Stamp {
  return [st.size, st.mtimeMs, st.ctimeMs, st.ino, st.dev];
}

/** The stored record, read into a map of path to note index; none if absent, of another format, code or policy. */
function readStored(file: string, policy: PublishPolicy): { stored: Stored; index: Map<string, number> } | undefined {
  let stored: Stored;
  try {
    stored = deserialize(readFileSync(file)) as Stored;
  } catch {
    // No record (first build, cache cleared) or an unreadable one: every note is read.
    return undefined;
  }
  if (stored.version !== formatVersion || stored.code !== codeFingerprint() || stored.policy !== policy) return undefined;
  const paths = stored.paths.split('\0');
  paths.pop();
  const count = paths.length;
  if (stored.hashes.length !== count * 64 || stored.numbers.length !== count * numbersPerNote || stored.publish.length !== count) return undefined;
  const index = new Map<string, number>();
  for (let i = 0; i < count; i++) index.set(paths[i]!, i);
  return { stored, index };
}

/** The stored form of `entries`. */
function toStored(code: string, policy: PublishPolicy, entries: Map<string, Entry>): Stored {
  const numbers = new Float64Array(entries.size * numbersPerNote);
  const publish = new Uint8Array(entries.size);
  const paths: string[] = [];
  const hashes: string[] = [];
  const extras: [number, Extra][] = [];
  let i = 0;
  for (const [rel, { stamp, content }] of entries) {
    paths.push(rel);
    hashes.push(content.hash);
    numbers.set([...stamp, content.size, content.mtimeMs], i * numbersPerNote);
    publish[i] = content.publish ? 1 : 0;
    if (content.permalink !== undefined || content.diagnostics.length > 0) {
      extras.push([i, { ...(content.permalink !== undefined ? { permalink: content.permalink } : {}), diagnostics: content.diagnostics }]);
    }
    i++;
  }
  return { version: formatVersion, code, policy, paths: paths.map((p) => p + '\0').join(''), hashes: hashes.join(''), numbers, publish, extras };
}

/**
 * The scan record of `gardenRoot` for a scan under `policy` starting now (`startedAt`, the
 * system clock, for the racy rule): empty when there is none or it was written by other code
 * or for another policy.
 */
export function openKeptScan(gardenRoot: string, policy: PublishPolicy = 'all', startedAt = Date.now()): KeptScan & { save(): void } {
  const file = recordFile(gardenRoot);
  const previous = readStored(file, policy);
  const extras = new Map(previous?.stored.extras);
  /** The content of note `i` of the previous record. */
  const contentAt = (i: number): Entry['content'] => {
    const { numbers, hashes, publish } = previous!.stored;
    const at = i * numbersPerNote;
    const extra = extras.get(i);
    return {
      hash: hashes.slice(i * 64, i * 64 + 64),
      size: numbers[at + 5]!,
      mtimeMs: numbers[at + 6]!,
      publish: publish[i] === 1,
      ...(extra?.permalink !== undefined ? { permalink: extra.permalink } : {}),
      diagnostics: extra ? extra.diagnostics.map((d) => ({ ...d })) : [],
    };
  };
  /** The record of note `i` of the previous record. */
  const entryAt = (i: number): Entry => {
    const numbers = previous!.stored.numbers;
    const at = i * numbersPerNote;
    return { stamp: [numbers[at]!, numbers[at + 1]!, numbers[at + 2]!, numbers[at + 3]!, numbers[at + 4]!], content: contentAt(i) };
  };
  const sameStampAt = (i: number, st: FileStamp): boolean => {
    const n = previous!.stored.numbers;
    const at = i * numbersPerNote;
    return n[at] === st.size && n[at + 1] === st.mtimeMs && n[at + 2] === st.ctimeMs && n[at + 3] === st.ino && n[at + 4] === st.dev;
  };
  // What this scan found still true of the previous record (by note index), and what it read (records of their own).
  const hits = new Map<string, number>();
  const read = new Map<string, Entry>();
  let readCount = 0;
  let outOfDate = 0;
  return {
    lookup(rel, st) {
      const i = previous?.index.get(rel);
      if (i === undefined) return undefined;
      if (!sameStampAt(i, st)) {
        outOfDate++;
        return undefined;
      }
      hits.set(rel, i);
      return contentAt(i);
    },
    record(rel, st, content) {
      readCount++;
      // Racy: written too close to this scan for its times to tell a later write apart. Not kept, so read again next time.
      if (isRacy(st, startedAt) || content.text === undefined) return;
      const kept: NoteContent = { ...content, diagnostics: [...content.diagnostics] };
      delete kept.text;
      read.set(rel, { stamp: stampOf(st), content: kept });
    },
    save() {
      const size = previous?.index.size ?? 0;
      // Out of date in the record on disk: notes read (new or changed), and notes gone (neither found nor out of date).
      const stale = readCount + (size - hits.size - outOfDate);
      if (previous && !worthSaving(stale, size)) return;
      const next = new Map<string, Entry>();
      for (const [rel, i] of hits) next.set(rel, entryAt(i));
      for (const [rel, entry] of read) next.set(rel, entry);
      const tmp = `${file}.${process.pid}.tmp`;
      try {
        mkdirSync(path.dirname(file), { recursive: true });
        writeFileSync(tmp, serialize(toStored(codeFingerprint(), policy, next)));
        renameSync(tmp, file);
      } catch {
        // No room or no folder: the next build reads every note.
        rmSync(tmp, { force: true });
      }
    },
  };
}
