/**
 * A note's summary for its page description and feed entries: its frontmatter
 * `description`, else its first paragraph, cut at a word.
 */
import type { BuiltNote } from '../build.ts';
import type { NoteReader } from '../store/note-store.ts';

/** Characters a summary made from the text keeps at most (search engines show about 160). */
export const summaryLength = 200;

/** Bytes of a text read to make a summary: enough for `summaryLength` characters after the title. */
const readBytes = 4096;

/** The summary of a published note: its description, else its first paragraph, from the start of its text in `store`. */
export function noteSummary(note: BuiltNote, store: Pick<NoteReader, 'text'>): string | undefined {
  const described = note.parsed.frontmatter.description?.trim();
  if (described) return described;
  return excerpt(store.text(note.parsed.id, readBytes), note.parsed.title);
}

/**
 * The first paragraph of `text` (a note's plain text: one block a line) as one line of at most
 * `summaryLength` characters: the first line that reads as a sentence (not the title, a heading or a
 * file name), else all of it.
 */
export function excerpt(text: string, title: string): string | undefined {
  const lines = text
    .split('\n')
    .map((l) => l.replace(/[\s\p{Cc}]+/gu, ' ').trim())
    .filter((l) => l && l !== title);
  const line = lines.find((l) => l.length >= 24 && l.includes(' ')) ?? lines.join(' ');
  if (!line) return undefined;
  if (line.length <= summaryLength) return line;
  const cut = line.slice(0, summaryLength + 1);
  const space = cut.lastIndexOf(' ');
  const head = (space > summaryLength / 2 ? cut.slice(0, space) : cut.slice(0, summaryLength)).replace(/[\s,;:.!?-]+$|[\uD800-\uDBFF]$/, '');
  return head + '…';
}
