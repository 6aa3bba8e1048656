/**
 * The dev server's resolved links: each note's links as the resolve stage
 * resolves them (`resolveNoteLinks`, the build's function), their diagnostics,
 * and the reverse indexes a change needs: which notes link to or embed a note.
 */
import { resolveNoteLinks } from '../resolve/index.ts';
import type { LinkIndex } from '../shared/links/link-index.ts';
import type { Diagnostic, NoteId, ParsedNote, ResolvedLink } from '../shared/types.ts';

/** Resolved links by source, and who links to whom. */
export class ResolvedLinks {
  #links = new Map<NoteId, readonly ResolvedLink[]>();
  #diagnostics = new Map<NoteId, Diagnostic[]>();
  /** Target -> notes with a resolved link or embed to it (any kind that names it). */
  #incoming = new Map<NoteId, Set<NoteId>>();
  /** Target -> notes that embed it (transclusion), self-embeds included. */
  #embedders = new Map<NoteId, Set<NoteId>>();

  /** Take over the links and diagnostics of a full resolve (a build's). */
  adopt(links: ReadonlyMap<NoteId, readonly ResolvedLink[]>, diagnostics: ReadonlyMap<NoteId, Diagnostic[]>): void {
    this.#links = new Map(links);
    this.#diagnostics = new Map(diagnostics);
    this.#incoming = new Map();
    this.#embedders = new Map();
    for (const [source, list] of this.#links) this.#index(source, list, +1);
  }

  /** Every note's links, by source (the map itself: views read it as it changes). */
  get all(): ReadonlyMap<NoteId, readonly ResolvedLink[]> {
    return this.#links;
  }

  /** The links of note `id`. */
  of(id: NoteId): readonly ResolvedLink[] {
    return this.#links.get(id) ?? [];
  }

  /** The link diagnostics of note `id`. */
  diagnosticsOf(id: NoteId): readonly Diagnostic[] {
    return this.#diagnostics.get(id) ?? [];
  }

  /** Notes whose links resolve to `target` (in no particular order). */
  sourcesOf(target: NoteId): ReadonlySet<NoteId> {
    return this.#incoming.get(target) ?? none;
  }

  /** Notes that embed `target`. */
  embeddersOf(target: NoteId): ReadonlySet<NoteId> {
    return this.#embedders.get(target) ?? none;
  }

  /**
   * Resolve the links of `ids` again (a note missing from `notes` has none); returns every
   * published target they link to, before or after: those whose backlinks may have changed.
   */
  resolve(ids: Iterable<NoteId>, notes: ReadonlyMap<NoteId, ParsedNote>, index: LinkIndex): Set<NoteId> {
    const targets = new Set<NoteId>();
    for (const id of ids) {
      const old = this.#links.get(id);
      if (old) {
        for (const t of noteTargets(old)) targets.add(t);
        this.#index(id, old, -1);
      }
      const note = notes.get(id);
      if (!note) {
        this.#links.delete(id);
        this.#diagnostics.delete(id);
        continue;
      }
      const r = resolveNoteLinks(note, index, notes);
      this.#links.set(id, r.links);
      this.#diagnostics.set(id, r.diagnostics);
      this.#index(id, r.links, +1);
      for (const t of noteTargets(r.links)) targets.add(t);
    }
    return targets;
  }

  /** Add (+1) or remove (-1) a source's links from the incoming and embedder indexes. */
  #index(source: NoteId, list: readonly ResolvedLink[], sign: 1 | -1): void {
    for (const l of list) {
      const r = l.resolution;
      const target = r.kind === 'note' || r.kind === 'unpublished' ? r.target : r.kind === 'self' ? source : undefined;
      if (!target) continue;
      const maps = l.ref.kind === 'embed' ? [this.#incoming, this.#embedders] : [this.#incoming];
      for (const map of maps) {
        const set = map.get(target) ?? new Set<NoteId>();
        if (sign > 0) set.add(source);
        else set.delete(source);
        if (set.size) map.set(target, set);
        else map.delete(target);
      }
    }
  }
}

const none: ReadonlySet<NoteId> = new Set();

function noteTargets(list: readonly ResolvedLink[]): NoteId[] {
  const out: NoteId[] = [];
  for (const l of list) if (l.resolution.kind === 'note') out.push(l.resolution.target);
  return out;
}
