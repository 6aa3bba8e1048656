/** Facts of results that arrive as copies, from a parse worker or the cache. */
import type { NoteJobResult } from '../compile/types.ts';

/** Strings longer than this are not shared: they are rarely repeated, and the pool would keep them alive. */
const maxSharedLength = 80;

/**
 * Gives each short string one copy for the whole build, like a symbol table: `share(s)` returns the
 * first string equal to `s` that it was given. The pool lives as long as the function, so a build
 * drops it once every result has arrived.
 */
export type Share = (value: string) => string;

/** A new pool of shared strings (see {@link Share}). */
export function createShare(): Share {
  const pool = new Map<string, string>();
  return (value) => {
    if (value.length > maxSharedLength) return value;
    const shared = pool.get(value);
    if (shared !== undefined) return shared;
    pool.set(value, value);
    return value;
  };
}

/**
 * A result that crossed a thread or came from the cache is a copy, and so is each of its strings:
 * `'link'` and `'wiki'` once per link, and every tag, heading, block id and link target once per
 * note that has it. Headings like "Overview" and tags like `status/seedling` are in thousands of
 * notes, and link targets repeat in every note that links the same note: keeping one copy of
 * each, through `share`, removes most of the duplicates (docs/performance.md, "Memory").
 * With `kept`, the note's links, headings and block ids are left as they are: a note read from the
 * kept model reads them only when they are asked for (src/incremental/kept-model.ts), and most never are.
 */
export function shareWords(result: NoteJobResult, share: Share, kept = false): void {
  const { note, rendered } = result;
  if (!kept) {
    for (const link of note.links) {
      link.kind = link.kind === 'embed' ? 'embed' : 'link';
      link.syntax = link.syntax === 'markdown' ? 'markdown' : link.syntax === 'property' ? 'property' : 'wiki';
      link.target = share(link.target);
      for (let i = 0; i < link.headings.length; i++) link.headings[i] = share(link.headings[i]!);
    }
    for (const heading of note.headings) {
      heading.text = share(heading.text);
      heading.id = share(heading.id);
    }
    for (const block of note.blocks) block.id = share(block.id);
  }
  shareAll(note.tags, share);
  const fm = note.frontmatter;
  shareAll(fm.tags, share);
  shareAll(fm.aliases, share);
  for (const key of ['date', 'created', 'updated', 'series', 'stage'] as const) {
    const value = fm[key];
    if (value !== undefined) (fm as Record<typeof key, string>)[key] = share(value);
  }
  rendered.nonce = share(rendered.nonce);
}

function shareAll(values: string[], share: Share): void {
  for (let i = 0; i < values.length; i++) values[i] = share(values[i]!);
}
