/**
 * The dev server's backlinks: each published note's list, as the graph stage
 * computes it (`backlinksOf`, the rule `deriveBacklinks` applies to the whole
 * garden), recomputed for just the targets a change touched.
 *
 * The backlinks read their context from the store when asked, as the graph stage's do: kept as plain
 * records, their context strings were the largest thing the server held (38 MB of a 163 MB heap at
 * 10k notes). A source rendered again numbers its links anew, so its backlinks would read other
 * contexts; but every list holding one of them is made again in the same change (each re-rendered
 * note is resolved again, and the lists of all its old and new targets recomputed: apply-change.ts).
 * What a list read when it was made is kept as a digest of its JSON, for telling which lists a
 * change altered: the contexts it read are gone once the source is rendered again.
 */
import { backlinksOf, type ContextOf } from '../graph/backlinks.ts';
import { contentHash } from '../incremental/output-manifest.ts';
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
  /** Each list's digest (`digestOf`), made with it. */
  #digests = new Map<NoteId, string>();

  /** Take over a build's backlinks (read from its store, which the server keeps: src/dev/compiled-notes.ts). */
  adopt(lists: ReadonlyMap<NoteId, Backlink[]>): void {
    this.#lists = new Map(lists);
    this.#digests = new Map([...this.#lists].map(([t, list]) => [t, digestOf(list)]));
  }

  /** Backlinks by target (the map itself: views read it as it changes). Each reads its context from the store when asked. */
  get lists(): ReadonlyMap<NoteId, Backlink[]> {
    return this.#lists;
  }

  /** Recompute the backlinks of `targets`; returns those whose list changed. */
  update(targets: Iterable<NoteId>, from: BacklinkSources): NoteId[] {
    const changed: NoteId[] = [];
    for (const t of targets) {
      const sources = [...from.sourcesOf(t)].sort((a, b) => (from.order.get(a) ?? 0) - (from.order.get(b) ?? 0));
      const list = from.info.has(t) ? backlinksOf(t, sources, from.links, from.info, from.contextOf) : [];
      const before = this.#digests.get(t) ?? emptyDigest;
      const digest = list.length ? digestOf(list) : emptyDigest;
      if (list.length) {
        this.#lists.set(t, list);
        this.#digests.set(t, digest);
      } else {
        this.#lists.delete(t);
        this.#digests.delete(t);
      }
      if (digest !== before) changed.push(t);
    }
    return changed;
  }
}

/** The digest of a list of backlinks as JSON (each context read once, by the backlink's `toJSON`). */
function digestOf(list: readonly Backlink[]): string {
  return contentHash(JSON.stringify(list));
}

const emptyDigest = digestOf([]);
