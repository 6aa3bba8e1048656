/**
 * What Bases values mean: their type names, truthiness, equality, order and text. Equality is
 * strict (no number-text coercion), except that a link equals the file it leads to and a text
 * equals a link whose target it names, as in Obsidian (`author == this`, `author == "Tolkien"`).
 */
import { nameKey } from '../../shared/ids.ts';
import type { DateValue, FileValue, LinkValue, Value } from '../types.ts';
import { formatDate, parseDate } from './dates.ts';

/** The type name `isType()` compares with. */
export function typeOf(v: Value): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'list';
  if (typeof v === 'object') return v.kind;
  return typeof v;
}

/** Whether `v` counts as true: not null, false, 0, NaN, empty text or an empty list. */
export function isTruthy(v: Value): boolean {
  if (v === null || v === false || v === '' || (typeof v === 'number' && (v === 0 || Number.isNaN(v)))) return false;
  if (Array.isArray(v)) return v.length > 0;
  return true;
}

/** Whether `v` is empty: null, empty text, an empty list or an object without keys. */
export function isEmptyValue(v: Value): boolean {
  if (v === null || v === '') return true;
  if (Array.isArray(v)) return v.length === 0;
  if (typeof v === 'object' && v.kind === 'object') return v.keys().length === 0;
  return false;
}

/** `==` of Bases. */
export function valuesEqual(a: Value, b: Value): boolean {
  if (a === null || b === null) return a === b;
  if (Array.isArray(a) || Array.isArray(b)) {
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((x, i) => valuesEqual(x, b[i]!));
  }
  if (typeof a !== 'object' && typeof b !== 'object') return a === b;
  if (typeof a === 'object' && a.kind === 'link') return linkEquals(a, b);
  if (typeof b === 'object' && b.kind === 'link') return linkEquals(b, a);
  if (typeof a === 'object' && typeof b === 'object') {
    if (a.kind === 'date' && b.kind === 'date') return a.ms === b.ms;
    if (a.kind === 'file' && b.kind === 'file') return a.row.key === b.row.key;
    return a === b;
  }
  return false;
}

function linkEquals(link: LinkValue, other: Value): boolean {
  if (other === null) return false;
  if (typeof other === 'string')
    return link.to.kind === 'row' ? sameName(link.to.row.basename, other) || sameName(link.to.row.path, other) : linkText(link) === nameKey(other);
  if (typeof other !== 'object' || Array.isArray(other)) return false;
  if (other.kind === 'file') return link.to.kind === 'row' && link.to.row.key === other.row.key;
  if (other.kind !== 'link') return false;
  if (link.to.kind === 'row' && other.to.kind === 'row') return link.to.row.key === other.to.row.key;
  if (link.to.kind === 'url' && other.to.kind === 'url') return link.to.href === other.to.href;
  return link.to.kind !== 'row' && other.to.kind !== 'row' && linkText(link) === linkText(other);
}

function linkText(link: LinkValue): string {
  return nameKey(link.to.kind === 'missing' ? link.to.target : link.text);
}

function sameName(name: string, text: string): boolean {
  const t = nameKey(text.replace(/^\[\[|\]\]$/g, ''));
  return nameKey(name) === t || nameKey(name) === t + '.md';
}

/** The order of two values for sorting and `<`: numbers, dates, texts (natural, case-insensitive); `undefined` when they do not compare. */
export function compareValues(a: Value, b: Value): number | undefined {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (typeof a === 'boolean' && typeof b === 'boolean') return Number(a) - Number(b);
  const da = asDate(a);
  const db = asDate(b);
  // A date compares with a date, or with a text naming one (`due < "2025-01-01"`).
  if (da || db) {
    const x = da ?? (typeof a === 'string' ? parseDate(a) : undefined);
    const y = db ?? (typeof b === 'string' ? parseDate(b) : undefined);
    return x && y ? x.ms - y.ms : undefined;
  }
  if (typeof a === 'string' && typeof b === 'string') return collator.compare(a, b);
  return undefined;
}

const collator = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });

/** `v` if it is a date. */
function asDate(v: Value): DateValue | undefined {
  if (v !== null && typeof v === 'object' && !Array.isArray(v) && v.kind === 'date') return v;
  return undefined;
}

/** The text of a value, as `toString()` and `+` with text give it. */
export function toText(v: Value): string {
  if (v === null) return '';
  if (Array.isArray(v)) return v.map(toText).join(', ');
  if (typeof v !== 'object') return String(v);
  switch (v.kind) {
    case 'date':
      return formatDate(v, v.time ? 'YYYY-MM-DD HH:mm' : 'YYYY-MM-DD');
    case 'link':
      return v.text;
    case 'file':
      return fileText(v);
    case 'object':
      return JSON.stringify(Object.fromEntries(v.keys().map((k) => [k, toText(v.get(k))])));
  }
}

function fileText(v: FileValue): string {
  return v.row.ext === 'md' ? v.row.basename : v.row.name;
}
