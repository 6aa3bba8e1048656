/**
 * The properties panel's data: every top-level frontmatter property in source order, its value
 * typed as Obsidian's Properties view infers it from the value (Obsidian keeps one type per
 * property name for the whole vault; Trellis reads each value). Markdown in values is shown as
 * written, as Obsidian does; wiki-links become link parts numbered as `collectFrontmatterLinks`
 * numbers the note's frontmatter links; a value that is one URL becomes a link only when it is
 * http, https or mailto and the URL policy allows it.
 */
import { type Document, isAlias, isMap, isNode, isScalar, isSeq, type Node } from 'yaml';
import { displayText } from '../../shared/links/link-ref.ts';
import type { NoteProperty, PropertyPart } from '../../shared/types.ts';
import { isAllowedUrl } from '../render/url-policy.ts';
import { toAliasList, toTagList } from './frontmatter.ts';
import { valueWikiLinks, visitLinkScalars } from './frontmatter-links.ts';
import type { WikiLink } from './wiki-link.ts';

type Part = PropertyPart<number>;
/** The wiki-links of each linking string, by where its scalar starts in the YAML text, and the number of its first link. */
type LinkScalars = Map<number, { first: number; links: WikiLink[] }>;
type YamlNode = Node | null | undefined;

const date = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
const dateTime = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])[T ]([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/;
const urlLike = /^(https?:\/\/|mailto:)\S+$/i;
/** Nested maps are shown as JSON, cut at this length (Obsidian does not show nested properties). */
const maxJson = 500;

/** The properties of a frontmatter document that read as a map; link numbers start at `firstLink` (the body's link count). */
export function readProperties(doc: Document.Parsed, firstLink: number): NoteProperty<number>[] {
  const contents = doc.contents;
  if (!isMap(contents)) return [];
  const links: LinkScalars = new Map();
  let next = firstLink;
  visitLinkScalars(doc, (scalar, range) => {
    const found = valueWikiLinks(scalar.value).links;
    links.set(range[0], { first: next, links: found });
    next += found.length;
  });
  return contents.items.map((pair) => {
    const key = isScalar(pair.key) ? String(pair.key.value ?? '') : pair.key ? String(pair.key) : '';
    return toProperty(key, resolve(doc, pair.value), doc, links);
  });
}

function toProperty(key: string, node: YamlNode, doc: Document, links: LinkScalars): NoteProperty<number> {
  const name = key.toLowerCase();
  if (name === 'tags' || name === 'tag') return { key, type: 'tags', value: toTagList(toJs(node, doc)) };
  if (name === 'aliases' || name === 'alias') return { key, type: 'list', value: toAliasList(toJs(node, doc)).map((a) => [a]) };
  if (isSeq(node)) return { key, type: 'list', value: node.items.flatMap((item) => itemParts(resolve(doc, isNode(item) ? item : null), doc, links)) };
  // `cssclasses` is a list in Obsidian whatever its value.
  if (name === 'cssclasses' || name === 'cssclass') return { key, type: 'list', value: itemParts(node, doc, links) };
  if (isMap(node)) return { key, type: 'text', value: [json(node, doc)] };
  if (!isScalar(node)) return { key, type: 'text', value: [] };
  const v = node.value;
  if (typeof v === 'boolean') return { key, type: 'checkbox', value: v };
  if (typeof v === 'number' && Number.isFinite(v)) return { key, type: 'number', value: v };
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? { key, type: 'text', value: [] } : { key, type: 'date', value: v.toISOString().slice(0, 10) };
  if (typeof v === 'string') {
    const t = v.trim();
    if (date.test(t)) return { key, type: 'date', value: t };
    if (dateTime.test(t)) return { key, type: 'datetime', value: t };
  }
  return { key, type: 'text', value: scalarParts(node, links) };
}

/** A list item's parts (none for an empty item); nested lists and maps are shown as JSON. */
function itemParts(node: YamlNode, doc: Document, links: LinkScalars): Part[][] {
  if (isScalar(node)) {
    const parts = scalarParts(node, links);
    return parts.length > 0 ? [parts] : [];
  }
  if (isMap(node) || isSeq(node)) return [[json(node, doc)]];
  return [];
}

function scalarParts(node: YamlNode, links: LinkScalars): Part[] {
  if (!isScalar(node) || node.value === null || node.value === undefined) return [];
  const value = typeof node.value === 'string' ? node.value : String(node.value);
  const found = node.range ? links.get(node.range[0]) : undefined;
  if (typeof node.value === 'string' && found && found.links.length > 0) return withLinks(value, found.first, found.links);
  const t = value.trim();
  if (!t) return [];
  if (urlLike.test(t) && isAllowedUrl(t, 'link')) return [{ kind: 'url', text: t, href: t }];
  return [t];
}

/** Split a string into text and its wiki-links, at the links' offsets in the string (text between them as written). */
function withLinks(value: string, first: number, links: readonly WikiLink[]): Part[] {
  const parts: Part[] = [];
  let at = 0;
  links.forEach((link, k) => {
    const start = link.position?.start.offset;
    const end = link.position?.end.offset;
    if (start === undefined || end === undefined || start < at) return;
    if (start > at) parts.push(value.slice(at, start));
    parts.push({ kind: 'link', text: link.data.alias || displayText(link.value), link: first + k });
    at = end;
  });
  if (at < value.length) parts.push(value.slice(at));
  // Spaces around the whole value are not shown, as for plain text.
  const head = parts[0];
  if (typeof head === 'string') parts[0] = head.trimStart();
  const tail = parts[parts.length - 1];
  if (typeof tail === 'string') parts[parts.length - 1] = tail.trimEnd();
  return parts.filter((p) => p !== '');
}

function resolve(doc: Document, node: YamlNode): YamlNode {
  return isAlias(node) ? node.resolve(doc) : node;
}

function toJs(node: YamlNode, doc: Document): unknown {
  if (!node) return null;
  try {
    return node.toJS(doc, { maxAliasCount: 100 });
  } catch {
    return null;
  }
}

function json(node: YamlNode, doc: Document): string {
  const s = JSON.stringify(toJs(node, doc)) ?? '';
  return s.length > maxJson ? s.slice(0, maxJson) + '…' : s;
}
