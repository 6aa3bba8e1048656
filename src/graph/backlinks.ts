/**
 * Backlinks of every note, with the paragraph around each link as context,
 * derived once from resolved links (never recomputed by views). The dev
 * server recomputes single targets with `backlinksOf`, the same rule.
 */
import type { Backlink, LinkContext, LinkKind, NoteId, ResolvedLink, Slug } from '../shared/types.ts';

type Info = ReadonlyMap<NoteId, { title: string; url: Slug }>;

/** The text around link number `link` of note `id` (read from the build's store, src/store). */
export type ContextOf = (id: NoteId, link: number) => LinkContext | undefined;

/** A source's links as backlinks read them, by link number: each one's kind, and its target when it resolves to a note. */
export interface SourceLinks {
  readonly count: number;
  kind(link: number): LinkKind;
  target(link: number): NoteId | undefined;
}

/** The `SourceLinks` of a source's resolved links. */
export function resolvedSourceLinks(list: readonly ResolvedLink[]): SourceLinks {
  return {
    count: list.length,
    kind: (i) => list[i]!.ref.kind,
    target: (i) => {
      const r = list[i]!.resolution;
      return r.kind === 'note' ? r.target : undefined;
    },
  };
}

/** Backlinks keyed by target, in source-note order then link order. */
export function deriveBacklinks(links: ReadonlyMap<NoteId, readonly ResolvedLink[]>, info: Info, contextOf: ContextOf): Map<NoteId, Backlink[]> {
  const out = new Map<NoteId, Backlink[]>();
  for (const [source, list] of links) {
    for (const [target, entry] of sourceBacklinks(source, resolvedSourceLinks(list), info, contextOf)) {
      const bucket = out.get(target);
      if (bucket) bucket.push(entry);
      else out.set(target, [entry]);
    }
  }
  return out;
}

/** Distinct targets asked for before a lazy map derives every target's backlinks at once. */
const defaultAskedBeforeAll = 256;

/** What is known of the links without resolving them (the previous build's facts, src/incremental/text-only-derive.ts). */
export interface KnownBacklinks {
  /** Each target's sources, in note order. */
  sources: ReadonlyMap<NoteId, readonly NoteId[]>;
  /** Each source's links as backlinks read them. */
  linksOf: (source: NoteId) => SourceLinks;
}

/**
 * Backlinks keyed by target, as `deriveBacklinks` gives them, but each target's derived when first
 * asked: a warm build of edited text shows a handful of pages and needs theirs alone. The sources
 * of each target are listed up front (one pass over the links), or `known`; once many targets have
 * been asked (a build showing every page), or the map is iterated, every target's are derived at once.
 */
export function lazyBacklinks(
  links: ReadonlyMap<NoteId, readonly ResolvedLink[]>,
  info: Info,
  contextOf: ContextOf,
  askedBeforeAll = defaultAskedBeforeAll,
  known?: KnownBacklinks,
): ReadonlyMap<NoteId, Backlink[]> {
  return new LazyBacklinks(links, info, contextOf, askedBeforeAll, known);
}

class LazyBacklinks implements ReadonlyMap<NoteId, Backlink[]> {
  readonly #links: ReadonlyMap<NoteId, readonly ResolvedLink[]>;
  readonly #info: Info;
  readonly #contextOf: ContextOf;
  readonly #askedBeforeAll: number;
  /** Each target's sources, in note order, while not every target's backlinks are derived. */
  #sources: ReadonlyMap<NoteId, readonly NoteId[]> | undefined;
  #lists = new Map<NoteId, Backlink[]>();
  /** Each source's links, when known without resolving them (`lazyBacklinks`' `known`). */
  readonly #linksOf: ((source: NoteId) => SourceLinks) | undefined;

  constructor(links: ReadonlyMap<NoteId, readonly ResolvedLink[]>, info: Info, contextOf: ContextOf, askedBeforeAll: number, known?: KnownBacklinks) {
    this.#links = links;
    this.#info = info;
    this.#contextOf = contextOf;
    this.#askedBeforeAll = askedBeforeAll;
    this.#linksOf = known?.linksOf;
    if (known) {
      this.#sources = known.sources;
      return;
    }
    const found = new Map<NoteId, NoteId[]>();
    for (const [source, list] of links) {
      if (!info.has(source)) continue;
      for (const link of list) {
        const r = link.resolution;
        if (r.kind !== 'note' || !info.has(r.target)) continue;
        const sources = found.get(r.target);
        if (!sources) found.set(r.target, [source]);
        else if (sources[sources.length - 1] !== source) sources.push(source);
      }
    }
    this.#sources = found;
  }

