/**
 * A warm build of edited text (docs/architecture.md, "A warm build of edited text"). When the
 * garden's frame (settings, code, attachments, every note's id, URL, publish state and dates) and
 * every note's shape (note-shape.ts) are as the previous site's manifest records them, only text
 * changed: the resolutions, the graph, topics and layout, the list pages, redirects, the explorer
 * and every local graph are the previous site's, and the only note pages whose inputs can differ
 * are those `pagesToCheck` names. The emitter then makes those pages, the search files and the
 * feeds, and keeps every other file of the previous site as it is.
 *
 * 1. `frameAndShapes`: this build's frame and shapes (a note's shape is computed only when its
 *    content hash changed), known once the notes are compiled; `mentionSources`: which notes each
 *    note mentions, once the graph is derived. The three go to the manifest.
 * 2. `textOnlyChange`: the notes whose text changed, when nothing else did.
 * 3. `pagesToCheck`: the notes whose page key may have changed with that text.
 */
import { createHash } from 'node:crypto';
import type { GardenGraph } from '../graph/index.ts';
import type { AttachmentFile, LinkContext, NoteId, ParsedNote, ResolvedLink, Slug } from '../shared/types.ts';
import { datesBesideFrontmatter, type DatedNote, type DateSource } from '../emit/note-dates.ts';
import { codeFingerprint } from '../version.ts';
import { noteShape, outlineOf } from './note-shape.ts';
import type { FrameAndShapes, GardenShape, OutputManifest } from './output-manifest.ts';
import { pushTo } from '../shared/multi-map.ts';

export type { FrameAndShapes, GardenShape } from './output-manifest.ts';

/** What the frame and shapes read of a note: a built note has it, and so has a compiled note with its scan facts (src/build.ts). */
export interface ShapedNote extends DatedNote {
  parsed: ParsedNote;
  url: Slug;
  publish: boolean;
}

/** What the frame is made of besides the notes. */
export interface FrameInputs {
  /** Everything the build's settings say (site, assets, configuration, dates, feeds), as text. */
  settings: string;
  dates: DateSource | undefined;
  attachments: readonly AttachmentFile[];
}

/** This build's frame and shapes; shapes of notes whose content hash `previous` records are taken from it, when the same code made it. */
export function frameAndShapes(notes: readonly ShapedNote[], inputs: FrameInputs, previous?: OutputManifest): FrameAndShapes {
  const frame = createHash('sha256').update(codeFingerprint()).update('\u0000').update(inputs.settings).update('\u0000');
  for (const a of inputs.attachments)
    frame.update(`${a.path}\u0001${a.size}\u0001${a.mtimeMs ?? ''}\u0001${a.sanitized === undefined ? '' : contentKey(a.sanitized)}\u0002`);
  frame.update('\u0000');
  const shapes: Record<string, string> = {};
  // Shapes are taken from the previous manifest only when the same code computed them.
  const code = codeFingerprint();
  const kept = previous?.shape?.code === code ? previous.shape.shapes : undefined;
  // The notes' part of the frame as one string, hashed once: an update for each of 10k notes cost more than the hashing.
  const parts = new Array<string>(notes.length);
  // What a note's dates read besides its frontmatter (which is in its shape) is kept beside the frame, not in it: a commit
  // moves the git dates of the notes it touched, and those notes' pages, the lists that show their dates, the home page,
  // the sitemap and the feeds are made again (`linkChange`).
  const dates: Record<string, string> = {};
  for (let i = 0; i < notes.length; i++) {
    const n = notes[i]!;
    const p = n.parsed;
    parts[i] = `${p.id}\u0001${p.path}\u0001${n.url}\u0001${n.publish}\u0002`;
    const beside = datesBesideFrontmatter(n, inputs.dates);
    if (beside !== undefined) dates[p.id] = beside;
    shapes[p.id] = (previous?.notes[p.id] === p.hash ? kept?.[p.id] : undefined) ?? noteShape(p);
  }
  frame.update(parts.join(''));
  return { frame: frame.digest('base64url'), shapes, dates, code };
}

