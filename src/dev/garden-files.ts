/**
 * The dev server's garden files: every note as read (hash, URL; its text only once read again
 * since the opening build, which let it go) and every attachment, kept from one scan and
 * updated from file events. What is derived
 * from names alone (URLs, the link index) is recomputed when a file appears,
 * disappears, or changes its publish flag or permalink.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { ruleIds } from '../constants.ts';
import { assignUrls, type ScanResult, type ScanSettings, type ScannedNote } from '../scan/index.ts';
import { readNote } from '../scan/read-note.ts';
import { isTrellisSite } from '../scan/walk.ts';
import { isNotePath, toNoteId, toNotePath } from '../shared/ids.ts';
import { buildLinkIndex, type LinkIndex } from '../shared/links/link-index.ts';
import type { AttachmentFile, Diagnostic, NoteId, Slug } from '../shared/types.ts';
import { realPathInside } from './inside-garden.ts';

/** What reading a batch of paths changed. */
export interface FileChanges {
  /** Notes created or whose bytes changed. */
  touched: Set<NoteId>;
  removed: NoteId[];
  /** A note or attachment appeared or disappeared, or a note's publish flag or permalink changed. */
  structural: boolean;
}

/** Diagnostics `assignUrls` makes: recomputed with the URLs, never kept from the first scan. */
const urlRules = new Set<string>([ruleIds.duplicateSlug, ruleIds.reservedUrl]);

/** Notes and attachments of the garden, as last read. */
export class GardenFiles {
  readonly root: string;
  /** Garden-relative path -> note, in path order (the order of a clean scan). */
  #notes = new Map<string, ScannedNote>();
  #attachments = new Map<string, AttachmentFile>();
  #walkDiagnostics: Diagnostic[];
  #urlDiagnostics: Diagnostic[];
  #names: Names | undefined;

  readonly #settings: ScanSettings;

  /** Keep the notes and attachments of `scan` (of the garden at `root`, scanned with the configuration's `settings`). */
  constructor(root: string, scan: ScanResult, settings: ScanSettings = {}) {
    this.root = root;
    this.#settings = settings;
    for (const n of scan.notes) this.#notes.set(n.path, n);
    for (const a of scan.attachments) this.#attachments.set(a.path, a);
    this.#walkDiagnostics = scan.diagnostics.filter((d) => !urlRules.has(d.ruleId));
    this.#urlDiagnostics = scan.diagnostics.filter((d) => urlRules.has(d.ruleId));
  }

  /** The note at a garden-relative path. */
  note(rel: string): ScannedNote | undefined {
    return this.#notes.get(rel);
  }

  /** Every note, in path order. */
  notes(): IterableIterator<ScannedNote> {
    return this.#notes.values();
  }

