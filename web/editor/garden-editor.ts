import { EditorState, Transaction } from '@codemirror/state';
import { EditorView } from '@codemirror/view';
import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { diffChanges } from '../lib/editor-diff-changes.ts';
import type { EditorIndex } from '../lib/editor-index.ts';
import { editorLeaveMessage } from '../lib/editor-leave-message.ts';
import { mergeText } from '../lib/editor-merge-text.ts';
import { saveStatusLabel, type SaveStatus } from '../lib/editor-save-status.ts';
import { readNote, saveNote } from './editor-api.ts';
import { createEditorEvent, type GardenConflictResolveEvent } from './editor-events.ts';
import { editorExtensions, fromDisk } from './editor-extensions.ts';
import { editorStyles } from './garden-editor.styles.ts';
import './garden-editor-conflict.ts';
import { setIndex } from './index-field.ts';

/** Idle time after the last edit before the editor saves by itself. */
const autosaveMs = 1500;

/** One version of the note's file on disk. */
interface DiskText {
  text: string;
  hash: string;
}

/**
 * The Markdown editor of `trellis dev`: CodeMirror 6 with wiki-link
 * completion, unresolved-link marks and link previews. Saves on Ctrl/Cmd-S
 * and after a pause, always against the hash of the disk version its text
 * derives from. A change on disk is merged with unsaved edits (three ways,
 * line by line) and shown as small edits outside the undo history; only
 * overlapping edits open the conflict panel, which writes nothing until the
 * user chooses. A file deleted on disk is reported and written again only on
 * request; `release()` asks before any text would be lost.
 *
 * @fires garden-editor-close - The Close button was pressed.
 * @fires garden-editor-status - The save status changed.
 * @property path - Garden-relative path of the note being edited.
 * @property index - The garden index for completion and link checks.
 * @property base - Site base path, for link previews.
 * @property createNote - Creates a note for an unresolved link target.
 */
@customElement('garden-editor')
export class GardenEditor extends LitElement {
  static override styles = editorStyles;

  @property() path = '';
  @property({ attribute: false }) index: EditorIndex = { notes: [], attachments: [] };
  @property() base = '/';
  @property({ attribute: false }) createNote: (target: string) => Promise<void> = async () => undefined;

  @state() status: SaveStatus = { kind: 'saved' };
  /** Unsaved edits overlap a change on disk; `mine` is the editor's text when it was found. */
  @state() conflict?: { mine: string; disk: DiskText };
  /** The file was deleted on disk while open. */
  @state() deleted = false;
  @state() loadError = '';

  #view?: EditorView;
  /** The disk version the editor's text derives from: the one it last read, wrote or merged. */
  #base: DiskText = { text: '', hash: '' };
  #timer?: ReturnType<typeof setTimeout>;
  /** Saves and disk checks run one at a time, in order. */
  #queue: Promise<void> = Promise.resolve();
  #writing = false;
  /** After "Merge by hand", autosave waits for an explicit save so conflict markers are never written unasked. */
  #manual = false;
  /** Set by `follow`: this path change is the same note moved on disk, not another note to load. */
  #followed?: string;

  /** True when the editor's text differs from the disk version it derives from. */
  get dirty(): boolean {
    return this.#view !== undefined && this.#view.state.doc.toString() !== this.#base.text;
  }

  /** True while text in the editor is not on disk: edits waiting for the autosave pause or being saved, a conflict, a deleted file. */
  get unsaved(): boolean {
    return this.#view !== undefined && (this.dirty || this.#writing || this.conflict !== undefined || this.deleted);
  }

