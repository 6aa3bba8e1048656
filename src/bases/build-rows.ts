/**
 * The files a base can list, as Obsidian's Bases sees a vault: every published note (canvas and
 * base pages included) with its properties, tags and resolved links, and every attachment with
 * its file properties. Unpublished notes are never rows, so no base can show what the site does
 * not publish. Dates come from git history (the day of the first and last commit), else from
 * the file: a checkout sets every file's time to the day it happened.
 */
import { attachmentUrl } from '../assemble/link-html.ts';
import { baseName, dirName } from '../shared/ids.ts';
import type { AttachmentFile, NoteId, ParsedNote, ResolvedLink, Slug } from '../shared/types.ts';
import type { GitDates } from '../scan/git-dates.ts';
import type { RowLookup } from './expression/context.ts';
import { parseDate } from './expression/dates.ts';
import type { DateValue, Row } from './types.ts';

/** What rows are made of. */
export interface RowSources {
  /** Every parsed note (unpublished ones are left out). */
  notes: readonly ParsedNote[];
  urlOf(id: NoteId): Slug | undefined;
  fileOf(id: NoteId): { size?: number; mtimeMs: number; git?: GitDates | undefined } | undefined;
  attachments: readonly AttachmentFile[];
  links: ReadonlyMap<NoteId, readonly ResolvedLink[]>;
}

/** The rows, in path order, and their lookups. */
export interface RowSet extends RowLookup {
  rows: Row[];
}

/** Make the rows of a garden. */
export function buildRows(src: RowSources): RowSet {
  const rows: Row[] = [];
  const byNote = new Map<string, Row>();
  const byAttachment = new Map<string, Row>();
  for (const note of src.notes) {
    const url = src.urlOf(note.id);
    if (!note.frontmatter.publish || url === undefined) continue;
    const file = src.fileOf(note.id);
    const updated = file?.git ? parseDate(file.git.updated) : fileTime(file?.mtimeMs);
    const created = file?.git?.created ? parseDate(file.git.created) : updated;
    const row: Row = {
      ...names(note.path),
      key: note.id,
      noteId: note.id,
      size: file?.size ?? 0,
      ...(updated ? { mtime: updated } : {}),
      ...(created ? { ctime: created } : {}),
      href: url,
      tags: note.tags,
      properties: note.properties ?? [],
      links: src.links.get(note.id) ?? [],
    };
    rows.push(row);
    byNote.set(note.id, row);
  }
  for (const a of src.attachments) {
    const time = fileTime(a.mtimeMs);
    const row: Row = {
      ...names(a.path),
      key: a.path,
      size: a.size,
      ...(time ? { mtime: time, ctime: time } : {}),
      href: attachmentUrl(a.path),
      tags: [],
      properties: [],
      links: [],
    };
    rows.push(row);
    byAttachment.set(a.path, row);
  }
  rows.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  let backlinks: Map<string, Row[]> | undefined;
  return {
    rows,
    byNote: (id) => byNote.get(id),
    byAttachment: (path) => byAttachment.get(path),
    backlinksOf(row) {
      backlinks ??= indexBacklinks(rows);
      return backlinks.get(row.key) ?? [];
    },
  };
}

function names(path: string): Pick<Row, 'path' | 'name' | 'basename' | 'folder' | 'ext'> {
  const name = baseName(path);
  const dot = name.lastIndexOf('.');
  return { path, name, basename: dot > 0 ? name.slice(0, dot) : name, folder: dirName(path), ext: dot > 0 ? name.slice(dot + 1).toLowerCase() : '' };
}

function fileTime(ms: number | undefined): DateValue | undefined {
  return ms && ms > 0 ? { kind: 'date', ms: Math.floor(ms), time: true } : undefined;
}

/** Who links to each row (each source once per target). */
function indexBacklinks(rows: readonly Row[]): Map<string, Row[]> {
  const out = new Map<string, Row[]>();
  for (const row of rows) {
    const targets = new Set<string>();
    for (const l of row.links) {
      const r = l.resolution;
      if (r.kind === 'note') targets.add(r.target);
      else if (r.kind === 'attachment') targets.add(r.path);
    }
    for (const t of targets) {
      const list = out.get(t);
      if (list) list.push(row);
      else out.set(t, [row]);
    }
  }
  return out;
}
