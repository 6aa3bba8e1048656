import { buildLinkIndex, type LinkIndex } from '../../src/shared/links/link-index.ts';
import { splitTarget } from '../../src/shared/links/link-ref.ts';
import { resolveTarget as resolveLinkTarget } from '../../src/shared/links/resolve-target.ts';
import type { NoteId } from '../../src/shared/types.ts';
import { toLinkPath, type EditorIndex, type EditorIndexNote } from './editor-index.ts';

/** What a wiki-link target points at in the editor's index. */
export type TargetMatch = { kind: 'note'; note: EditorIndexNote } | { kind: 'attachment'; path: string } | { kind: 'missing' };

interface Resolver {
  links: LinkIndex;
  byId: Map<string, EditorIndexNote>;
}

/** One link index per editor index (the index object is replaced, never changed, when the garden changes). */
const resolvers = new WeakMap<EditorIndex, Resolver>();

function resolverOf(index: EditorIndex): Resolver {
  let r = resolvers.get(index);
  if (!r) {
    const notes = index.notes.map((n) => ({ id: n.id as NoteId, publish: n.url !== null }));
    r = { links: buildLinkIndex(notes, index.attachments), byId: new Map(index.notes.map((n) => [n.id, n])) };
    resolvers.set(index, r);
  }
  return r;
}

/**
 * Resolve the target of a wiki-link (the part before `#` and `|`) written in
 * the note at `fromPath`, with the builder's own resolver (src/shared/links),
 * so the editor underlines, previews and creates exactly what a build would.
 */
export function resolveTarget(target: string, index: EditorIndex, fromPath = ''): TargetMatch {
  const { links, byId } = resolverOf(index);
  const match = resolveLinkTarget(links, toLinkPath(fromPath) as NoteId, target);
  switch (match.kind) {
    case 'note': {
      const note = byId.get(match.note.id);
      return note ? { kind: 'note', note } : { kind: 'missing' };
    }
    case 'attachment':
      return { kind: 'attachment', path: match.path };
    case 'missing':
      return { kind: 'missing' };
  }
}

/**
 * Split a link's inner text (`Target#Heading|Alias`) into target and anchor, as the builder
 * reads it: the first `|` starts the alias (`\|`, the escaped pipe of a table cell, too).
 */
export function splitLinkText(inner: string): { target: string; anchor: string } {
  const bar = inner.indexOf('|');
  let body = bar < 0 ? inner : inner.slice(0, bar);
  if (bar > 0 && body.endsWith('\\')) body = body.slice(0, -1);
  const hash = body.indexOf('#');
  return { target: splitTarget(body).target, anchor: hash < 0 ? '' : body.slice(hash + 1) };
}