  /** The editor's current text. */
  get text(): string {
    return this.#view?.state.doc.toString() ?? '';
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.#timer);
    this.#view?.destroy();
    this.#view = undefined;
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (changed.has('path') && this.path) {
      if (this.path === this.#followed) this.#followed = undefined;
      else void this.#load();
    }
    if (changed.has('index') && this.#view) this.#view.dispatch({ effects: setIndex.of(this.index) });
    if (changed.has('status')) this.dispatchEvent(createEditorEvent('garden-editor-status', { path: this.path, dirty: this.status.kind !== 'saved' }));
  }

  /** Save now (Ctrl/Cmd-S); does nothing while a conflict is open or the file is deleted. */
  save(): Promise<void> {
    clearTimeout(this.#timer);
    this.#manual = false;
    return this.#run(() => this.#saveNow());
  }

  /** Wait for saves and disk checks in flight; true when nothing in the editor is unsaved. */
  async settled(): Promise<boolean> {
    let queue: Promise<void>;
    do {
      queue = this.#queue;
      await queue;
    } while (queue !== this.#queue);
    return !this.unsaved;
  }

  /** Read the file and take in a change made on disk: merged with unsaved edits, or a conflict, or a deletion. */
  checkDisk(): Promise<void> {
    return this.#run(() => this.#checkNow());
  }

  /** The note was renamed on disk to `to`: keep the text, go on at the new path. */
  follow(to: string): Promise<void> {
    if (to !== this.path) {
      this.#followed = to;
      this.path = to;
    }
    return this.checkDisk();
  }

  /** Before the editor closes or switches notes: save what can be saved, then ask if text would still be lost. True when it may go. */
  async release(): Promise<boolean> {
    clearTimeout(this.#timer);
    if (this.dirty && !this.#manual && !this.conflict && !this.deleted) await this.save();
    if (await this.settled()) return true;
    if (window.confirm(editorLeaveMessage(this.path, this.status))) return true;
    this.#schedule();
    return false;
  }

  /** Write the text to its path again after the file was deleted on disk. */
  recreate(): Promise<void> {
    return this.#run(() => (this.deleted ? this.#write(null) : Promise.resolve()));
  }

  protected override render(): unknown {
    return html`
      <header>
        <span class="path" title=${this.path}>${this.path}</span>
        <span class="status" data-status=${this.status.kind} role="status" aria-live="polite">${saveStatusLabel(this.status)}</span>
        <button type="button" class="save" ?disabled=${this.deleted || this.conflict !== undefined} @click=${() => void this.save()}>Save</button>
        <button type="button" class="close" @click=${this.#handleClose}>Close</button>
      </header>
      ${this.loadError ? html`<p class="error" role="alert">${this.loadError}</p>` : nothing}
      ${this.deleted
        ? html`<div class="deleted" role="alert">
            <p><strong>This note was deleted on disk.</strong> Its text stays here, and nothing is written unless you ask.</p>
            <button type="button" class="recreate" @click=${() => void this.recreate()}>Save it again as ${this.path}</button>
          </div>`
        : nothing}
      ${this.conflict
        ? html`<garden-editor-conflict .mine=${this.conflict.mine} .disk=${this.conflict.disk.text} @garden-conflict-resolve=${this.#handleResolve}></garden-editor-conflict>`
        : nothing}
      <div class="cm-host"></div>
      <p class="hint">Type <kbd>[[</kbd> to link a note, <kbd>#</kbd> for its headings, <kbd>#^</kbd> for blocks. <kbd>Ctrl</kbd>/<kbd>⌘</kbd>+<kbd>S</kbd> saves; edits also save after a pause.</p>
    `;
  }

  async #load(): Promise<void> {
    this.loadError = '';
    const path = this.path;
    const note = await readNote(path).catch((error: Error) => error);
    if (path !== this.path) return;
    if (!note || note instanceof Error) {
      this.loadError = `Could not open ${path}: ${note ? note.message : 'there is no such file'}`;
      return;
    }
    this.#view?.destroy();
    clearTimeout(this.#timer);
    this.#base = { text: note.text, hash: note.hash };
    this.conflict = undefined;
    this.deleted = false;
    this.#manual = false;
    this.status = { kind: 'saved' };
    const extensions = editorExtensions({
      index: () => this.index,
      base: this.base,
      save: () => void this.save(),
      createNote: (target) => this.createNote(target),
      edited: () => this.#handleEdited(),
    });
    this.#view = new EditorView({
      parent: this.renderRoot.querySelector('.cm-host')!,
      root: this.renderRoot as ShadowRoot,
      state: EditorState.create({ doc: note.text, extensions }),
    });
    this.#view.focus();
  }

  #run(task: () => Promise<void>): Promise<void> {
    this.#queue = this.#queue.then(task).catch((error: unknown) => {
      this.status = { kind: 'error', message: error instanceof Error ? error.message : String(error) };
    });
    return this.#queue;
  }

  async #saveNow(): Promise<void> {
    if (!this.#view || this.conflict || this.deleted) return;
    if (this.dirty) await this.#write(this.#base.hash);
    else this.#settle();
  }

  /** Write the editor's text if the file on disk has `baseHash` (null: only if there is no file). */
  async #write(baseHash: string | null): Promise<void> {
    const path = this.path;
    const text = this.text;
    this.status = { kind: 'saving' };
    this.#writing = true;
    const result = await saveNote(path, text, baseHash).finally(() => (this.#writing = false));
    // Followed a rename meanwhile: the check queued by `follow` reads the new path.
    if (path !== this.path || !this.#view) return;
    switch (result.kind) {
      case 'saved':
        this.#base = { text, hash: result.hash };
        this.deleted = false;
        this.#settle();
        return;
      case 'conflict':
        if (result.current) this.#takeDisk(result.current);
        else this.#markDeleted();
        return;
      case 'error':
        this.status = { kind: 'error', message: result.message };
        return;
    }
  }

  async #checkNow(): Promise<void> {
    const path = this.path;
    if (!this.#view) return;
    // Unreadable for now (the server restarting): the next update looks again.
    const disk = await readNote(path).catch(() => undefined);
    if (disk === undefined || path !== this.path || !this.#view) return;
    if (disk === null) return this.#markDeleted();
    const known = this.conflict?.disk.hash ?? this.#base.hash;
    if (this.deleted || disk.hash !== known) this.#takeDisk(disk);
    else if (!this.conflict) this.#settle();
  }

  /** Take in a disk version the editor did not write: merged with unsaved edits, or a conflict when they overlap. */
  #takeDisk(disk: DiskText): void {
    const mine = this.text;
    const merged = mergeText(this.#base.text, mine, disk.text);
    this.deleted = false;
    if (merged.kind === 'conflict') {
      // The base stays the common ancestor, so a later disk version merges against it too.
      clearTimeout(this.#timer);
      this.conflict = { mine, disk };
      this.status = { kind: 'conflict' };
      return;
    }
    this.conflict = undefined;
    this.#base = disk;
    this.#show(merged.text, false);
    this.#settle();
  }

  #markDeleted(): void {
    clearTimeout(this.#timer);
    this.deleted = true;
    this.conflict = undefined;
    this.status = { kind: 'deleted' };
  }

  /** Status and autosave for where the text stands now. */
  #settle(): void {
    if (this.conflict) this.status = { kind: 'conflict' };
    else if (this.deleted) this.status = { kind: 'deleted' };
    else this.status = this.dirty ? { kind: 'dirty' } : { kind: 'saved' };
    this.#schedule();
  }

  #schedule(): void {
    clearTimeout(this.#timer);
    if (this.dirty && !this.#manual && !this.conflict && !this.deleted) this.#timer = setTimeout(() => void this.save(), autosaveMs);
  }

  /**
   * Show `text` as the smallest changes to the document, so the selection and
   * the scroll position stay; outside the undo history unless `record` (Undo
   * must never replay another program's change onto disk).
   */
  #show(text: string, record: boolean): void {
    const view = this.#view!;
    const changes = diffChanges(view.state.doc.toString(), text);
    if (changes.length === 0) return;
    view.dispatch({ changes, annotations: record ? fromDisk.of(true) : [fromDisk.of(true), Transaction.addToHistory.of(false)] });
  }

  #handleEdited(): void {
    // While a conflict or a deletion is open, nothing saves until the user settles it.
    if (!this.conflict && !this.deleted) this.#settle();
  }

  readonly #handleResolve = (e: GardenConflictResolveEvent): void => {
    const conflict = this.conflict;
    if (!conflict || !this.#view) return;
    const merged = mergeText(this.#base.text, this.text, conflict.disk.text).text;
    this.conflict = undefined;
    this.#base = conflict.disk;
    switch (e.detail.choice) {
      case 'mine':
        void this.save();
        return;
      case 'disk':
        this.#show(conflict.disk.text, true);
        this.#settle();
        return;
      case 'merge':
        this.#manual = true;
        this.#show(merged, true);
        this.#settle();
        this.#view.focus();
        return;
    }
  };

  readonly #handleClose = (): void => {
    this.dispatchEvent(createEditorEvent('garden-editor-close', { path: this.path }));
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'garden-editor': GardenEditor;
  }
}
