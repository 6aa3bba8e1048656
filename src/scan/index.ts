/**
 * Scan stage: find notes and attachments, read and hash notes, and assign
 * each published note its URL.
 *
 * 1. Walk the garden (walk.ts): dot-folders, the configuration's `ignore` and
 *    Obsidian's excluded files left out, symlink loops refused.
 * 2. Read, hash and decode each note; peek at publish/permalink under the
 *    configured publish policy (read-note.ts); first and last commit dates from
 *    one `git log` (git-dates.ts).
 * 3. Read `.canvas` and `.base` files as pages of their own (src/canvas/scan-canvases.ts, src/bases/scan-bases.ts).
 * 4. Give every published note, then every canvas and base, a unique URL (the
 *    configured home note `/`, else its permalink, else its path slug).
 */
import { isActiveContent } from './active-content.ts';
import { ruleIds } from '../constants.ts';
import { isNotePath, permalinkToSlug, toNoteId, toNotePath, slugMaker } from '../shared/ids.ts';
import type { AttachmentFile, Diagnostic, NoteId, NotePath, Slug } from '../shared/types.ts';
import type { IgnoreMatcher } from '../config/ignore-matcher.ts';
import type { PublishPolicy } from '../config/types.ts';
import { decodeNote, type NoteContent } from './read-note.ts';
import { readGitDates, type GardenGitDates, type GitState } from './git-dates.ts';
import { walkGarden, type FileStamp, type StatedWalk, type WalkedFile } from './walk.ts';
import { scanCanvases } from '../canvas/scan-canvases.ts';
import { scanBases } from '../bases/scan-bases.ts';
import { promises as fs, readFileSync, statSync } from 'node:fs';

import type { ScannedNote } from './scanned-note.ts';
import { eachInFlight } from '../in-flight.ts';

export type { ScannedNote };

/** Output of the scan stage. */
export interface ScanResult {
  notes: ScannedNote[];
  attachments: AttachmentFile[];
  /**
   * `.canvas` files read as pages (src/canvas/), with URLs that no note has. They are listed in
   * `attachments` too: a build that draws them leaves them out there (build.ts).
   */
  canvases: ScannedNote[];
  /** `.base` files read as pages (src/bases/), listed in `attachments` too, as canvases are. */
  bases: ScannedNote[];
  diagnostics: Diagnostic[];
}

/** What the configuration tells the scan (src/config/scan-settings.ts); all optional. */
export interface ScanSettings {
  /** Files and folders left out of the site. */
  ignored?: IgnoreMatcher;
  /** Which notes are published (default `all`). */
  publish?: PublishPolicy;
  /** The note published at `/`. */
  home?: NotePath;
  /** What earlier scans read (src/incremental/kept-scan.ts): notes whose files did not change are not read again. */
  kept?: KeptScan;
  /** The garden already walked with `ignored`, its files' stats taken (for the quick fingerprint): not walked again. */
  walked?: StatedWalk;
  /** Where the git dates read are kept for the next scan (git-dates.ts): a file beside the build cache. */
  keptGitDates?: string;
  /** The garden's git state, asked already (the CLI asks before it walks: git-dates.ts, `gitState`). */
  gitState?: Promise<GitState | undefined>;
  /** How the scan tells reads from the disk (default {@link readProbe}). */
  readProbe?: ReadProbe;
}

/**
 * The scan's first `reads` reads of notes are timed: when they took `slowMs` or more on average, the files came from
 * the disk, not the page cache, and the rest are read {@link readsInFlight} at a time.
 */
export interface ReadProbe {
  reads: number;
  slowMs: number;
}

/** The scan's default probe: 32 reads, slow from 50 µs a read. */
export const readProbe: ReadProbe = { reads: 32, slowMs: 0.05 };

/** Reads in flight at once once the scan reads from the disk. */
const readsInFlight = 64;

/** What earlier scans read of the garden's notes, by note path. */
export interface KeptScan {
  /** The content recorded for `rel` if its file still has the stats `st`; its text is not read (`text` is undefined). */
  lookup(rel: NotePath, st: FileStamp): NoteContent | undefined;
  /** Record what was read of `rel`, whose file had the stats `st` before it was read. */
  record(rel: NotePath, st: FileStamp, content: NoteContent): void;
}

