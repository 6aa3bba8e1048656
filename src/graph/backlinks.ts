/**
 * Backlinks of every note, with the paragraph around each link as context,
 * derived once from resolved links (never recomputed by views). The dev
 * server recomputes single targets with `backlinksOf`, the same rule.
 */
import type { Backlink, LinkKind, LinkRef, NoteId, ResolvedLink, Slug } from '../shared/types.ts';

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

/**
 * The backlink entries one source contributes, as [target, entry]: one per target and distinct
 * context. A context may be read back from disk (render/spill.ts), so contexts are compared only
 * when a source links a target more than once.
 */
function sourceBacklinks(source: NoteId, list: readonly ResolvedLink[], info: Info): [NoteId, Backlink][] {
  const from = info.get(source);
  if (!from) return [];
  const first = new Map<NoteId, LinkRef>();
  let contexts: Map<NoteId, Set<string>> | undefined;
  const out: [NoteId, Backlink][] = [];
  for (const link of list) {
    const r = link.resolution;
    if (r.kind !== 'note' || !info.has(r.target)) continue;
    const earlier = first.get(r.target);
    if (earlier === undefined) first.set(r.target, link.ref);
    else {
      contexts ??= new Map();
      let seen = contexts.get(r.target);
      if (!seen) contexts.set(r.target, (seen = new Set([earlier.context])));
      const context = link.ref.context;
      if (seen.has(context)) continue;
      seen.add(context);
    }
    out.push([r.target, new LinkBacklink(source, from, link.ref)]);
  }
  return out;
}

/**
 * A backlink that reads its context and highlight from its link when asked, and holds no copy:
 * a spilled link's context stays on disk until a page shows it. Serialises as a plain Backlink.
 */
class LinkBacklink implements Backlink {
  readonly source: NoteId;
  readonly title: string;
  readonly url: Slug;
  readonly kind: LinkKind;
  readonly #ref: LinkRef;

  constructor(source: NoteId, from: { title: string; url: Slug }, ref: LinkRef) {
    this.source = source;
    this.title = from.title;
    this.url = from.url;
    this.kind = ref.kind;
    this.#ref = ref;
  }

  get context(): string {
    return this.#ref.context;
  }

  get highlight(): [number, number] | undefined {
    return this.#ref.highlight;
  }

  toJSON(): Backlink {
    const highlight = this.highlight;
    return { source: this.source, title: this.title, url: this.url, kind: this.kind, context: this.context, ...(highlight ? { highlight } : {}) };
  }
}
