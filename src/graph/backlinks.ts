/**
 * Backlinks of every note, with the paragraph around each link as context,
 * derived once from resolved links (never recomputed by views).
 */
import type { Backlink, NoteId, ResolvedLink, Slug } from '../types.ts';

/** Backlinks keyed by target, in source-note order then link order. */
export function deriveBacklinks(
  links: ReadonlyMap<NoteId, readonly ResolvedLink[]>,
  info: ReadonlyMap<NoteId, { title: string; url: Slug }>,
): Map<NoteId, Backlink[]> {
  const out = new Map<NoteId, Backlink[]>();
  for (const [source, list] of links) {
    const from = info.get(source);
    if (!from) continue;
    const seen = new Set<string>();
    for (const link of list) {
      const r = link.resolution;
      if (r.kind !== 'note' || !info.has(r.target)) continue;
      const dedupe = r.target + '\u0000' + link.ref.context;
      if (seen.has(dedupe)) continue;
      seen.add(dedupe);
      const entry: Backlink = { source, title: from.title, url: from.url, kind: link.ref.kind, context: link.ref.context, ...(link.ref.highlight ? { highlight: link.ref.highlight } : {}) };
      const bucket = out.get(r.target);
      if (bucket) bucket.push(entry);
      else out.set(r.target, [entry]);
    }
  }
  return out;
}
