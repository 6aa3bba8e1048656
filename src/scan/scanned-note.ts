/** The scan stage's record of a note, apart from the stage so the canvas scan can share it. */
import type { NoteFile, Slug } from '../shared/types.ts';
import type { GitDates } from './git-dates.ts';
import type { NoteContent } from './read-note.ts';

/** A scanned note: file identity plus decoded content. */
export interface ScannedNote extends NoteFile {
  content: NoteContent;
  url: Slug;
  /** First and last commit dates, when the garden is in a git repository. */
  git?: GitDates;
}
