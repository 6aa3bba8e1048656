/**
 * The dev server's unlinked mentions: each published note's mentions of other
 * notes (`mentionsIn`, the graph stage's rule) and, per target, the notes that
 * mention it. A change rescans the changed notes; a change of any title or
 * alias rebuilds the phrase index and rescans them all. Each mention carries
 * its source's path and the hash of the text it was found in, for the Link
 * action (link-mention-route.ts), which refuses once the file has changed.
 */
import { buildPhraseIndex, mentionsIn, mentionsOfTarget, type PhraseIndex } from '../graph/unlinked-mentions.ts';
import type { NoteId, ParsedNote, ResolvedLink, UnlinkedMention } from '../shared/types.ts';
import type { PublishedInfo } from './compiled-notes.ts';

/** What scanning notes for mentions reads. */
export interface MentionInput {
  note(id: NoteId): ParsedNote | undefined;
  /** Plain text of a note's body. */
  text(id: NoteId): string;
  links: ReadonlyMap<NoteId, readonly ResolvedLink[]>;
  info: PublishedInfo;
}

/** Unlinked mentions by source, and sources by target. */
export class MentionsIndex {
  #phrases: PhraseIndex = {};
  #bySource = new Map<NoteId, [NoteId, UnlinkedMention][]>();
  #sourcesOf = new Map<NoteId, Set<NoteId>>();

  /** Rebuild the phrase index and every note's mentions; returns the targets mentioned before or after. */
  rebuild(input: MentionInput): NoteId[] {
    const before = new Set(this.#sourcesOf.keys());
    const published = [...input.info.keys()].flatMap((id) => input.note(id) ?? []);
    this.#phrases = buildPhraseIndex(published.map((n) => ({ id: n.id, title: n.title, aliases: n.frontmatter.aliases })));
    this.#bySource = new Map();
    this.#sourcesOf = new Map();
    this.update(
      published.map((n) => n.id),
      input,
    );
    return [...new Set([...before, ...this.#sourcesOf.keys()])];
  }

  /** Rescan the given sources; returns the targets they mention, before or after. */
  update(sources: Iterable<NoteId>, input: MentionInput): NoteId[] {
    const targets = new Set<NoteId>();
    for (const s of sources) {
      for (const [t] of this.#bySource.get(s) ?? []) targets.add(t);
      const note = input.note(s);
      const from = input.info.get(s);
      const found = note && from ? mentionsIn(s, from, input.text(s), input.links.get(s) ?? [], this.#phrases) : [];
      const list = found.map(([t, m]): [NoteId, UnlinkedMention] => [t, { ...m, edit: { path: note!.path, hash: note!.hash } }]);
      this.#set(s, list);
      for (const [t] of list) targets.add(t);
    }
    return [...targets];
  }

  /** The unlinked mentions of `target`, sources in note `order`. */
  of(target: NoteId, order: ReadonlyMap<NoteId, number>): UnlinkedMention[] | undefined {
    const sources = [...(this.#sourcesOf.get(target) ?? [])].sort((a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0));
    const list = mentionsOfTarget(target, sources, (s) => this.#bySource.get(s) ?? []);
    return list.length ? list : undefined;
  }

  #set(source: NoteId, list: [NoteId, UnlinkedMention][]): void {
    for (const [t] of this.#bySource.get(source) ?? []) {
      const set = this.#sourcesOf.get(t);
      set?.delete(source);
      if (set && set.size === 0) this.#sourcesOf.delete(t);
    }
    if (list.length) this.#bySource.set(source, list);
    else this.#bySource.delete(source);
    for (const [t] of list) {
      const set = this.#sourcesOf.get(t) ?? new Set<NoteId>();
      set.add(source);
      this.#sourcesOf.set(t, set);
    }
  }
}