  get(target: NoteId): Backlink[] | undefined {
    const sources = this.#sources;
    if (!sources) return this.#lists.get(target);
    const known = this.#lists.get(target);
    if (known) return known;
    const from = sources.get(target);
    if (!from || from.length === 0) return undefined;
    if (this.#lists.size >= this.#askedBeforeAll) return this.#all().get(target);
    const links = this.#links;
    const list = backlinksFrom(target, from, this.#linksOf ?? ((s) => resolvedSourceLinks(links.get(s) ?? [])), this.#info, this.#contextOf);
    this.#lists.set(target, list);
    return list;
  }

  has(target: NoteId): boolean {
    return this.#sources ? (this.#sources.get(target)?.length ?? 0) > 0 : this.#lists.has(target);
  }

  get size(): number {
    // Sources known from kept facts list every published note, those without backlinks too: counted by deriving them all.
    if (this.#linksOf) return this.#all().size;
    return this.#sources ? this.#sources.size : this.#lists.size;
  }

  forEach(callback: (value: Backlink[], key: NoteId, map: ReadonlyMap<NoteId, Backlink[]>) => void, thisArg?: unknown): void {
    for (const [key, value] of this.#all()) callback.call(thisArg, value, key, this);
  }

  entries(): MapIterator<[NoteId, Backlink[]]> {
    return this.#all().entries();
  }

  keys(): MapIterator<NoteId> {
    return this.#all().keys();
  }

  values(): MapIterator<Backlink[]> {
    return this.#all().values();
  }

  [Symbol.iterator](): MapIterator<[NoteId, Backlink[]]> {
    return this.#all()[Symbol.iterator]();
  }

  /** Every target's backlinks, derived at once (in the order `deriveBacklinks` gives). */
  #all(): Map<NoteId, Backlink[]> {
    if (this.#sources) {
      this.#lists = deriveBacklinks(this.#links, this.#info, this.#contextOf);
      this.#sources = undefined;
    }
    return this.#lists;
  }
}

/** The backlinks of one target from the given sources (in the order given, which must be note order). */
export function backlinksOf(
  target: NoteId,
  sources: Iterable<NoteId>,
  links: ReadonlyMap<NoteId, readonly ResolvedLink[]>,
  info: Info,
  contextOf: ContextOf,
): Backlink[] {
  return backlinksFrom(target, sources, (s) => resolvedSourceLinks(links.get(s) ?? []), info, contextOf);
}

function backlinksFrom(target: NoteId, sources: Iterable<NoteId>, linksOf: (source: NoteId) => SourceLinks, info: Info, contextOf: ContextOf): Backlink[] {
  const out: Backlink[] = [];
  for (const source of sources) {
    for (const [t, entry] of sourceBacklinks(source, linksOf(source), info, contextOf)) if (t === target) out.push(entry);
  }
  return out;
}

/**
 * The backlink entries one source contributes, as [target, entry]: one per target and distinct
 * context. A context may be read back from disk (src/store), so contexts are compared only
 * when a source links a target more than once.
 */
function sourceBacklinks(source: NoteId, links: SourceLinks, info: Info, contextOf: ContextOf): [NoteId, Backlink][] {
  const from = info.get(source);
  if (!from) return [];
  const first = new Map<NoteId, number>();
  let contexts: Map<NoteId, Set<string>> | undefined;
  const out: [NoteId, Backlink][] = [];
  const text = (i: number) => contextOf(source, i)?.text ?? '';
  for (let i = 0; i < links.count; i++) {
    const target = links.target(i);
    if (target === undefined || !info.has(target)) continue;
    const earlier = first.get(target);
    if (earlier === undefined) first.set(target, i);
    else {
      contexts ??= new Map();
      let seen = contexts.get(target);
      if (!seen) contexts.set(target, (seen = new Set([text(earlier)])));
      const context = text(i);
      if (seen.has(context)) continue;
      seen.add(context);
    }
    out.push([target, new LinkBacklink(source, from, links.kind(i), i, contextOf)]);
  }
  return out;
}

/**
 * The number of the source's link a backlink of `deriveBacklinks` was made from, or undefined for a
 * backlink that holds its context (the dev server's). Its context and highlight are the source's
 * context of that link, fixed by the source's content: a page's key names them so, without reading them.
 */
export function backlinkLinkNumber(b: Backlink): number | undefined {
  return b instanceof LinkBacklink ? b.link : undefined;
}

/**
 * Backlinks with their contexts read once each (from the store, for those of `deriveBacklinks`), for
 * a page that shows them and writes them as JSON: each read of a lazy backlink's context or
 * highlight is a read of the store's file.
 */
export function plainBacklinks(list: readonly Backlink[]): Backlink[] {
  return list.map(plainBacklink);
}

/** A backlink as a plain object, its context read once (the dev server keeps these: src/dev/backlinks-index.ts). */
export function plainBacklink(b: Backlink): Backlink {
  if (b instanceof LinkBacklink) return b.toJSON();
  return { source: b.source, title: b.title, url: b.url, kind: b.kind, context: b.context, ...(b.highlight ? { highlight: b.highlight } : {}) };
}

/**
 * A backlink that reads its context and highlight from the store when asked, and holds no copy:
 * a one-shot build's contexts stay on disk until a page shows them. Serialises as a plain Backlink.
 */
class LinkBacklink implements Backlink {
  readonly source: NoteId;
  readonly title: string;
  readonly url: Slug;
  readonly kind: LinkKind;
  readonly #link: number;
  readonly #contextOf: ContextOf;

  constructor(source: NoteId, from: { title: string; url: Slug }, kind: LinkKind, link: number, contextOf: ContextOf) {
    this.source = source;
    this.title = from.title;
    this.url = from.url;
    this.kind = kind;
    this.#link = link;
    this.#contextOf = contextOf;
  }

  /** The number of the source's link this backlink was made from (its context is the source's context of that link). */
  get link(): number {
    return this.#link;
  }

  get context(): string {
    return this.#contextOf(this.source, this.#link)?.text ?? '';
  }

  get highlight(): [number, number] | undefined {
    return this.#contextOf(this.source, this.#link)?.highlight;
  }

  toJSON(): Backlink {
    // One read of the context for both its text and its highlight.
    const context = this.#contextOf(this.source, this.#link);
    const highlight = context?.highlight;
    return { source: this.source, title: this.title, url: this.url, kind: this.kind, context: context?.text ?? '', ...(highlight ? { highlight } : {}) };
  }
}
