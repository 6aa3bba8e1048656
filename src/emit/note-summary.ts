/**
 * A note's summary for its page description and feed entries: its frontmatter
 * `description`, else the start of its text, cut at a word.
 */
import type { BuiltNote } from '../build.ts';
import { readText, type BlockSpill } from '../store/spill.ts';

/** Characters a summary made from the text keeps at most (search engines show about 160). */
export const summaryLength = 200;

/** Bytes of a spilled text read to make a summary: enough for `summaryLength` characters after the title. */
const readBytes = 4096;

/** Where one-shot builds keep notes' texts (the model's `texts`). */
export type SpilledTexts = Pick<BlockSpill, 'fd' | 'textRef'>;

/** The summary of a published note; `texts` reads a text its build moved to disk. */
export function noteSummary(note: BuiltNote, texts?: SpilledTexts): string | undefined {
  const described = note.parsed.frontmatter.description?.trim();
  if (described) return described;
  const ref = texts?.textRef(note.parsed);
  if (!ref) return excerpt(note.parsed.text, note.parsed.title);
  const text = readText(texts!.fd, [ref[0], Math.min(ref[1], readBytes)]);
  // A read that cuts through a character ends in U+FFFD.
  return excerpt(ref[1] > readBytes ? text.replace(/\uFFFD+$/, '') : text, note.parsed.title);
}

/** The start of `text` as one line of at most `summaryLength` characters, without a leading copy of the title. */
export function excerpt(text: string, title: string): string | undefined {
  let line = text.replace(/\s+/g, ' ').trim();
  if (line.startsWith(title + ' ') || line === title) line = line.slice(title.length).trim();
  if (!line) return undefined;
  if (line.length <= summaryLength) return line;
  const cut = line.slice(0, summaryLength + 1);
  const space = cut.lastIndexOf(' ');
  const head = (space > summaryLength / 2 ? cut.slice(0, space) : cut.slice(0, summaryLength)).replace(/[\s,;:.!?-]+$|[\uD800-\uDBFF]$/, '');
  return head + '…';
}
