/**
 * One change to the dev server's garden, index by index:
 *
 * 1. Read the changed paths again (garden-files.ts).
 * 2. Re-render the changed notes, plus the notes whose links name an added,
 *    removed, (un)published or re-URLed note or attachment (name-changes.ts).
 * 3. Resolve those again, and the notes linking into any note whose anchors
 *    (headings, blocks, title, publish flag) changed or that was removed.
 * 4. Recompute the backlinks of every target they link to, before or after;
 *    the unlinked mentions in the re-resolved notes (all notes when a title or
 *    alias changed); and forget the assembled pages of the re-resolved notes,
 *    of the notes showing a base, and of every note embedding them.
 *
 * Cost: what changed, not the garden. test/incremental.test.ts checks the
 * result against clean builds of the same files.
 */
import type { NoteId, ParsedNote } from '../shared/types.ts';
import type { AssembledPages } from './assembled-pages.ts';
import type { BacklinksIndex } from './backlinks-index.ts';
import type { CompiledNotes } from './compiled-notes.ts';
import type { GardenFiles } from './garden-files.ts';
import type { MentionsIndex } from './mentions-index.ts';
import { nameSnapshot, notesNamingChanged } from './name-changes.ts';
import type { ResolvedLinks } from './resolved-links.ts';

/** What one change changed. */
export interface ChangeSet {
  /** Notes whose page or data may differ. */
  changed: NoteId[];
  removed: NoteId[];
  /** Notes re-parsed and re-rendered. */
  rerendered: NoteId[];
  ms: number;
}

/** The live indexes a change updates. */
export interface LiveIndexes {
  files: GardenFiles;
  compiled: CompiledNotes;
  links: ResolvedLinks;
  backlinks: BacklinksIndex;
  mentions: MentionsIndex;
  pages: AssembledPages;
}

/**
 * Apply changes to the given absolute or garden-relative paths (created, modified or deleted).
 * `updated` is called as soon as the indexes are updated, in the same tick, when anything
 * changed at all (an attachment nothing links to counts): what was derived from them is stale.
 */
export async function applyChange(live: LiveIndexes, paths: readonly string[], updated: () => void): Promise<ChangeSet> {
  const { files, compiled, links, backlinks, mentions, pages } = live;
  const t0 = performance.now();
  const before = nameSnapshot(files);
  const { touched, removed, structural } = await files.read(paths);
  for (const id of removed) compiled.delete(id);
  if (touched.size === 0 && removed.length === 0 && !structural) return { changed: [], removed: [], rerendered: [], ms: Math.round(performance.now() - t0) };

  const rerender = new Set<NoteId>(touched);
  const relinked = structural ? notesNamingChanged(before, nameSnapshot(files), compiled.parsedNotes()) : [];
  const oldAnchors = new Map([...rerender].map((id) => [id, anchorsOf(compiled.parsed(id))]));
  const oldNames = new Map([...rerender].map((id) => [id, namesOf(compiled.parsed(id))]));
  await compiled.render([...rerender], files);
  const namesChanged = structural || [...rerender].some((id) => namesOf(compiled.parsed(id)) !== oldNames.get(id));

  // Re-resolve the re-rendered notes, and the notes linking into any note whose anchors changed.
  const reresolve = new Set<NoteId>([...rerender, ...relinked]);
  for (const id of [...rerender, ...removed]) {
    if (anchorsOf(compiled.parsed(id)) === oldAnchors.get(id) && !removed.includes(id)) continue;
    for (const s of links.sourcesOf(id)) reresolve.add(s);
  }
  for (const id of removed) reresolve.add(id);
  const targets = links.resolve(reresolve, compiled.parsedById(), files.linkIndex());

  const info = compiled.publishedInfo(files);
  const changed = new Set<NoteId>([...rerender, ...reresolve]);
  for (const t of backlinks.update(targets, {
    sourcesOf: (t) => links.sourcesOf(t),
    links: links.all,
    info,
    order: files.order(),
    contextOf: compiled.context,
  }))
    changed.add(t);
  const mentionInput = { note: (id: NoteId) => compiled.parsed(id), text: compiled.text, links: links.all, info };
  for (const t of namesChanged ? mentions.rebuild(mentionInput) : mentions.update(reresolve, mentionInput)) changed.add(t);
  for (const id of pages.forget([...reresolve, ...removed], (id) => links.embeddersOf(id))) changed.add(id);
  // A base lists other notes' properties: its page is drawn again after any change (src/bases/).
  for (const id of pages.forget(withBases(compiled.parsedNotes()), (id) => links.embeddersOf(id))) changed.add(id);

  const present = (ids: Iterable<NoteId>) => [...ids].filter((id) => compiled.get(id) !== undefined).sort();
  updated();
  return { changed: present(changed), removed: removed.sort(), rerendered: present(rerender), ms: Math.round(performance.now() - t0) };
}

/** What a note contributes to the phrase index of unlinked mentions. */
function namesOf(note: ParsedNote | undefined): string {
  return note ? `${note.frontmatter.publish}\u0001${note.title}\u0001${note.frontmatter.aliases.join('\u0002')}` : '';
}

/** A fingerprint of what links into a note are checked against: headings, block ids, publish flag, title. */
function anchorsOf(note: ParsedNote | undefined): string {
  if (!note) return '';
  return (
    note.headings.map((h) => `${h.depth}\u0001${h.text}\u0001${h.id}\u0001${h.line}`).join('\u0000') +
    '\u0002' +
    note.blocks.map((b) => `${b.id}\u0001${b.line}`).join('\u0000') +
    '\u0002' +
    note.frontmatter.publish +
    '\u0002' +
    note.title
  );
}

/** Ids of the notes holding a ```` ```base ```` block. */
function withBases(notes: Iterable<ParsedNote>): NoteId[] {
  const out: NoteId[] = [];
  for (const n of notes) if (n.bases && n.bases.length > 0) out.push(n.id);
  return out;
}
