import { toBaseName, toLinkPath, type EditorIndex, type EditorIndexNote } from './editor-index.ts';

/** What a wiki-link target points at in the editor's index. */
export type TargetMatch = { kind: 'note'; note: EditorIndexNote } | { kind: 'attachment'; path: string } | { kind: 'missing' };

/**
 * Resolve the target of a wiki-link (the part before `#` and `|`) the way the
 * builder does: by full path, then by file name, case-insensitively, with or
 * without `.md`; embeds may also name attachments.
 */
export function resolveTarget(target: string, index: EditorIndex): TargetMatch {
  const key = normalise(toLinkPath(stripLead(target.trim())));
  if (key === '') return { kind: 'missing' };
  const byPath = index.notes.find((n) => normalise(toLinkPath(n.path)) === key);
  if (byPath) return { kind: 'note', note: byPath };
  if (!key.includes('/')) {
    const byName = index.notes.filter((n) => normalise(toBaseName(toLinkPath(n.path))) === key);
    byName.sort((a, b) => a.path.split('/').length - b.path.split('/').length || a.path.localeCompare(b.path));
    if (byName[0]) return { kind: 'note', note: byName[0] };
  }
  const fileKey = normalise(stripLead(target.trim()));
  const attachment =
    index.attachments.find((a) => normalise(a) === fileKey) ??
    (fileKey.includes('/') ? undefined : index.attachments.find((a) => normalise(toBaseName(a)) === fileKey));
  return attachment ? { kind: 'attachment', path: attachment } : { kind: 'missing' };
}

/** Split a link's inner text (`Target#Heading|Alias`) into target and anchor. */
export function splitLinkText(inner: string): { target: string; anchor: string } {
  const bar = inner.indexOf('|');
  const body = bar < 0 ? inner : inner.slice(0, bar);
  const hash = body.indexOf('#');
  return hash < 0 ? { target: body, anchor: '' } : { target: body.slice(0, hash), anchor: body.slice(hash + 1) };
}

function normalise(s: string): string {
  return s.normalize('NFC').toLowerCase();
}

function stripLead(s: string): string {
  return s.startsWith('/') ? s.slice(1) : s;
}
