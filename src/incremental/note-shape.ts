/**
 * A note's shape: what other pages, list pages, redirects, the graph and the explorer can see of
 * it, as one hash. It is its facts without what only its own page, its search entry, its feed
 * entry and the pages that show its text read: its content hash, word count, diagnostics and the
 * places of its links, headings and blocks in the source. Two versions of a note with the same
 * shape differ, for the rest of the garden, only in their text (docs/architecture.md, "A warm
 * build of edited text").
 *
 * `shapeCoverage` places every field of `ParsedNote`: a field added to it does not compile until it
 * is placed, in the shape or out of it.
 */
import { createHash } from 'node:crypto';
import type { LinkRef, ParsedNote } from '../shared/types.ts';

/** Whether each field of a note's facts is in its shape (`shape`) or only its own text (`text`). */
export const shapeCoverage = {
  path: 'shape',
  id: 'shape',
  hash: 'text',
  title: 'shape',
  frontmatter: 'shape',
  tags: 'shape',
  headings: 'shape',
  blocks: 'shape',
  links: 'shape',
  wordCount: 'text',
  diagnostics: 'text',
  properties: 'shape',
  bases: 'shape',
} as const satisfies Record<keyof ParsedNote, 'shape' | 'text'>;

/** Which fields of a link are in its note's shape: not where it is written. */
export const linkShapeCoverage = {
  target: 'shape',
  headings: 'shape',
  block: 'shape',
  alias: 'shape',
  kind: 'shape',
  syntax: 'shape',
  position: 'text',
  range: 'text',
  width: 'shape',
  height: 'shape',
} as const satisfies Record<keyof LinkRef, 'shape' | 'text'>;

/** The keys a coverage places in the shape. */
type InShape<C> = { [K in keyof C]: C[K] extends 'shape' ? K : never }[keyof C];

/** The hash of a note's shape (see the module comment). */
export function noteShape(p: ParsedNote): string {
  const shape = {
    path: p.path,
    id: p.id,
    title: p.title,
    frontmatter: p.frontmatter,
    tags: p.tags,
    // Where a heading or block is in the source is the note's own (its outline, its embeds' lines: pages that embed it are rebuilt with it).
    headings: p.headings.map((h) => [h.depth, h.text, h.id]),
    blocks: p.blocks.map((b) => b.id),
    links: p.links.map(linkShape),
    properties: p.properties ?? null,
    bases: p.bases ?? null,
  } satisfies Record<InShape<typeof shapeCoverage>, unknown>;
  return createHash('sha256').update(JSON.stringify(shape)).digest('base64url').slice(0, 27);
}

/** A link without its place in the source. */
function linkShape(l: LinkRef): Record<InShape<typeof linkShapeCoverage>, unknown> {
  return { target: l.target, headings: l.headings, block: l.block, alias: l.alias, kind: l.kind, syntax: l.syntax, width: l.width, height: l.height };
}