  /** Attachments in path order. */
  attachments(): AttachmentFile[] {
    return this.attachmentPaths().map((p) => this.#attachments.get(p)!);
  }

  /** Paths of the attachments, in path order. */
  attachmentPaths(): readonly string[] {
    return this.#derive().attachments;
  }

  /** Garden-relative paths of every note and attachment. */
  knownPaths(): string[] {
    return [...this.#notes.keys(), ...this.#attachments.keys()];
  }

  /** Diagnostics of the scan: the walk's, the URLs', and each note's reading. */
  diagnostics(): Diagnostic[] {
    return [...this.#walkDiagnostics, ...this.#urlDiagnostics, ...[...this.#notes.values()].flatMap((n) => n.content.diagnostics)];
  }

  /** Each note's position in path order (backlinks and mentions list their sources in it). */
  order(): ReadonlyMap<NoteId, number> {
    return this.#derive().order;
  }

  /** The link index of the current names (what links resolve against). */
  linkIndex(): LinkIndex {
    return this.#derive().index;
  }

  /** Read the given absolute or garden-relative paths again (created, modified or deleted). */
  async read(paths: readonly string[]): Promise<FileChanges> {
    const changes: FileChanges = { touched: new Set(), removed: [], structural: false };
    const realRoot = await fs.realpath(this.root);
    for (const p of paths) {
      const rel = this.#relative(p);
      if (rel !== undefined) await this.#readOne(rel, realRoot, changes);
    }
    if (changes.structural) {
      const sorted = [...this.#notes.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
      this.#notes = new Map(sorted.map((n) => [n.path, n]));
      this.#urlDiagnostics = assignUrls(sorted, this.#settings.home);
      this.#names = undefined;
    }
    return changes;
  }

  async #readOne(rel: string, realRoot: string, changes: FileChanges): Promise<void> {
    const abs = path.join(this.root, rel);
    // Only what is inside the garden once symlinks are followed is read: a link leading out counts as deleted.
    const real = await realPathInside(realRoot, abs);
    const st = real === undefined ? undefined : await fs.stat(real).catch(() => undefined);
    if (!isNotePath(rel)) {
      const had = this.#attachments.has(rel);
      if (st?.isFile()) this.#attachments.set(rel, { path: rel, absPath: abs, size: st.size });
      else this.#attachments.delete(rel);
      if (had !== this.#attachments.has(rel)) changes.structural = true;
      return;
    }
    const notePath = toNotePath(rel);
    const id = toNoteId(notePath);
    const content = real !== undefined && st?.isFile() ? await readNote(real, notePath, this.#settings.publish) : undefined;
    if (!content || content.text === undefined) {
      if (this.#notes.delete(notePath)) {
        changes.removed.push(id);
        changes.structural = true;
      }
      return;
    }
    const prev = this.#notes.get(notePath);
    if (prev && prev.hash === content.hash) return;
    if (!prev || prev.content.publish !== content.publish || prev.content.permalink !== content.permalink) changes.structural = true;
    this.#notes.set(notePath, {
      path: notePath,
      id,
      absPath: abs,
      hash: content.hash,
      size: content.size,
      mtimeMs: content.mtimeMs,
      content,
      url: prev?.url ?? ('/' as Slug),
      ...(prev?.git ? { git: prev.git } : {}),
    });
    changes.touched.add(id);
  }

  #derive(): Names {
    return (this.#names ??= namesOf([...this.#notes.values()], [...this.#attachments.keys()]));
  }

  #relative(p: string): string | undefined {
    const abs = path.resolve(this.root, p);
    const rel = path.relative(this.root, abs);
    if (!rel || rel.startsWith('..') || path.isAbsolute(rel)) return undefined;
    const posix = rel.split(path.sep).join('/').normalize('NFC');
    if (posix.split('/').some(isHiddenSegment)) return undefined;
    if (this.#settings.ignored?.(posix, false)) return undefined;
    // A Trellis site inside the garden (`trellis build . --out dist`) is never notes or attachments, as the walk has it.
    if (inTrellisSite(this.root, posix)) return undefined;
    return posix;
  }
}

/** Whether a path segment is one the dev server leaves out: hidden (`.git`, `.obsidian`, an editor's temporary file) or `node_modules`. */
export function isHiddenSegment(segment: string): boolean {
  return segment.startsWith('.') || segment === 'node_modules';
}

/** Whether a folder holding `posix` (garden-relative) holds a build record: a Trellis site (src/scan/walk.ts skips them). */
function inTrellisSite(root: string, posix: string): boolean {
  const segments = posix.split('/');
  for (let i = 1; i < segments.length; i++) if (isTrellisSite(path.join(root, ...segments.slice(0, i)))) return true;
  return false;
}

/** What follows from the garden's names alone: note order, attachment paths in order, the link index, URLs. */
interface Names {
  order: Map<NoteId, number>;
  attachments: string[];
  index: LinkIndex;
}

function namesOf(notes: readonly ScannedNote[], attachmentPaths: readonly string[]): Names {
  const attachments = [...attachmentPaths].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return {
    order: new Map(notes.map((n, i) => [n.id, i])),
    attachments,
    index: buildLinkIndex(
      notes.map((n) => ({ id: n.id, publish: n.content.publish })),
      attachments,
    ),
  };
}
