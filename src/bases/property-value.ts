/**
 * A frontmatter property as a Bases value: numbers, checkboxes and dates as themselves, tags as
 * texts, a text that is one wiki-link as a link (resolved as the note's body links are), other
 * texts as written, lists item by item.
 */
import type { NoteProperty, PropertyPart, ResolvedLink } from '../shared/types.ts';
import type { RowLookup } from './expression/context.ts';
import { parseDate } from './expression/dates.ts';
import type { LinkTarget, LinkValue, Row, Value } from './types.ts';

/** The value of `property` of `row`. */
export function propertyValue(property: NoteProperty<number>, row: Row, rows: RowLookup): Value {
  switch (property.type) {
    case 'text':
      return partsValue(property.value, row, rows);
    case 'list':
      return property.value.map((item) => partsValue(item, row, rows));
    case 'tags':
      return [...property.value];
    case 'number':
    case 'checkbox':
      return property.value;
    case 'date':
    case 'datetime':
      return parseDate(property.value) ?? property.value;
  }
}

function partsValue(parts: readonly PropertyPart<number>[], row: Row, rows: RowLookup): Value {
  if (parts.length === 0) return null;
  const only = parts[0]!;
  if (parts.length === 1 && typeof only !== 'string' && only.kind === 'link') return propertyLink(row.links[only.link], only.text, row, rows);
  return parts
    .map((p) => {
      if (typeof p === 'string' || p.kind === 'url') return typeof p === 'string' ? p : p.text;
      const ref = row.links[p.link]?.ref;
      return ref ? `[[${ref.target}${ref.alias !== undefined ? '|' + ref.alias : ''}]]` : p.text;
    })
    .join('');
}

/** A property's wiki-link as a link value. */
export function propertyLink(resolved: ResolvedLink | undefined, text: string, row: Row, rows: RowLookup): LinkValue {
  return { kind: 'link', to: targetOf(resolved, row, rows), text, ...(resolved ? { resolved } : {}) };
}

function targetOf(link: ResolvedLink | undefined, row: Row, rows: RowLookup): LinkTarget {
  if (!link) return { kind: 'missing', target: '' };
  const r = link.resolution;
  switch (r.kind) {
    case 'note': {
      const target = rows.byNote(r.target);
      return target ? { kind: 'row', row: target } : { kind: 'unpublished' };
    }
    case 'self':
      return { kind: 'row', row };
    case 'attachment': {
      const target = rows.byAttachment(r.path);
      return target ? { kind: 'row', row: target } : { kind: 'missing', target: link.ref.target };
    }
    case 'unpublished':
      return { kind: 'unpublished' };
    case 'missing':
      return { kind: 'missing', target: link.ref.target };
  }
}
