/**
 * Fields of values (`file.name`, `date.year`, `text.length`, `note.status`), as Obsidian's
 * Bases documents them. A field a value does not have is null, as a missing property is.
 */
import { propertyLink, propertyValue } from '../property-value.ts';
import type { FileValue, ObjectValue, Row, Value } from '../types.ts';
import type { RowLookup } from './context.ts';

/** The field `name` of `object`. */
export function member(object: Value, name: string, rows: RowLookup): Value {
  if (object === null) return null;
  if (typeof object === 'string') return name === 'length' ? [...object].length : null;
  if (Array.isArray(object)) return name === 'length' ? object.length : null;
  if (typeof object !== 'object') return null;
  switch (object.kind) {
    case 'file':
      return fileField(object, name, rows);
    case 'date':
      return dateField(object.ms, name);
    case 'object':
      return object.get(name);
    case 'link':
      return null;
  }
}

/** The properties of `row` as an object (`note`, `file.properties`). */
export function propertiesOf(row: Row, rows: RowLookup): ObjectValue {
  return { kind: 'object', keys: () => row.properties.map((p) => p.key), get: (key) => readProperty(row, key, rows) };
}

/** The property `name` of `row` (its exact key, else the same key in another case), or null. */
export function readProperty(row: Row, name: string, rows: RowLookup): Value {
  const lower = name.toLowerCase();
  const p = row.properties.find((x) => x.key === name) ?? row.properties.find((x) => x.key.toLowerCase() === lower);
  return p ? propertyValue(p, row, rows) : null;
}

function fileField(file: FileValue, name: string, rows: RowLookup): Value {
  const row = file.row;
  switch (name) {
    case 'name':
    case 'basename':
    case 'path':
    case 'folder':
    case 'ext':
    case 'size':
      return row[name];
    case 'mtime':
    case 'ctime':
      return row[name] ?? null;
    case 'tags':
      return row.tags.map((t) => '#' + t);
    case 'links':
    case 'embeds':
      return linksOf(row, name === 'links' ? 'link' : 'embed', rows);
    case 'backlinks':
      return rows.backlinksOf(row).map((r): Value => ({ kind: 'file', row: r }));
    case 'properties':
    case 'note':
      return propertiesOf(row, rows);
    case 'file':
      return file;
    default:
      // `this.status`: a property of the file showing the base.
      return readProperty(row, name, rows);
  }
}

/** The links (or embeds) of `row`'s note, one per target, in order. */
function linksOf(row: Row, kind: 'link' | 'embed', rows: RowLookup): Value[] {
  const seen = new Set<string>();
  const out: Value[] = [];
  for (const l of row.links) {
    if (l.ref.kind !== kind) continue;
    const value = propertyLink(l, l.ref.alias ?? l.ref.target, row, rows);
    const key = value.to.kind === 'row' ? value.to.row.key : value.text.toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(value);
  }
  return out;
}

function dateField(ms: number, name: string): Value {
  const d = new Date(ms);
  switch (name) {
    case 'year':
      return d.getUTCFullYear();
    case 'month':
      return d.getUTCMonth() + 1;
    case 'day':
      return d.getUTCDate();
    case 'hour':
      return d.getUTCHours();
    case 'minute':
      return d.getUTCMinutes();
    case 'second':
      return d.getUTCSeconds();
    case 'millisecond':
      return d.getUTCMilliseconds();
    default:
      return null;
  }
}
