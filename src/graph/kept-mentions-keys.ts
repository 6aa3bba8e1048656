/**
 * The keys under which each source note's unlinked mentions are kept between builds
 * (src/incremental/kept-mentions.ts), and the phrase index made only when a source is scanned.
 * A key is made of what `mentionsIn` reads: the phrase index (every published note's id, title and
 * aliases, in order), the source's id, title, URL and content hash (its text), and the notes it
 * links to.
 */
import { createHash } from 'node:crypto';
import type { Backlink, NoteId, ResolvedLink } from '../shared/types.ts';
import type { GraphNoteInput, MentionsMemo } from './graph-inputs.ts';
import { buildPhraseIndex, type PhraseIndex } from './unlinked-mentions.ts';

/** The notes a source's links lead to, as a mention's key reads them (`note` and `unpublished` resolutions). */
export function linkedNotes(links: readonly ResolvedLink[]): NoteId[] {
  const linked: NoteId[] = [];
  for (const l of links) if (l.resolution.kind === 'note' || l.resolution.kind === 'unpublished') linked.push(l.resolution.target);
  return linked;
}

/** The phrase index of the published notes, built when first asked for; with `among`, of the phrases beginning with those words only (not kept). */
export function phraseIndexOf(published: readonly GraphNoteInput[]): (among?: ReadonlySet<string>) => PhraseIndex {
  let index: PhraseIndex | undefined;
  const targets = () => published.map((p) => ({ id: p.note.id, title: p.note.title, aliases: p.note.frontmatter.aliases }));
  return (among) => (among ? buildPhraseIndex(targets(), among) : (index ??= buildPhraseIndex(targets())));
}

/**
 * The memo `memo` as `deriveUnlinkedMentions` asks it: by source, each under the key of its inputs; `linkedOf` gives the notes a
 * source links to. With `samePhrases` (the published notes, their titles and aliases are those of the build that kept the
 * memo: a build of changed text or links and no outline, which carries that build's mentions), that build's key of the
 * phrase index is this build's, not made again from every note (`MentionsMemo.phrases`).
 */
export function keptMentions(
  memo: MentionsMemo,
  published: readonly GraphNoteInput[],
  linkedOf: (id: NoteId) => readonly NoteId[],
  samePhrases = false,
): { get(id: NoteId): [NoteId, Backlink][] | undefined; set(id: NoteId, found: [NoteId, Backlink][]): void } {
  let phrases = samePhrases ? memo.phrases : undefined;
  if (phrases !== undefined) memo.keepPhrases?.(phrases);
  // One string hashed once: an update for each of 10k notes cost more than the hashing.
  const phrasesKey = () =>
    createHash('sha256')
      .update(published.map((p) => `\u0000${p.note.id}\u0001${p.note.title}\u0001${p.note.frontmatter.aliases.join('\u0002')}`).join(''))
      .digest('base64url');
  let byId: Map<NoteId, GraphNoteInput> | undefined;
  const keyOf = (id: NoteId) => {
    if (phrases === undefined) memo.keepPhrases?.((phrases = phrasesKey()));
    byId ??= new Map(published.map((p) => [p.note.id, p]));
    const p = byId.get(id)!;
    return createHash('sha256')
      .update(`${phrases}\u0000${id}\u0000${p.note.title}\u0000${p.url}\u0000${p.note.hash}\u0000${[...linkedOf(id)].sort().join('\u0001')}`)
      .digest('base64url');
  };
  const keys = new Map<NoteId, string>();
  const key = (id: NoteId) => {
    let k = keys.get(id);
    if (k === undefined) keys.set(id, (k = keyOf(id)));
    return k;
  };
  return { get: (id) => memo.get(id, key(id)), set: (id, found) => memo.set(id, key(id), found) };
}

/** The memo as `deriveUnlinkedMentions` asks it: sources outside `changed` carried as the last build kept them (`carryMentionsBut`), the others by key. */
export function carriedMentions(
  memo: MentionsMemo,
  keyed: { get(id: NoteId): [NoteId, Backlink][] | undefined; set(id: NoteId, found: [NoteId, Backlink][]): void },
  changed: ReadonlySet<NoteId> | undefined,
): { get(id: NoteId): [NoteId, Backlink][] | undefined; set(id: NoteId, found: [NoteId, Backlink][]): void } {
  if (!changed || !memo.carry) return keyed;
  const carried = new Set<NoteId>();
  return {
    get(id) {
      const found = changed.has(id) ? undefined : memo.carry!(id);
      if (found) carried.add(id);
      return found ?? keyed.get(id);
    },
    set(id, found) {
      if (!carried.has(id)) keyed.set(id, found);
    },
  };
}