/** Scan the garden at `root`. */
export async function scanGarden(root: string, settings: ScanSettings = {}): Promise<ScanResult> {
  // A walk given stated its files: their stats are taken once (an unstated file, `stats` undefined, is stat'ed again).
  const [walked, gitDates]: [{ files: (WalkedFile & { stats?: FileStamp | undefined })[]; diagnostics: Diagnostic[] }, GardenGitDates] = await Promise.all([
    settings.walked ?? walkGarden(root, settings.ignored),
    readGitDates(root, settings.keptGitDates, settings.gitState),
  ]);
  const diagnostics = [...walked.diagnostics];
  if (gitDates.shallowSince) {
    diagnostics.push({
      file: '.',
      line: 1,
      column: 1,
      ruleId: ruleIds.shallowHistory,
      severity: 'warning',
      reason: `The garden's git history is cut at ${gitDates.shallowSince} (a shallow clone): notes show no git dates from before it. Fetch the whole history (\`git fetch --unshallow\`; in CI, \`fetch-depth: 0\`)`,
    });
  }
  const attachments: AttachmentFile[] = [];
  const noteFiles = walked.files.filter((f) => isNotePath(f.rel));
  for (const f of walked.files) {
    if (isNotePath(f.rel)) continue;
    if (isActiveContent(f.rel)) {
      diagnostics.push({
        file: f.rel,
        line: 1,
        column: 1,
        ruleId: ruleIds.unsafeAttachment,
        severity: 'warning',
        reason: 'Not published: a browser runs the script in an HTML or XML file on the site it is served from',
      });
      continue;
    }
    const st = f.stats ?? (await fs.stat(f.abs).catch(() => undefined));
    attachments.push({ path: f.rel, absPath: f.abs, size: st?.size ?? 0, mtimeMs: st?.mtimeMs ?? 0 });
  }
  const notes: ScannedNote[] = [];
  type Read = { f: (typeof noteFiles)[number]; path: NotePath; content: NoteContent; trusted: boolean } | undefined;
  const unreadable = (f: WalkedFile, error: unknown): undefined => {
    diagnostics.push({
      file: f.rel,
      line: 1,
      column: 1,
      ruleId: ruleIds.unreadable,
      severity: 'warning',
      reason: `Cannot read note: ${(error as Error).message}`,
    });
    return undefined;
  };
  // Notes the kept scan knows are taken here, synchronously: a promise for each of a garden's notes (most of them,
  // in a warm build) cost more than the lookups. The others are read here too, with synchronous reads, as the walk
  // stats them: a cold build of 10k notes read them in ~2 s with 64 promise reads in flight (an open, a stat, a read
  // and a close each through libuv's pool, the builder's thread idle between), and in ~0.3 s so, hashing included.
  const contents = new Array<Read>(noteFiles.length);
  const toRead: number[] = [];
  const kept = settings.kept;
  for (let i = 0; i < noteFiles.length; i++) {
    const f = noteFiles[i]!;
    if (!kept) {
      toRead.push(i);
      continue;
    }
    try {
      // Stat before reading: a write after the stat then changes what the next scan compares (kept-scan.ts, the racy rule).
      const path = toNotePath(f.rel);
      const known = kept.lookup(path, f.stats ?? statSync(f.abs));
      if (known) contents[i] = { f, path, content: known, trusted: true };
      else toRead.push(i);
    } catch (error) {
      contents[i] = unreadable(f, error);
    }
  }
  // Read from the page cache, a note takes ~15 µs synchronously and ~50 µs through a promise. From the disk (the first
  // build after the machine started, a garden larger than the cache, a network drive), a synchronous read waits for each
  // file in turn: 10k notes took 1-6 s on this project's machine with its cache dropped, against ~0.5 s with 64 reads in
  // flight. So the first reads are timed, and when they came from the disk the rest are read many at a time.
  const { reads: probe, slowMs } = settings.readProbe ?? readProbe;
  const decoded = (i: number, st: FileStamp, bytes: Buffer) => {
    const f = noteFiles[i]!;
    const path = toNotePath(f.rel);
    const content = decodeNote(bytes, path, st.mtimeMs, settings.publish);
    kept?.record(path, st, content);
    contents[i] = { f, path, content, trusted: false };
  };
  let readMs = 0;
  let next = 0;
  for (; next < toRead.length && !(next === probe && readMs >= probe * slowMs); next++) {
    const i = toRead[next]!;
    const f = noteFiles[i]!;
    try {
      // Stat before reading (the walk's stat, when it made one): see above.
      const st = f.stats ?? statSync(f.abs);
      const started = performance.now();
      const bytes = readFileSync(f.abs);
      readMs += performance.now() - started;
      decoded(i, st, bytes);
    } catch (error) {
      contents[i] = unreadable(f, error);
    }
  }
  // Reads in flight end in any order; their failures are told in the notes' order, as those read one by one.
  const failed = new Map<number, unknown>();
  const inFlight = toRead.slice(next);
  await eachInFlight(inFlight, readsInFlight, async (i) => {
    const f = noteFiles[i]!;
    try {
      const st = f.stats ?? (await fs.stat(f.abs));
      decoded(i, st, await fs.readFile(f.abs));
    } catch (error) {
      failed.set(i, error);
    }
  });
  for (const i of inFlight) if (failed.has(i)) contents[i] = unreadable(noteFiles[i]!, failed.get(i));
  for (const item of contents) {
    if (!item) continue;
    const { f, path, content, trusted } = item;
    // No text, unless taken from the kept scan: a binary file.
    if (content.text === undefined && !trusted) {
      diagnostics.push(...content.diagnostics);
      continue;
    }
    const git = gitDates.dates.get(path);
    notes.push({
      path,
      id: toNoteId(path),
      absPath: f.abs,
      hash: content.hash,
      size: content.size,
      mtimeMs: content.mtimeMs,
      content,
      url: '/' as Slug,
      ...(git ? { git } : {}),
    });
  }
  const canvasScan = await scanCanvases(
    walked.files,
    notes.map((n) => n.id),
    gitDates.dates,
  );
  diagnostics.push(...canvasScan.diagnostics);
  const baseScan = await scanBases(
    walked.files,
    [...notes, ...canvasScan.canvases].map((n) => n.id),
    gitDates.dates,
  );
  diagnostics.push(...baseScan.diagnostics);
  // Canvases and bases come after the notes, so a note's URL never depends on them.
  diagnostics.push(...assignUrls([...notes, ...canvasScan.canvases, ...baseScan.bases], settings.home));
  return { notes, attachments, canvases: canvasScan.canvases, bases: baseScan.bases, diagnostics };
}

