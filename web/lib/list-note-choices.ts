import { dirName } from '../../src/shared/ids.ts';
import type { GraphNote, NoteId } from '../../src/shared/types.ts';
import { compareText } from './compare-text.ts';

/** A note as offered in a "find a note" field. */
export interface NoteChoice {
  /** Text the reader picks: the title, followed by the folder when several notes share the title. */
  text: string;
  id: NoteId;
}

/** The notes as unique, sorted choices for a text field with suggestions. */
export function listNoteChoices(notes: Pick<GraphNote, 'id' | 'title' | 'path'>[]): NoteChoice[] {
  const count = new Map<string, number>();
  for (const n of notes) count.set(n.title.toLowerCase(), (count.get(n.title.toLowerCase()) ?? 0) + 1);
  const seen = new Set<string>();
  const choices: NoteChoice[] = [];
  for (const n of notes) {
    const shared = (count.get(n.title.toLowerCase()) ?? 0) > 1;
    let text = shared ? `${n.title} (${dirName(n.path) || '/'})` : n.title;
    if (seen.has(text.toLowerCase())) text = `${n.title} (${n.id})`;
    seen.add(text.toLowerCase());
    choices.push({ text, id: n.id });
  }
  return choices.sort((a, b) => compareText(a.text, b.text));
}

/** The note a typed text picks: an exact (case-insensitive) choice, else undefined. */
export function pickNote(choices: NoteChoice[], text: string): NoteId | undefined {
  const want = text.trim().toLowerCase();
  return choices.find((c) => c.text.toLowerCase() === want)?.id;
}

/**
 * The choices worth offering for a typed text: those whose text starts with it first, then those
 * containing it, each group in list order, at most `limit`. Nothing for an empty text: a field
 * with suggestions for every note of a large garden costs a second to build.
 */
export function suggestNotes(choices: readonly NoteChoice[], text: string, limit = 50): NoteChoice[] {
  const want = text.trim().toLowerCase();
  if (want === '') return [];
  const starts: NoteChoice[] = [];
  const contains: NoteChoice[] = [];
  for (const c of choices) {
    const at = c.text.toLowerCase().indexOf(want);
    if (at === 0) starts.push(c);
    else if (at > 0 && contains.length < limit) contains.push(c);
    if (starts.length >= limit) break;
  }
  return [...starts, ...contains].slice(0, limit);
}