/** Which notes each note mentions without linking them, from the graph stage's mentions by target. */
export function mentionSources(graph: Pick<GardenGraph, 'unlinkedMentions'>): GardenShape['mentions'] {
  const mentions: Record<string, NoteId[]> = {};
  for (const [target, list] of graph.unlinkedMentions) for (const m of list) (mentions[m.source] ??= []).push(target);
  return mentions;
}

/**
 * The notes whose text changed since the site `previous` describes, when nothing else changed (the
 * same frame, notes and shapes); undefined when something else did, or the garden shows a base
 * (src/bases/: a base lists other notes' file facts, which change with their text).
 */
export function textOnlyChange(notes: readonly ShapedNote[], shape: FrameAndShapes, previous: OutputManifest | undefined): Set<NoteId> | undefined {
  return changedWhereShapes(notes, shape, previous, (was, now) => was === now, false);
}

/**
 * The notes whose text, links or dates changed since the site `previous` describes, when nothing
 * else did (the same frame and notes, and every note's outline: `noteShape`): every link of every
 * other note then resolves as it did. A note whose dates alone moved (a commit: git dates) is
 * among them, as if its text had changed: its page, and every list that shows it, is looked at
 * again. Undefined when something else changed, or the garden shows a base.
 */
export function linkChange(notes: readonly ShapedNote[], shape: FrameAndShapes, previous: OutputManifest | undefined): Set<NoteId> | undefined {
  return changedWhereShapes(notes, shape, previous, (was, now) => was !== undefined && outlineOf(was) === outlineOf(now), true);
}

/**
 * Whether every note of `changed` (`linkChange`'s) has the whole shape, its links' included, that the previous
 * site's manifest records for it: no link changed (only text and dates moved), so the graph is the previous site's.
 */
export function linksKept(changed: ReadonlySet<NoteId>, shape: FrameAndShapes, previous: OutputManifest): boolean {
  const was = previous.shape?.shapes;
  if (!was) return false;
  for (const id of changed) if (was[id] === undefined || was[id] !== shape.shapes[id]) return false;
  return true;
}

/**
 * The notes whose content hash changed, when the frame and notes are the previous site's and `same` holds for every
 * note's previous and present shape; with `datesMay`, and the notes whose dates moved, else none may have.
 */
function changedWhereShapes(
  notes: readonly ShapedNote[],
  shape: FrameAndShapes,
  previous: OutputManifest | undefined,
  same: (was: string | undefined, now: string) => boolean,
  datesMay: boolean,
): Set<NoteId> | undefined {
  const was = previous?.shape;
  if (!previous || !was || !was.dates || was.frame !== shape.frame || Object.keys(previous.notes).length !== notes.length) return undefined;
  const changed = new Set<NoteId>();
  for (const n of notes) {
    const p = n.parsed;
    const hash = previous.notes[p.id];
    if (hash === undefined || !same(was.shapes[p.id], shape.shapes[p.id]!)) return undefined;
    if ((p.bases && p.bases.length > 0) || p.path.endsWith('.base')) return undefined;
    if (was.dates[p.id] !== shape.dates?.[p.id]) {
      if (!datesMay) return undefined;
      changed.add(p.id);
    } else if (hash !== p.hash) changed.add(p.id);
  }
  return changed;
}

/**
 * The notes whose page key (note-page-key.ts) may differ when only the text of `changed` did: the
 * changed notes and every note embedding one, at any depth (a body's inputs hold what its embeds
 * show: html-inputs.ts); the notes the changed ones link to (their backlinks' contexts); and the
 * notes they mention or mentioned (`previousMentions`). A note that only links to a changed one is
 * not reached: its page shows the target's title and URL, which are in the target's shape. When
 * their links changed too (`linkChange`: every other note's links resolve as before), also the
 * notes they linked to before (`previousTargets`). A changed note that `reached` names reaches only
 * the targets given there (those whose backlink contexts from it changed: `contextTargets`; none
 * when its text changed away from its links, `CompiledNote.contextsHash`).
 */