/** First URL segments of the site's own pages and files (docs/output.md); a note never takes them. */
export const reservedSegments = new Set(['graph', 'search', 'tags', 'topics', 'explorer', 'start', '404', '_app', '_search', '_explorer']);

/** `url`, or, when its first segment is one of the site's own, the same URL with `-note` after that segment. */
function outOfSitePages(url: Slug): Slug {
  const end = url.indexOf('/', 1);
  const first = url.slice(1, end < 0 ? undefined : end);
  return reservedSegments.has(first) ? (('/' + first + '-note' + url.slice(first.length + 1)) as Slug) : url;
}

/**
 * Hand `note`'s text over to the stage that compiles it: the scan record forgets it, so a
 * one-shot build does not hold every note's text until its last note is compiled.
 */
export function takeText(note: ScannedNote): string | undefined {
  const { text } = note.content;
  note.content.text = undefined;
  return text;
}

/**
 * The text of a note whose content the scan took from the kept scan without reading it, for the
 * rare build that must compile it (neither the kept model nor the cache has it). A file whose bytes
 * are no longer those the scan recorded changed during the build: the build stops, and the next
 * one sees the change.
 */
export async function readKeptText(note: ScannedNote): Promise<string> {
  const content = decodeNote(await fs.readFile(note.absPath), note.path, note.mtimeMs);
  if (content.hash !== note.hash || content.text === undefined) throw new Error(`${note.path} changed during the build; build again`);
  return content.text;
}

/**
 * Give every note its URL (permalink, else its path slug; `home`, else the root
 * note named `index`, `Home` or `README`, at `/`), in path order, so a clash
 * always resolves the same way. Mutates `url`; returns `duplicate-slug` diagnostics.
 */
export function assignUrls(notes: ScannedNote[], home?: NotePath): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const slugOf = slugMaker();
  const usedUrls = new Map<Slug, NoteId>();
  // The configured home note is `/` before any note's permalink can claim it.
  const homeNote = home === undefined ? undefined : notes.find((n) => n.path === home);
  if (homeNote && !homeNote.content.publish) {
    diagnostics.push({
      file: homeNote.path,
      line: 1,
      column: 1,
      ruleId: ruleIds.unpublishedHome,
      severity: 'warning',
      reason: 'This note is the configured `home`, but it is not published; the home page falls back to a root note named index, Home or README',
    });
  }
  if (homeNote?.content.publish) usedUrls.set('/' as Slug, homeNote.id);
  for (const note of notes) {
    const { id, path, content } = note;
    if (note === homeNote && content.publish) {
      note.url = '/' as Slug;
      continue;
    }
    let url = (content.permalink && permalinkToSlug(content.permalink)) || slugOf(id);
    const reserved = outOfSitePages(url);
    if (reserved !== url) {
      if (content.publish) {
        diagnostics.push({
          file: path,
          line: 1,
          column: 1,
          ruleId: ruleIds.reservedUrl,
          severity: 'warning',
          reason: `URL \`${url}\` belongs to the site's own pages; this note is published at \`${reserved}\` (set a \`permalink\` to choose another)`,
        });
      }
      url = reserved;
    }
    if (content.publish) {
      const taken = usedUrls.get(url);
      if (taken) {
        const fallback = slugOf(id);
        url = (fallback === url || usedUrls.has(fallback) ? url + encodeURIComponent(id.replace(/\//g, '-')) + '/' : fallback) as Slug;
        diagnostics.push({
          file: path,
          line: 1,
          column: 1,
          ruleId: ruleIds.duplicateSlug,
          severity: 'warning',
          reason: `URL \`${(content.permalink && permalinkToSlug(content.permalink)) || slugOf(id)}\` is already used by \`${taken}\`; this note is published at \`${url}\``,
        });
      }
      usedUrls.set(url, id);
    }
    note.url = url;
  }
  if (!usedUrls.has('/' as Slug)) {
    for (const name of ['index', 'home', 'readme']) {
      // Lengths first: a root note's id is its name, and lower-casing 10k ids for each of three names cost ~30 ms.
      const home = notes.find((n) => n.id.length === name.length && n.content.publish && n.id.toLowerCase() === name && !n.content.permalink);
      if (home) {
        home.url = '/' as Slug;
        break;
      }
    }
  }
  return diagnostics;
}
