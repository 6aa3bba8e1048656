/**
 * The dev server's backlinks: each published note's list, as the graph stage
 * computes it (`backlinksOf`, the rule `deriveBacklinks` applies to the whole
 * garden), recomputed for just the targets a change touched. The graph stage's backlinks read
 * their context from the store when asked; here the store changes under them (a recompiled note
 * numbers its links anew), so the lists are kept as plain records, their contexts read once.
 */
import { backlinksOf, plainBacklink, type ContextOf } from '../graph/backlinks.ts';
import type { Backlink, NoteId, ResolvedLink } from '../shared/types.ts';
import type { PublishedInfo } from './compiled-notes.ts';

/** What recomputing a target's backlinks reads. */
export interface BacklinkSources {
  /** Notes that may link to `target`, in any order. */
  sourcesOf(target: NoteId): Iterable<NoteId>;
  links: ReadonlyMap<NoteId, readonly ResolvedLink[]>;
  info: PublishedInfo;
  /** Note order: backlinks list their sources in it. */
  order: ReadonlyMap<NoteId, number>;
  /** The text around a source's link (its compiled result's contexts). */
  contextOf: ContextOf;
}

/** Backlinks by target. */
export class BacklinksIndex {
  #lists = new Map<NoteId, Backlink[]>();

  /** Take over a build's backlinks. */
  adopt(lists: ReadonlyMap<NoteId, Backlink[]>): void {
    this.#lists = new Map([...lists].map(([t, list]) => [t, list.map(plainBacklink)]));
  }

  /** Backlinks by target (the map itself: views read it as it changes). */
  get lists(): ReadonlyMap<NoteId, Backlink[]> {
    return this.#lists;
  }

  /** Recompute the backlinks of `targets`; returns those whose list changed. */
  update(targets: Iterable<NoteId>, from: BacklinkSources): NoteId[] {
    const changed: NoteId[] = [];
    for (const t of targets) {
      const sources = [...from.sourcesOf(t)].sort((a, b) => (from.order.get(a) ?? 0) - (from.order.get(b) ?? 0));
      const list = from.info.has(t) ? backlinksOf(t, sources, from.links, from.info, from.contextOf).map(plainBacklink) : [];
      const before = this.#lists.get(t) ?? [];
      if (list.length) this.#lists.set(t, list);
      else this.#lists.delete(t);
      if (JSON.stringify(before) !== JSON.stringify(list)) changed.push(t);
    }
    return changed;
  }
}
