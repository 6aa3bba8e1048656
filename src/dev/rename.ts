/**
 * Rename refactoring: the links that point at a renamed note are rewritten in
 * their source text (from the parser's source ranges), keeping embeds, anchors,
 * aliases and the escaped table pipe. The new target is the shortest text that
 * resolves to the renamed note from that source (its name, else its path).
 */
import path from 'node:path';
import { baseName, dirName, toNoteId } from '../shared/ids.ts';
import type { LinkIndex } from '../shared/links/link-index.ts';
import { resolveTarget } from '../shared/links/resolve-target.ts';
import type { LinkRef, NoteId, NotePath } from '../shared/types.ts';

/** Rewrite the given links of `text` (all pointing at the renamed note) to point at `to`. */
export function rewriteLinks(text: string, source: NoteId, links: readonly LinkRef[], to: NotePath, index: LinkIndex): string {
  const toId = toNoteId(to);
  const sorted = [...links].sort((a, b) => b.range[0] - a.range[0]);
  let out = text;
  for (const ref of sorted) {
    const [start, end] = ref.range;
    const original = out.slice(start, end);
    const replacement = ref.syntax === 'wiki' ? wikiText(ref, original, shortestTarget(source, toId, index)) : markdownText(original, source, to, ref);
    out = out.slice(0, start) + replacement + out.slice(end);
  }
  return out;
}

/** The shortest written target that resolves to `target` from `source` without ambiguity. */
export function shortestTarget(source: NoteId, target: NoteId, index: LinkIndex): string {
  const name = baseName(target);
  const r = resolveTarget(index, source, name);
  if (r.kind === 'note' && r.note.id === target && !r.candidates) return name;
  return target;
}

function anchorText(ref: LinkRef): string {
  if (ref.block) return `#^${ref.block}`;
  return ref.headings.map((h) => `#${h}`).join('');
}

function wikiText(ref: LinkRef, original: string, target: string): string {
  const divider = original.includes('\\|') ? '\\|' : '|';
  const size = ref.width ? `${divider}${ref.width}${ref.height ? `x${ref.height}` : ''}` : '';
  const alias = ref.alias !== undefined ? `${divider}${ref.alias}` : size;
  return `${ref.kind === 'embed' ? '!' : ''}[[${target}${anchorText(ref)}${alias}]]`;
}

function markdownText(original: string, source: NoteId, to: NotePath, ref: LinkRef): string {
  const split = original.lastIndexOf('](');
  if (split < 0) return original;
  const rel = path.posix.relative(dirName(source) || '.', to);
  const url = rel.split('/').map(encodeURIComponent).join('/');
  const anchor = ref.block ? `#^${ref.block}` : ref.headings.length ? '#' + ref.headings.map(encodeURIComponent).join('#') : '';
  return `${original.slice(0, split)}](${url}${anchor})`;
}
