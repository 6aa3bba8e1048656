/**
 * The dates a note shows (planted, last tended): only dates its author set
 * or its history recorded. A checkout, a copy or a sync sets every file's
 * time to the day it happened, so file times count only when asked for.
 */
import type { GitDates } from '../scan/git-dates.ts';
import type { ParsedNote } from '../shared/types.ts';

/**
 * Where dates may come from, each source including the ones before it:
 * `frontmatter` only; `git` (the default) adds first and last commit dates;
 * `filesystem` adds the file's modification time as its last-tended date.
 */
export type DateSource = 'frontmatter' | 'git' | 'filesystem';

/** Every date source, for validating a setting. */
export const dateSources: readonly DateSource[] = ['frontmatter', 'git', 'filesystem'];

/** The default date source. */
export const defaultDateSource: DateSource = 'git';

/** What a note's dates are read from: its frontmatter, its git dates and its file time. */
export interface DatedNote {
  parsed: Pick<ParsedNote, 'frontmatter'>;
  git?: GitDates | undefined;
  mtimeMs: number;
}

/**
 * Created and last-tended dates (`YYYY-MM-DD`), each from the first source
 * that has it: frontmatter (`created`, else `date`; `updated`), git history,
 * the file's modification time (last-tended only). A note with a created date
 * and no last-tended date is last tended when created. A date from history or
 * the file that contradicts the author's (created after last tended) is dropped.
 */
export function noteDates(note: DatedNote, source: DateSource = defaultDateSource): { created?: string; updated?: string } {
  const fm = note.parsed.frontmatter;
  const { git, fileDate } = historyOf(note, source);
  const authorCreated = fm.created ?? fm.date;
  let created = authorCreated ?? git?.created;
  let updated = fm.updated ?? git?.updated ?? fileDate;
  if (created && updated && created > updated) {
    if (!authorCreated) created = undefined;
    else if (!fm.updated) updated = undefined;
  }
  updated ??= created;
  return { ...(created ? { created } : {}), ...(updated ? { updated } : {}) };
}

/**
 * What a note's dates read besides its frontmatter, as one string: its git dates and its file's day, each only when
 * `source` reads it; undefined when none. Notes with the same frontmatter and this have the same `noteDates`.
 */
export function datesBesideFrontmatter(note: Omit<DatedNote, 'parsed'>, source: DateSource = defaultDateSource): string | undefined {
  const { git, fileDate } = historyOf(note, source);
  if (!git && !fileDate) return undefined;
  return `${git?.created ?? ''}\u0001${git?.updated ?? ''}\u0001${fileDate ?? ''}`;
}

/** The dates besides its frontmatter that `source` reads of a note: its git dates, its file's day. */
function historyOf(note: Omit<DatedNote, 'parsed'>, source: DateSource): { git: GitDates | undefined; fileDate: string | undefined } {
  return {
    git: source === 'frontmatter' ? undefined : note.git,
    fileDate: source === 'filesystem' && note.mtimeMs > 0 ? localDay(note.mtimeMs) : undefined,
  };
}

/** The day (`YYYY-MM-DD`) of a time, where the build runs (as git gives commit days in their author's zone). */
function localDay(ms: number): string {
  const d = new Date(ms);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}
