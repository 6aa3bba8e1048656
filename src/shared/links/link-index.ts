/**
 * The link index: every note and attachment indexed by full path and by file
 * name, so that resolving one link costs a hash lookup, never a scan.
 */
import { baseName, nameKey } from '../ids.ts';
import type { NoteId } from '../types.ts';
import { pushTo } from '../multi-map.ts';

/** What the index needs to know of a note. */
export interface IndexedNote {
  id: NoteId;
  publish: boolean;
}

/** Lookup tables for resolution. Keys are `nameKey`s. */
export interface LinkIndex {
  /** Note id key (path without `.md`) -> note. */
  byPath: Map<string, IndexedNote>;
  /** File name key (without `.md`) -> notes with that name, sorted by preference-independent path order. */
  byName: Map<string, IndexedNote[]>;
  /** Attachment path key -> path. */
  attachmentsByPath: Map<string, string>;
  /** Attachment file name key -> paths. */
  attachmentsByName: Map<string, string[]>;
}

/** Build the index from all notes and attachment paths of the garden. */
export function buildLinkIndex(notes: readonly IndexedNote[], attachments: readonly string[]): LinkIndex {
  const byPath = new Map<string, IndexedNote>();
  const byName = new Map<string, IndexedNote[]>();
  for (const note of notes) {
    byPath.set(nameKey(note.id), note);
    pushTo(byName, nameKey(baseName(note.id)), note);
  }
  const attachmentsByPath = new Map<string, string>();
  const attachmentsByName = new Map<string, string[]>();
  for (const path of attachments) {
    attachmentsByPath.set(nameKey(path), path);
    pushTo(attachmentsByName, nameKey(baseName(path)), path);
  }
  return { byPath, byName, attachmentsByPath, attachmentsByName };
}