export function pagesToCheck(
  changed: ReadonlySet<NoteId>,
  neighbours: LinkNeighbours,
  mentions: Readonly<Record<string, readonly NoteId[]>>,
  previousMentions: Readonly<Record<string, readonly NoteId[]>> | undefined,
  previousTargets?: ReadonlyMap<NoteId, readonly NoteId[]>,
  reached?: ReadonlyMap<NoteId, ReadonlySet<NoteId>>,
): Set<NoteId> {
  const check = new Set<NoteId>(changed);
  // When links changed too (`linkChange`): the notes the changed ones linked to before (a backlink gone).
  for (const id of changed) for (const t of previousTargets?.get(id) ?? []) check.add(t);
  const shown: NoteId[] = [];
  for (const id of changed) {
    // A target whose backlink contexts from this note are as they were shows the same backlinks.
    for (const t of reached?.get(id) ?? neighbours.targets(id)) check.add(t);
    shown.push(id);
  }
  // Every note showing one of these through its embeds, however deep.
  const seen = new Set<NoteId>();
  while (shown.length > 0) {
    const id = shown.pop()!;
    if (seen.has(id)) continue;
    seen.add(id);
    check.add(id);
    for (const e of neighbours.embedders(id)) shown.push(e);
  }
  for (const id of changed) {
    for (const t of mentions[id] ?? []) check.add(t);
    for (const t of previousMentions?.[id] ?? []) check.add(t);
  }
  return check;
}

/**
 * The notes whose backlinks from `source` may show otherwise since its previous version: the
 * targets of its links whose context (text or highlight) is not what that link's context was.
 * Only the source's text changed (its shape is the same), so its links are those of the previous
 * version in the same order: link `i` now is link `i` then, and its context then is `was[i]`.
 * `now(i)` is link `i`'s context now. A note whose contexts then are not known is not given here.
 */
export function contextTargets(
  source: NoteId,
  links: readonly ResolvedLink[],
  now: (link: number) => LinkContext | undefined,
  was: readonly LinkContext[],
): Set<NoteId> {
  const reached = new Set<NoteId>();
  for (let i = 0; i < links.length; i++) {
    const target = targetOf(source, links[i]!);
    if (target === undefined || reached.has(target)) continue;
    if (!sameContext(now(i), was[i])) reached.add(target);
  }
  return reached;
}

function sameContext(a: LinkContext | undefined, b: LinkContext | undefined): boolean {
  if (a === undefined || b === undefined) return a === b;
  return a.text === b.text && a.highlight?.[0] === b.highlight?.[0] && a.highlight?.[1] === b.highlight?.[1];
}

/** Who embeds each note, and where each note's links lead (a link to itself included), as `pagesToCheck` reads them. */
export interface LinkNeighbours {
  embedders(id: NoteId): readonly NoteId[];
  targets(id: NoteId): readonly NoteId[];
}

/** The neighbours of every note, from every note's resolved links (one pass over them). */
export function linkNeighbours(links: ReadonlyMap<NoteId, readonly ResolvedLink[]>): LinkNeighbours {
  const embedders = new Map<NoteId, NoteId[]>();
  const targets = new Map<NoteId, NoteId[]>();
  for (const [source, list] of links) {
    for (const l of list) {
      const target = targetOf(source, l);
      if (target === undefined) continue;
      pushTo(targets, source, target);
      if (l.ref.kind === 'embed') pushTo(embedders, target, source);
    }
  }
  return { embedders: (id) => embedders.get(id) ?? [], targets: (id) => targets.get(id) ?? [] };
}

/** The note a resolved link leads to, if it leads to one. */
function targetOf(source: NoteId, l: ResolvedLink): NoteId | undefined {
  const r = l.resolution;
  return r.kind === 'note' || r.kind === 'unpublished' ? r.target : r.kind === 'self' ? source : undefined;
}

function contentKey(text: string): string {
  return createHash('sha256').update(text).digest('base64url').slice(0, 16);
}
