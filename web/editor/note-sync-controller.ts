import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { editorLeaveMessage } from '../lib/editor-leave-message.ts';
import { mergeText } from '../lib/editor-merge-text.ts';
import type { SaveStatus } from '../lib/editor-save-status.ts';
import { readNote, saveNote } from './editor-api.ts';

/** Idle time after the last edit before the editor saves by itself. */
const autosaveMs = 1500;

/** One version of the note's file on disk. */
export interface DiskText {
  text: string;
  hash: string;
}

/** The editor's document as the controller sees it. */
export interface SyncedDoc {
  /** Garden-relative path of the note. */
  path(): string;
  /** The text in the editor, or undefined before a note is loaded. */
  text(): string | undefined;
  /** Put `text` in the editor; `record` puts the change in the undo history (a user's choice, not an outside change). */
  show(text: string, record: boolean): void;
}

/**
 * Keeps `<garden-editor>`'s text and the file on disk in step. Saves (on
 * request, and after a pause) carry the hash of the disk version the text
 * derives from, so a file changed meanwhile is never overwritten: its new
 * version is merged three ways with the unsaved edits, and only overlapping
 * edits become a conflict for the user. Saves and disk checks run one at a
 * time. A file gone from disk is reported and written again only on request.
 */
export class NoteSyncController implements ReactiveController {
  status: SaveStatus = { kind: 'saved' };
  /** Unsaved edits overlap a change on disk; `mine` is the editor's text when it was found. */
  conflict?: { mine: string; disk: DiskText };
  /** The file was deleted on disk while open. */
  deleted = false;

  readonly #host: ReactiveControllerHost;
  readonly #doc: SyncedDoc;
  /** The disk version the text derives from: the one last read, written or merged. */
  #base: DiskText = { text: '', hash: '' };
  #timer?: ReturnType<typeof setTimeout>;
  #queue: Promise<void> = Promise.resolve();
  #writing = false;
  /** After "Merge by hand", autosave waits for an explicit save so conflict markers are never written unasked. */
  #manual = false;

  constructor(host: ReactiveControllerHost, doc: SyncedDoc) {
    this.#host = host;
    this.#doc = doc;
    host.addController(this);
  }

