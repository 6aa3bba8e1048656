import { fuzzyScore } from './editor-fuzzy-score.ts';
import { toBaseName, toLinkPath, type EditorIndex, type EditorIndexNote } from './editor-index.ts';
import type { LinkContext } from './editor-link-context.ts';
import { resolveTarget } from './editor-resolve-target.ts';

/** One completion: `label` is shown, `insert` replaces the typed query. */
export interface LinkOption {
  label: string;
  detail: string;
  insert: string;
  kind: 'note' | 'attachment' | 'heading' | 'block';
  score: number;
}

/** Most options offered at once. */
export const maxLinkOptions = 50;

/**
 * List what may complete a link context: notes by title, alias and path
 * (plus attachments in embeds), or the headings or block ids of the named
 * note; best fuzzy match first, ties by label.
 */
export function listLinkOptions(context: LinkContext, index: EditorIndex, fromPath = '', limit = maxLinkOptions): LinkOption[] {
  const options = context.kind === 'note' ? noteOptions(context.query, context.embed, index) : anchorOptions(context, index, fromPath);
  return options.sort((a, b) => b.score - a.score || a.label.localeCompare(b.label)).slice(0, limit);
}

function noteOptions(query: string, embed: boolean, index: EditorIndex): LinkOption[] {
  const nameCount = new Map<string, number>();
  for (const n of index.notes) {
    const key = toBaseName(toLinkPath(n.path)).toLowerCase();
    nameCount.set(key, (nameCount.get(key) ?? 0) + 1);
  }
  const options: LinkOption[] = [];
  for (const note of index.notes) {
    const best = bestField(query, note);
    if (!best) continue;
    const name = toBaseName(toLinkPath(note.path));
    const insert = nameCount.get(name.toLowerCase()) === 1 ? name : toLinkPath(note.path);
    const detail = best.field === 'alias' ? `alias of ${note.title} · ${note.path}` : note.path;
    options.push({ label: best.field === 'alias' ? best.text : note.title, detail, insert, kind: 'note', score: best.score });
  }
  if (embed) {
    for (const path of index.attachments) {
      const score = fuzzyScore(query, path);
      if (score === null) continue;
      const unique = index.attachments.filter((a) => toBaseName(a) === toBaseName(path)).length === 1;
      options.push({ label: toBaseName(path), detail: path, insert: unique ? toBaseName(path) : path, kind: 'attachment', score: score + 0.5 });
    }
  }
  return options;
}

function bestField(query: string, note: EditorIndexNote): { field: 'title' | 'alias' | 'path'; text: string; score: number } | undefined {
  const fields: { field: 'title' | 'alias' | 'path'; text: string; bonus: number }[] = [
    { field: 'title', text: note.title, bonus: 1 },
    ...note.aliases.map((a) => ({ field: 'alias' as const, text: a, bonus: 0.5 })),
    { field: 'path', text: toLinkPath(note.path), bonus: 0 },
  ];
  let best: { field: 'title' | 'alias' | 'path'; text: string; score: number } | undefined;
  for (const f of fields) {
    const s = fuzzyScore(query, f.text);
    if (s === null) continue;
    if (!best || s + f.bonus > best.score) best = { field: f.field, text: f.text, score: s + f.bonus };
  }
  return best;
}

function anchorOptions(context: Exclude<LinkContext, { kind: 'note' }>, index: EditorIndex, fromPath: string): LinkOption[] {
  const match = resolveTarget(context.target, index, fromPath);
  if (match.kind !== 'note') return [];
  const note = match.note;
  const options: LinkOption[] = [];
  if (context.kind === 'heading') {
    for (const h of note.headings) {
      const score = fuzzyScore(context.query, h.text);
      if (score !== null)
        options.push({ label: h.text, detail: `H${h.depth} in ${note.title}`, insert: h.text, kind: 'heading', score: score - h.depth / 1000 });
    }
  } else {
    for (const id of note.blocks) {
      const score = fuzzyScore(context.query, id);
      if (score !== null) options.push({ label: `^${id}`, detail: `block in ${note.title}`, insert: id, kind: 'block', score });
    }
  }
  return options;
}
