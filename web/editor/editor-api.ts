/**
 * Typed client of the dev server's editor API (`/_trellis/api/`, see
 * src/dev/api.ts). Writes send JSON; a save carries the hash it was based on.
 */
import type { EditorIndex } from '../lib/editor-index.ts';
import type { RenameOutcome } from '../lib/editor-rename-message.ts';

const api = '/_trellis/api/';

/** A note's text as read from disk. */
export interface NoteText {
  path: string;
  text: string;
  hash: string;
}

/** What a save did: written, refused because the file changed on disk, or failed. */
export type SaveResult =
  { kind: 'saved'; hash: string } | { kind: 'conflict'; current: { text: string; hash: string } | null } | { kind: 'error'; message: string };

/** Load the completion index. */
export async function fetchIndex(): Promise<EditorIndex> {
  return json<EditorIndex>(await fetch(api + 'index', { cache: 'no-store' }));
}

/** Read a note's text and hash; null when there is no such file (deleted, or moved away). */
export async function readNote(path: string): Promise<NoteText | null> {
  const response = await fetch(`${api}note?path=${encodeURIComponent(path)}`, { cache: 'no-store' });
  return response.status === 404 ? null : json<NoteText>(response);
}

/** Save a note's text if the file on disk still has `baseHash` (null: the file must not exist). */
export async function saveNote(path: string, text: string, baseHash: string | null): Promise<SaveResult> {
  let response: Response;
  try {
    response = await send('PUT', 'note', { path, text, baseHash });
  } catch (error) {
    return { kind: 'error', message: (error as Error).message };
  }
  if (response.status === 409) {
    const body = (await response.json()) as { current: { text: string; hash: string } | null };
    return { kind: 'conflict', current: body.current };
  }
  if (!response.ok) return { kind: 'error', message: await errorOf(response) };
  const body = (await response.json()) as { hash: string };
  return { kind: 'saved', hash: body.hash };
}

/** Create a note from the garden's template (New note); resolves to its path, or rejects with the reason a name is refused. */
export async function createNote(title: string, folder?: string): Promise<string> {
  const response = await send('POST', 'note', folder === undefined ? { title } : { title, folder });
  return (await json<{ path: string }>(response)).path;
}

/**
 * Create the note an unresolved link (`target`, written in the note at `from`) would reach; resolves to its
 * path once the server has checked that the link reaches it, or rejects with the reason it cannot.
 */
export async function createNoteForLink(target: string, from: string): Promise<string> {
  return (await json<{ path: string }>(await send('POST', 'note', { link: target, from }))).path;
}

/** Rename (move) a note, rewriting the links to it; resolves to the new path, the files rewritten and the links made ambiguous. */
export async function renameNote(from: string, to: string): Promise<RenameOutcome> {
  return json<RenameOutcome>(await send('POST', 'rename', { from, to }));
}

/**
 * Turn an unlinked mention into a wiki-link in its source file (`path`), if the file still has
 * `baseHash` (the version the mention was found in); resolves to the link written, or rejects
 * with the reason (the file changed on disk, or the mention cannot become a link there).
 */
export async function linkMention(path: string, target: string, baseHash: string, text: string): Promise<{ path: string; link: string }> {
  return json<{ path: string; link: string }>(await send('POST', 'link-mention', { path, target, baseHash, text }));
}

function send(method: string, route: string, body: unknown): Promise<Response> {
  return fetch(api + route, { method, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
}

async function json<T>(response: Response): Promise<T> {
  if (!response.ok) throw new Error(await errorOf(response));
  return (await response.json()) as T;
}

async function errorOf(response: Response): Promise<string> {
  const body = (await response.json().catch(() => ({}))) as { error?: string };
  return body.error ?? `the server answered ${response.status}`;
}
