/**
 * A note's summary for its page description and feed entries: its frontmatter
 * `description`, else its first paragraph, cut at a word.
 */
import type { BuiltNote } from '../build.ts';
import { readText, type BlockSpill } from '../store/spill.ts';

/** Characters a summary made from the text keeps at most (search engines show about 160). */
export const summaryLength = 200;

/** Bytes of a spilled text read to make a summary: enough for `summaryLength` characters after the title. */
const readBytes = 4096;

/** Where one-shot builds keep notes' texts (the model's `texts`). */
export type SpilledTexts = Pick<BlockSpill, 'fd' | 'textRef'>;

/** The summary of a published note: its description, else its first paragraph; `texts` reads a text its build moved to disk. */
export function noteSummary(note: BuiltNote, texts?: SpilledTexts): string | undefined {
  const described = note.parsed.frontmatter.description?.trim();
  if (described) return described;
  const ref = texts?.textRef(note.parsed);
  if (!ref) return excerpt(note.parsed.text, note.parsed.title);
  const text = readText(texts!.fd, [ref[0], Math.min(ref[1], readBytes)]);
  // A read that cuts through a character ends in U+FFFD.
  return excerpt(ref[1] > readBytes ? text.replace(/\uFFFD+$/, '') : text, note.parsed.title);
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
