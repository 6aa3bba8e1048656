/**
 * Where a link written as text in a base leads (`link("Dune")`, `file.hasLink("[[Dune]]")`, a card
 * image `"covers/dune.jpg"`): an absolute URL stays a URL; anything else is resolved as a wiki-link
 * written in the base's file, by the same rules and index as every link of the garden.
 */
import { urlScheme } from '../compile/render/url-policy.ts';
import type { LinkIndex } from '../shared/links/link-index.ts';
import { resolveTarget } from '../shared/links/resolve-target.ts';
import type { NoteId } from '../shared/types.ts';
import type { RowLookup } from './expression/context.ts';
import type { LinkTarget } from './types.ts';

/** A resolver of link texts written in the file `source`. */
export function linkResolver(index: LinkIndex, source: NoteId, rows: RowLookup): (text: string) => LinkTarget {
  return (text) => {
    const written = text
      .trim()
      .replace(/^!?\[\[/, '')
      .replace(/\]\]$/, '');
    if (urlScheme(written) !== undefined) return { kind: 'url', href: written };
    const target = written.split('|')[0]!.split('#')[0]!.trim();
    if (target === '') return { kind: 'missing', target: written };
    const found = resolveTarget(index, source, target);
    switch (found.kind) {
      case 'note': {
        const row = rows.byNote(found.note.id);
        return row ? { kind: 'row', row } : { kind: 'unpublished' };
      }
      case 'attachment': {
        const row = rows.byAttachment(found.path);
        return row ? { kind: 'row', row } : { kind: 'missing', target };
      }
      case 'missing':
        return { kind: 'missing', target };
    }
  };
}
