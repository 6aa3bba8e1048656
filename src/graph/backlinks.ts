/**
 * Backlinks of every note, with the paragraph around each link as context,
 * derived once from resolved links (never recomputed by views). The dev
 * server recomputes single targets with `backlinksOf`, the same rule.
 */
import type { Backlink, NoteId, ResolvedLink, Slug } from '../types.ts';

type Info = ReadonlyMap<NoteId, { title: string; url: Slug }>;

/** Backlinks keyed by target, in source-note order then link order. */
export function deriveBacklinks(links: ReadonlyMap<NoteId, readonly ResolvedLink[]>, info: Info): Map<NoteId, Backlink[]> {
  const out = new Map<NoteId, Backlink[]>();
  for (const [source, list] of links) {
    for (const [target, entry] of sourceBacklinks(source, list, info)) {
      const bucket = out.get(target);
      if (bucket) bucket.push(entry);
      else out.set(target, [entry]);
    }
  }
  return out;
}

/** The backlinks of one target from the given sources (in the order given, which must be note order). */
export function backlinksOf(target: NoteId, sources: Iterable<NoteId>, links: ReadonlyMap<NoteId, readonly ResolvedLink[]>, info: Info): Backlink[] {
  const out: Backlink[] = [];
  for (const source of sources) {
    for (const [t, entry] of sourceBacklinks(source, links.get(source) ?? [], info)) if (t === target) out.push(entry);
  }
  return out;
}

/** The backlink entries one source contributes, as [target, entry], deduplicated by target and context. */
function sourceBacklinks(source: NoteId, list: readonly ResolvedLink[], info: Info): [NoteId, Backlink][] {
  const from = info.get(source);
  if (!from) return [];
  const seen = new Set<string>();
  const out: [NoteId, Backlink][] = [];
  for (const link of list) {
    const r = link.resolution;
    if (r.kind !== 'note' || !info.has(r.target)) continue;
    const dedupe = r.target + '\u0000' + link.ref.context;
    if (seen.has(dedupe)) continue;
    seen.add(dedupe);
    out.push([r.target, { source, title: from.title, url: from.url, kind: link.ref.kind, context: link.ref.context, ...(link.ref.highlight ? { highlight: link.ref.highlight } : {}) }]);
  }
  return out;
}
