/**
 * The build record, `dist/.trellis-build.json`: the fingerprints of everything
 * a site was built from (code, notes, attachments, app, site settings). A
 * rebuild whose inputs have the same fingerprint has nothing to do. The link
 * report and diagnostics of that build are kept beside the build cache, not in
 * the site: they name unpublished notes, which a public site must not.
 */
import { createHash } from 'node:crypto';
import type { GitState } from '../scan/git-dates.ts';
import { promises as fs, readFileSync } from 'node:fs';
import path from 'node:path';
import type { ScanResult } from '../scan/index.ts';
import type { StatedWalk } from '../scan/walk.ts';
import type { AppAssets, CheckReport, Diagnostic, SiteInfo } from '../shared/types.ts';
import { codeFingerprint } from '../version.ts';
import { cacheDir } from '../store/cache.ts';
import { isRacy } from '../incremental/kept-scan.ts';
import { buildRecordFile } from '../constants.ts';
import { defaultDateSource, type DateSource } from './note-dates.ts';

/** File name of the record inside the output folder. */
export { buildRecordFile };

/** What the record in the site holds: hashes, and the base path `trellis preview` serves the site under. */
export interface BuildRecord {
  fingerprint: string;
  /** Fingerprint of file sizes and modification times (plus code, app, site and git HEAD): checked first, without reading notes. */
  quick?: string;
  /** The site's base path (`/notes/`); absent in records of older builds, which were all at `/`. */
  basePath?: string;
}

/** The report of the last build of a garden, kept beside its cache. */
export interface RecordedReport {
  fingerprint: string;
  report: CheckReport;
  diagnostics: Diagnostic[];
}

function reportFile(gardenRoot: string): string {
  return `${cacheDir(gardenRoot)}-report.json`;
}

/** The recorded report of the build with `fingerprint`, if it is the last one. */
export function readRecordedReport(gardenRoot: string, fingerprint: string): RecordedReport | undefined {
  try {
    const r = JSON.parse(readFileSync(reportFile(gardenRoot), 'utf8')) as RecordedReport;
    return r.fingerprint === fingerprint ? r : undefined;
  } catch {
    return undefined;
  }
}

/** Record the report of a build (before its site is committed: read only by a build over a site recorded with the same fingerprint). */
export async function writeRecordedReport(gardenRoot: string, value: RecordedReport): Promise<void> {
  const file = reportFile(gardenRoot);
  await fs.mkdir(path.dirname(file), { recursive: true });
  await fs.writeFile(`${file}.${process.pid}.tmp`, JSON.stringify(value));
  await fs.rename(`${file}.${process.pid}.tmp`, file);
}

/**
 * Fingerprint of a build's inputs. Notes' file times count only when dates are read from them;
 * `settings` is the configuration's other settings (ignore, publish policy…), serialised.
 */
export function buildFingerprint(
  scan: ScanResult,
  site: SiteInfo,
  assets: AppAssets | undefined,
  dates: DateSource = defaultDateSource,
  settings = '',
): string {
  const h = createHash('sha256')
    .update(codeFingerprint())
    .update(JSON.stringify(site))
    .update(settings)
    .update(JSON.stringify(assets ?? null))
    .update(dates);
  // One string hashed once (the same bytes as an update a note, which cost more than the hashing at 10k notes).
  const notes = scan.notes;
  const parts = new Array<string>(notes.length);
  for (let i = 0; i < notes.length; i++) {
    const n = notes[i]!;
    const time = dates === 'filesystem' ? n.mtimeMs : '';
    parts[i] = `${n.path}\u0001${n.hash}\u0001${n.git?.created ?? ''}\u0001${n.git?.updated ?? ''}\u0001${time}\u0000`;
  }
  h.update(parts.join(''));
  for (const a of scan.attachments) h.update(`${a.path}\u0001${a.size}\u0001${a.mtimeMs ?? 0}\u0000`);
  return h.digest('hex');
}

/** The record of the site in `out`, if any. */
export function readBuildRecord(out: string): BuildRecord | undefined {
  try {
    return JSON.parse(readFileSync(path.join(out, buildRecordFile), 'utf8')) as BuildRecord;
  } catch {
    return undefined;
  }
}

/**
 * The quick fingerprint: what a rebuild can check without reading a single
 * note. Any file of the walk added, removed, resized, touched or replaced (its
 * size, modification and change times, inode), a new commit, or a change to
 * Trellis, the app or the site settings changes it. `walk` is the scan's
 * (src/scan/walk.ts: ignored files are not in it, and the settings, ignore
 * patterns included, are hashed). Undefined when a file's times are too close
 * to the walk's start to tell a later write apart (the racy rule of
 * src/incremental/kept-scan.ts): that build records none, so the next one reads
 * the notes. `git` is the garden's git state (src/scan/git-dates.ts), asked once for this and the scan's dates.
 */
export async function quickFingerprint(
  git: Promise<GitState | undefined>,
  walk: StatedWalk,
  site: SiteInfo,
  assets: AppAssets | undefined,
  dates: DateSource = defaultDateSource,
  settings = '',
): Promise<string | undefined> {
  const h = createHash('sha256')
    .update(codeFingerprint())
    .update(JSON.stringify(site))
    .update(settings)
    .update(JSON.stringify(assets ?? null))
    .update(dates)
    .update((await git)?.head ?? '');
  let racy = false;
  // The files' paths as one string and their stamps as one array of numbers, each hashed once: an update for each of
  // 10k files cost more than the hashing, and the numbers written as text (file times have fractions) ~10 ms more.
  const files = walk.files;
  const paths = new Array<string>(files.length);
  const stamps = new Float64Array(files.length * 6);
  for (let i = 0; i < files.length; i++) {
    const { rel, stats: st } = files[i]!;
    paths[i] = rel;
    if (!st) continue;
    racy ||= isRacy(st, walk.startedAt);
    const at = i * 6;
    stamps[at] = 1;
    stamps[at + 1] = st.size;
    stamps[at + 2] = st.mtimeMs;
    stamps[at + 3] = st.ctimeMs;
    stamps[at + 4] = st.ino;
    stamps[at + 5] = st.dev;
  }
  h.update(paths.join('\u0000')).update('\u0000').update(new Uint8Array(stamps.buffer));
  return racy ? undefined : h.digest('hex');
}
