/** What the graph stage is given besides the links: the published notes, and the unlinked mentions an earlier build kept. */
import type { Backlink, NoteId, ParsedNote, Slug } from '../shared/types.ts';

/** A published note as the graph stage sees it. */
export interface GraphNoteInput {
  note: ParsedNote;
  url: Slug;
}

/** Each source note's unlinked mentions as an earlier build found them, by the key of their inputs (src/incremental/kept-mentions.ts). */
export interface MentionsMemo {
  get(source: NoteId, key: string): [NoteId, Backlink][] | undefined;
  set(source: NoteId, key: string, found: [NoteId, Backlink][]): void;
  /** The fingerprint of the build that kept what `carry` gives, when it said (`KeptMentions.save`). */
  readonly builtBy?: string | undefined;
  /** A source's mentions as that build kept them, kept again as they are (key and all), without a key to check. */
  carry?(source: NoteId): [NoteId, Backlink][] | undefined;
  /** The key of the phrase index (every published note's id, title and aliases) that build made its keys with, when it said. */
  readonly phrases?: string | undefined;
  /** Keep `key` as the key of this build's phrase index, for the next build (`phrases`). */
  keepPhrases?(key: string): void;
}
