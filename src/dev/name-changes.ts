/**
 * The notes a change of names affects: those with a link naming a note or
 * attachment that appeared or disappeared, or a note that was (un)published or
 * moved to another URL. Their links may now resolve differently, so they are
 * resolved again; they are not compiled again, since compiled notes leave
 * links as placeholders that the assembler fills.
 */
import { baseName, nameKey } from '../shared/ids.ts';
import type { NoteId, ParsedNote } from '../shared/types.ts';
import type { GardenFiles } from './garden-files.ts';

/** Name key -> what that name resolves to, for every note and attachment. */
export type NameSnapshot = Map<string, string>;

/** What every name of the garden stands for now. */
export function nameSnapshot(files: GardenFiles): NameSnapshot {
  const snap: NameSnapshot = new Map();
  const add = (key: string, value: string) => snap.set(key, (snap.get(key) ?? '') + '\u0000' + value);
  for (const n of files.notes()) add(nameKey(baseName(n.id)), `${n.id}\u0001${n.content.publish}\u0001${n.url}`);
  for (const a of files.attachmentPaths()) add(nameKey(baseName(a)), a);
  return snap;
}

/** The notes of `notes` with a link whose name stands for something else in `after` than in `before`. */
export function notesNamingChanged(before: NameSnapshot, after: NameSnapshot, notes: Iterable<ParsedNote>): NoteId[] {
  const changed = new Set<string>();
  for (const [k, v] of before) if (after.get(k) !== v) changed.add(k);
  for (const k of after.keys()) if (!before.has(k)) changed.add(k);
  if (changed.size === 0) return [];
  const out: NoteId[] = [];
  for (const note of notes) if (note.links.some((l) => l.target !== '' && changed.has(targetKey(l.target)))) out.push(note.id);
  return out;
}

/** The name key a written target is looked up under. */
function targetKey(target: string): string {
  return nameKey(baseName(target.replace(/\\/g, '/')).replace(/\.md$/i, ''));
}
