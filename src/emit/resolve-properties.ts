/**
 * The properties panel of a note's page: its parsed properties with each wiki-link replaced by
 * where the resolve stage sent it, so property links lead where body links lead (a published
 * note, an anchor, an attachment) or show as unresolved or unpublished as they do.
 */
import { attachmentUrl } from '../assemble/link-html.ts';
import type { Anchor, NoteId, NoteProperty, PropertyLink, PropertyPart, ResolvedLink, Slug } from '../shared/types.ts';

/** Resolve the links of `properties`; `links` are the note's resolved links (numbered as `ParsedNote.links`), `urls` the published notes. */
export function resolveProperties(
  properties: readonly NoteProperty<number>[],
  links: readonly ResolvedLink[],
  urls: Pick<ReadonlyMap<NoteId, { url: Slug }>, 'get'>,
): NoteProperty<PropertyLink>[] {
  const part = (p: PropertyPart<number>): PropertyPart<PropertyLink> =>
    typeof p !== 'string' && p.kind === 'link' ? { ...p, link: toLink(links[p.link], p.text, urls) } : p;
  return properties.map((p): NoteProperty<PropertyLink> => {
    switch (p.type) {
      case 'text':
        return { key: p.key, type: 'text', value: p.value.map(part) };
      case 'list':
        return { key: p.key, type: 'list', value: p.value.map((item) => item.map(part)) };
      case 'tags':
      case 'number':
      case 'checkbox':
      case 'date':
      case 'datetime':
        return p;
    }
  });
}

function toLink(link: ResolvedLink | undefined, text: string, urls: Pick<ReadonlyMap<NoteId, { url: Slug }>, 'get'>): PropertyLink {
  if (!link) return { kind: 'missing', target: text };
  const r = link.resolution;
  switch (r.kind) {
    case 'note': {
      const url = urls.get(r.target)?.url;
      return url ? { kind: 'note', id: r.target, href: url + hash(r.anchor) } : { kind: 'unpublished' };
    }
    case 'self':
      return { kind: 'self', href: hash(r.anchor) || '#' };
    case 'attachment':
      return { kind: 'attachment', href: attachmentUrl(r.path) };
    case 'unpublished':
      return { kind: 'unpublished' };
    case 'missing':
      return { kind: 'missing', target: link.ref.target };
  }
}

function hash(anchor: Anchor | undefined): string {
  return anchor ? '#' + (anchor.kind === 'block' ? '^' + anchor.id : anchor.id) : '';
}
