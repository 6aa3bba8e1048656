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
import type { LinkRef, ParsedNote, PropertyPart } from '../shared/types.ts';

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

/**
 * The hash of a note's shape (see the module comment), in two parts joined by a dot: its outline
 * (everything but its links) and its links. Two versions with the same outline differ, for the rest
 * of the garden, only in their text and links: how every note's links resolve is the same (titles,
 * aliases, paths, headings and blocks are in the outline).
 */
export function noteShape(p: ParsedNote): string {
  const part = (x: PropertyPart<number>) =>
    typeof x === 'object' && x.kind === 'link' ? { ...x, link: p.links[x.link] ? linkShape(p.links[x.link]!) : null } : x;
  const outline = {
    path: p.path,
    id: p.id,
    title: p.title,
    frontmatter: p.frontmatter,
    tags: p.tags,
    // Where a heading or block is in the source is the note's own (its outline, its embeds' lines: pages that embed it are rebuilt with it).
    headings: p.headings.map((h) => [h.depth, h.text, h.id]),
    blocks: p.blocks.map((b) => b.id),
    // A property's wiki-link is known by an index into the note's links, which moves as body links come and go: by what it links to instead.
    properties:
      p.properties?.map((prop) =>
        prop.type === 'text' ? { ...prop, value: prop.value.map(part) } : prop.type === 'list' ? { ...prop, value: prop.value.map((v) => v.map(part)) } : prop,
      ) ?? null,
    bases: p.bases ?? null,
  } satisfies Record<Exclude<InShape<typeof shapeCoverage>, 'links'>, unknown>;
  return `${digest(outline)}.${digest(p.links.map(linkShape))}`;
}

/** The outline part of a note's shape (`noteShape`). */
export function outlineOf(shape: string): string {
  return shape.slice(0, shape.indexOf('.'));
}

function digest(value: unknown): string {
  return createHash('sha256').update(JSON.stringify(value)).digest('base64url').slice(0, 22);
}

/** A link without its place in the source. */
function linkShape(l: LinkRef): Record<InShape<typeof linkShapeCoverage>, unknown> {
  return { target: l.target, headings: l.headings, block: l.block, alias: l.alias, kind: l.kind, syntax: l.syntax, width: l.width, height: l.height };
}
