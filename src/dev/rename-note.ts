/**
 * Rename (move) a note in `trellis dev` and rewrite every link to it, in the
 * body (from the parser's source ranges) and in the frontmatter (from the
 * YAML's syntax tree, frontmatter-links.ts).
 *
 * 1. Plan: find every note linking to the renamed one and compute its new
 *    text. A file that changed on disk since the garden last read it (an edit
 *    the watcher has not delivered yet) is read again first, and the plan redone.
 * 2. Move the note without replacing anything (move-no-replace.ts). A refusal
 *    throws DestinationExistsError before any file was written.
 * 3. Write the rewritten notes, each atomically.
 */
import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { baseName, nameKey, toNoteId, toNotePath } from '../shared/ids.ts';
import { buildLinkIndex, type LinkIndex } from '../shared/links/link-index.ts';
import { resolveTarget } from '../shared/links/resolve-target.ts';
import type { LinkRef, NoteId, NotePath } from '../shared/types.ts';
import { writeFileAtomic } from './atomic-write.ts';
import { readFrontmatterLinks, type FrontmatterString } from './frontmatter-links.ts';
import type { GardenState } from './garden-state.ts';
import { moveNoReplace } from './move-no-replace.ts';
import { rewriteLinks } from './rename.ts';
import { safeNotePath } from './safe-path.ts';

/** Garden-relative paths of the notes whose links were rewritten, or the note that kept changing on disk. */
export type RenameResult = { files: string[] } | { conflict: string };

/** Move the note `from` to `to` (garden-relative paths) and rewrite the links to it; throws DestinationExistsError if `to` exists. */
export async function renameNote(state: GardenState, from: string, to: string): Promise<RenameResult> {
  for (let attempt = 0; attempt < 3; attempt++) {
    const plan = await planRename(state, from, to);
    if (!('conflict' in plan)) return execute(state, from, to, plan);
    await state.apply([plan.conflict]);
  }
  const plan = await planRename(state, from, to);
  return 'conflict' in plan ? plan : execute(state, from, to, plan);
}

interface Rewrite {
  /** Path of the note after the move. */
  rel: string;
  text: string;
}

async function execute(state: GardenState, from: string, to: string, rewrites: Rewrite[]): Promise<RenameResult> {
  await moveNoReplace(path.join(state.root, from), path.join(state.root, to));
  for (const r of rewrites) await writeFileAtomic((await safeNotePath(state.root, r.rel)).abs, r.text);
  return { files: rewrites.map((r) => r.rel) };
}

async function planRename(state: GardenState, from: string, to: string): Promise<Rewrite[] | { conflict: string }> {
  const fromId = toNoteId(toNotePath(from));
  const toPath = toNotePath(to);
  const view = state.view();
  const attachments = state.attachmentList().map((a) => a.path);
  const before = buildLinkIndex(
    view.notes.map((n) => ({ id: n.parsed.id, publish: true })),
    attachments,
  );
  // New targets are resolved against the garden as it will be after the move.
  const after = buildLinkIndex(
    view.notes.map((n) => ({ id: n.parsed.id === fromId ? toNoteId(toPath) : n.parsed.id, publish: true })),
    attachments,
  );
  const name = nameKey(baseName(fromId));
  const rewrites: Rewrite[] = [];
  const texts = state.sources(view.notes.map((n) => n.parsed.path));
  for (const n of view.notes) {
    const source = n.parsed.id;
    const body = state
      .linksOf(source)
      .filter((l) => {
        const r = l.resolution;
        // Links in frontmatter values are rewritten through the YAML below, not by their source range.
        if (l.ref.syntax === 'property') return false;
        if (r.kind === 'self') return source === fromId && l.ref.target !== '';
        return (r.kind === 'note' || r.kind === 'unpublished') && r.target === fromId;
      })
      .map((l) => l.ref);
    const scanned = state.note(n.parsed.path);
    const text = (await texts.next()).value;
    if (!scanned) continue;
    // Its file no longer holds what the garden has: it may link to the note now (the change is on its way).
    if (text === undefined) return { conflict: n.parsed.path };
    // The renamed note's own links are written from its new folder.
    const writer = source === fromId ? toNoteId(toPath) : source;
    const rewritten = rewriteFrontmatter(rewriteLinks(text, writer, body, toPath, after), name, { source, writer, fromId, to: toPath }, { before, after });
    if (rewritten === text) continue;
    // Read through safeNotePath: a symbolic link on the way may have been turned outward since the note was read.
    const onDisk = await fs.readFile((await safeNotePath(state.root, n.parsed.path)).abs);
    if (sha256(onDisk) !== scanned.hash) return { conflict: n.parsed.path };
    rewrites.push({ rel: source === fromId ? to : n.parsed.path, text: rewritten });
  }
  return rewrites;
}

/**
 * Rewrite the frontmatter links of `text` that resolve to `fromId` before the move (`source`: the note, `writer`:
 * the note after the move). Only a frontmatter that mentions `name` (the old name's key) can hold one.
 */
function rewriteFrontmatter(
  text: string,
  name: string,
  { source, writer, fromId, to }: { source: NoteId; writer: NoteId; fromId: NoteId; to: NotePath },
  index: { before: LinkIndex; after: LinkIndex },
): string {
  const fm = readFrontmatterLinks(text, name);
  if (!fm) return text;
  const values = new Map<FrontmatterString, string>();
  for (const s of fm.strings) {
    const refs = s.links.filter((l: LinkRef) => {
      if (l.target === '') return false;
      const r = resolveTarget(index.before, source, l.target);
      return r.kind === 'note' && r.note.id === fromId;
    });
    if (refs.length > 0) values.set(s, rewriteLinks(s.value, writer, refs, to, index.after));
  }
  if (values.size === 0) return text;
  // A frontmatter that would not read back as intended is left as it is (its links then still name the old note).
  return fm.replace(values) ?? text;
}

function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}