  hostDisconnected(): void {
    clearTimeout(this.#timer);
  }

  /** True when the text differs from the disk version it derives from. */
  get dirty(): boolean {
    const text = this.#doc.text();
    return text !== undefined && text !== this.#base.text;
  }

  /** True while text in the editor is not on disk: edits in the autosave pause or being saved, a conflict, a deleted file. */
  get unsaved(): boolean {
    return this.#doc.text() !== undefined && (this.dirty || this.#writing || this.conflict !== undefined || this.deleted);
  }

  /** Start over from a freshly loaded note. */
  reset(base: DiskText): void {
    clearTimeout(this.#timer);
    this.#base = base;
    this.conflict = undefined;
    this.deleted = false;
    this.#manual = false;
    this.#set({ kind: 'saved' });
  }

  /** Save now; does nothing while a conflict is open or the file is deleted. */
  save(): Promise<void> {
    clearTimeout(this.#timer);
    this.#manual = false;
    return this.#run(async () => {
      if (this.conflict || this.deleted || this.#doc.text() === undefined) return;
      if (this.dirty) await this.#write(this.#base.hash);
      else this.#settle();
    });
  }

  /** Wait for saves and disk checks in flight; true when nothing is unsaved. */
  async settled(): Promise<boolean> {
    let queue: Promise<void>;
    do {
      queue = this.#queue;
      await queue;
    } while (queue !== this.#queue);
    return !this.unsaved;
  }

  /** Read the file and take in a change made on disk: merged with unsaved edits, a conflict, or a deletion. */
  checkDisk(): Promise<void> {
    return this.#run(async () => {
      const path = this.#doc.path();
      // Unreadable for now (the server restarting): the next update looks again.
      const disk = await readNote(path).catch(() => undefined);
      if (disk === undefined || path !== this.#doc.path() || this.#doc.text() === undefined) return;
      if (disk === null) return this.#markDeleted();
      if (this.deleted || disk.hash !== (this.conflict?.disk.hash ?? this.#base.hash)) this.#takeDisk(disk);
      else if (!this.conflict) this.#settle();
    });
  }

  /** Before the editor closes or switches notes: save what can be saved, then ask if text would still be lost. True when it may go. */
  async release(): Promise<boolean> {
    clearTimeout(this.#timer);
    if (this.dirty && !this.#manual && !this.conflict && !this.deleted) await this.save();
    if (await this.settled()) return true;
    if (window.confirm(editorLeaveMessage(this.#doc.path(), this.status))) return true;
    this.#schedule();
    return false;
  }

  /** Write the text to its path again after the file was deleted on disk. */
  recreate(): Promise<void> {
    return this.#run(() => (this.deleted ? this.#write(null) : Promise.resolve()));
  }

  /** The user settled a conflict: keep their text, take the disk's, or edit a merge with markers around the overlaps. */
  resolve(choice: 'mine' | 'disk' | 'merge'): void {
    const conflict = this.conflict;
    const text = this.#doc.text();
    if (!conflict || text === undefined) return;
    const merged = mergeText(this.#base.text, text, conflict.disk.text).text;
    this.conflict = undefined;
    this.#base = conflict.disk;
    this.#host.requestUpdate();
    switch (choice) {
      case 'mine':
        void this.save();
        return;
      case 'disk':
        this.#doc.show(conflict.disk.text, true);
        return this.#settle();
      case 'merge':
        this.#manual = true;
        this.#doc.show(merged, true);
        return this.#settle();
    }
  }

  /** The user changed the text. While a conflict or a deletion is open, nothing saves until they settle it. */
  edited(): void {
    if (!this.conflict && !this.deleted) this.#settle();
  }

  #run(task: () => Promise<void>): Promise<void> {
    this.#queue = this.#queue.then(task).catch((error: unknown) => {
      this.#set({ kind: 'error', message: error instanceof Error ? error.message : String(error) });
    });
    return this.#queue;
  }

  /** Write the text if the file on disk has `baseHash` (null: only if there is no file). */
  async #write(baseHash: string | null): Promise<void> {
    const path = this.#doc.path();
    const text = this.#doc.text() ?? '';
    this.#set({ kind: 'saving' });
    this.#writing = true;
    const result = await saveNote(path, text, baseHash).finally(() => (this.#writing = false));
    // The note moved (a rename followed) or another was loaded meanwhile: a later check reads the new path.
    if (path !== this.#doc.path()) return;
    switch (result.kind) {
      case 'saved':
        this.#base = { text, hash: result.hash };
        this.deleted = false;
        return this.#settle();
      case 'conflict':
        return result.current ? this.#takeDisk(result.current) : this.#markDeleted();
      case 'error':
        return this.#set({ kind: 'error', message: result.message });
    }
  }

  /** Take in a disk version the editor did not write: merged with unsaved edits, or a conflict when they overlap. */
  #takeDisk(disk: DiskText): void {
    const mine = this.#doc.text() ?? '';
    const merged = mergeText(this.#base.text, mine, disk.text);
    this.deleted = false;
    if (merged.kind === 'conflict') {
      // The base stays the common ancestor, so a later disk version merges against it too.
      clearTimeout(this.#timer);
      this.conflict = { mine, disk };
      return this.#set({ kind: 'conflict' });
    }
    this.conflict = undefined;
    this.#base = disk;
    this.#doc.show(merged.text, false);
    this.#settle();
  }

  #markDeleted(): void {
    clearTimeout(this.#timer);
    this.deleted = true;
    this.conflict = undefined;
    this.#set({ kind: 'deleted' });
  }

  /** Status and autosave for where the text stands now. */
  #settle(): void {
    if (this.conflict) this.#set({ kind: 'conflict' });
    else if (this.deleted) this.#set({ kind: 'deleted' });
    else this.#set(this.dirty ? { kind: 'dirty' } : { kind: 'saved' });
    this.#schedule();
  }

  #schedule(): void {
    clearTimeout(this.#timer);
    if (this.dirty && !this.#manual && !this.conflict && !this.deleted) this.#timer = setTimeout(() => void this.save(), autosaveMs);
  }

  #set(status: SaveStatus): void {
    this.status = status;
    this.#host.requestUpdate();
  }
}
