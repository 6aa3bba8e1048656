/**
 * Identities: branded note paths, ids and slugs, and the normalisation that
 * Obsidian applies when it compares names. Pure functions only.
 */
import type { NoteId, NotePath, Slug } from './types.ts';

/** Whether a vault-relative path names a Markdown note. */
export function isNotePath(path: string): path is NotePath {
  return /\.md$/i.test(path);
}

/** Brand a vault-relative POSIX path as a note path; throws on other extensions. */
export function toNotePath(path: string): NotePath {
  if (!isNotePath(path)) throw new Error(`ids: "${path}" is not a Markdown path; check isNotePath first`);
  return path.normalize('NFC') as NotePath;
}

/** The note id of a path: the path without its `.md` extension. */
export function toNoteId(path: NotePath): NoteId {
  return path.slice(0, -3) as NoteId;
}

/** Key under which Obsidian compares names and paths: NFC, case-folded. */
export function nameKey(name: string): string {
  return name.normalize('NFC').toLowerCase();
}

/** The last path segment of an id or path. */
export function baseName(path: string): string {
  const i = path.lastIndexOf('/');
  return i < 0 ? path : path.slice(i + 1);
}

/** The folder part of a path ('' at the vault root). */
export function dirName(path: string): string {
  const i = path.lastIndexOf('/');
  return i < 0 ? '' : path.slice(0, i);
}

/** URL-safe form of one path segment: lower case, spaces and unsafe punctuation to `-`, letters of every script kept. */
export function slugifySegment(segment: string): string {
  return asciiSlug(segment) ?? slugByRules(segment);
}

/**
 * {@link slugifySegment} of a segment of ASCII characters, in one pass (runs of letters, digits, dots and tildes,
 * lowered and joined by one dash; dashes and dots trimmed at both ends): what the rules below give such a segment, in
 * a third of their time at 10k notes' names (every note's URL is made on every build). Undefined for other segments.
 */
function asciiSlug(segment: string): string | undefined {
  // Lowered whole (a native pass); its characters stand where the segment's do while they are ASCII, checked below.
  const lower = segment.toLowerCase();
  let out = '';
  let start = -1;
  for (let i = 0; i <= segment.length; i++) {
    const c = i < segment.length ? segment.charCodeAt(i) : 0;
    if (c > 0x7f) return undefined;
    const kept = (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x39) || c === 0x2e || c === 0x7e;
    if (kept) {
      if (start < 0) start = i;
    } else if (start >= 0) {
      out += (out === '' ? '' : '-') + lower.slice(start, i);
      start = -1;
    }
  }
  // Dots (and the dashes between them) at either end go, as the rules' last step takes them.
  const trimmed = out.charCodeAt(0) === 0x2e || out.charCodeAt(out.length - 1) === 0x2e ? out.replace(/^[-.]+|[-.]+$/g, '') : out;
  return trimmed || 'untitled';
}

/**
 * The rules {@link slugifySegment} applies: Unicode normalised, lower case, runs of spaces, `_` and unsafe characters a
 * dash. Exported for the test that holds the one-pass form of ASCII segments to them.
 */
export function slugByRules(segment: string): string {
  const s = segment
    .normalize('NFC')
    .toLowerCase()
    .replace(/[\s_]+/g, '-')
    .replace(/[^\p{L}\p{N}\p{M}\-.~]+/gu, '-')
    .replace(/-{2,}/g, '-')
    .replace(/^[-.]+|[-.]+$/g, '');
  return s || 'untitled';
}

/** The pretty URL of a note id, e.g. `Editing/Create or edit Task` -> `/editing/create-or-edit-task/`. */
export function toSlug(id: NoteId): Slug {
  return ('/' + id.split('/').map(slugifySegment).join('/') + '/') as Slug;
}

/**
 * {@link toSlug}, for many ids at once: each folder's part of the URL is made once, so that a
 * garden of 10k notes in a few hundred folders slugifies about one segment a note, not three.
 */
export function slugMaker(): (id: NoteId) => Slug {
  const folders = new Map<string, string>();
  return (id) => {
    const cut = id.lastIndexOf('/');
    if (cut < 0) return ('/' + slugifySegment(id) + '/') as Slug;
    const dir = id.slice(0, cut);
    let prefix = folders.get(dir);
    if (prefix === undefined) folders.set(dir, (prefix = '/' + dir.split('/').map(slugifySegment).join('/')));
    return (prefix + '/' + slugifySegment(id.slice(cut + 1)) + '/') as Slug;
  };
}

/** Normalise a frontmatter `permalink` into a slug; returns undefined when it is unusable. */
export function permalinkToSlug(permalink: string): Slug | undefined {
  const parts = permalink.split('/').filter((p) => p && p !== '.' && p !== '..');
  if (parts.some((p) => p.includes('\\'))) return undefined;
  if (parts.length === 0) return '/' as Slug;
  return ('/' + parts.map((p) => encodeURIComponent(decodeSafe(p))).join('/') + '/') as Slug;
}

function decodeSafe(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/** The URL of a tag page. */
export function tagSlug(tag: string): Slug {
  return ('/tags/' + tag.split('/').map(slugifySegment).join('/') + '/') as Slug;
}

/** Key Obsidian uses to compare heading anchors: NFC, case-folded, link-breaking characters as spaces, spaces collapsed. */
export function anchorKey(text: string): string {
  return text
    .normalize('NFC')
    .toLowerCase()
    .replace(/[#^|:\\[\]%]/g, ' ')
    .replace(/[`*]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * Key under which a link's heading is matched to a note's headings, as Obsidian matches them: the
 * `anchorKey`, with the punctuation Obsidian ignores in heading links (`? ( ) & . / $ ! , ; ' "`)
 * read as spaces too. `[[Doc#How large is it]]` finds `## How large is it?`, `[[Doc#Jumps Desvios]]`
 * finds `### Jumps (Desvios)`. Only matching uses it: heading ids keep `headingId`, so anchors stay.
 */
export function headingKey(text: string): string {
  return anchorKey(text.replace(/[?()&./$!,;'"]/g, ' '));
}

/** The HTML id of a heading with the given text (before de-duplication within a note). */
export function headingId(text: string): string {
  const key = anchorKey(text)
    .replace(/[!"$&'()*+,./;<=>?@`{}~]/g, '')
    .replace(/ /g, '-');
  return key || 'section';
}

/** Prefix of ids and names written in a note's raw HTML, so they cannot shadow the document's properties (as GitHub does). */
export const userContentPrefix = 'user-content-';

/** The HTML id of an Obsidian block (`^id`). */
export function blockElementId(id: string): string {
  return '^' + id;
}
