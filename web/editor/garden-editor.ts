import { EditorState, Transaction } from '@codemirror/state';
import { EditorView } from '@codemirror/view';
import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { diffChanges } from '../lib/editor-diff-changes.ts';
import type { EditorIndex } from '../lib/editor-index.ts';
import { saveStatusLabel, type SaveStatus } from '../lib/editor-save-status.ts';
import { readNote } from './editor-api.ts';
import { createEditorEvent, type GardenConflictResolveEvent } from './editor-events.ts';
import { editorExtensions, fromDisk } from './editor-extensions.ts';
import { editorStyles } from './garden-editor.styles.ts';
import './garden-editor-conflict.ts';
import { setIndex } from './index-field.ts';
import { NoteSyncController } from './note-sync-controller.ts';

/**
 * The Markdown editor of `trellis dev`: CodeMirror 6 with wiki-link
 * completion, unresolved-link marks and link previews. Saves on Ctrl/Cmd-S
 * and after a pause, never over a file changed on disk (see
 * note-sync-controller.ts): outside changes arrive as small edits that keep
 * the cursor and stay out of Undo, merged with unsaved edits; only overlaps
 * open the conflict panel. A file deleted on disk is reported, and written
 * again only on request. `release()` asks before any text would be lost.
 *
 * @fires garden-editor-close - The Close button was pressed.
 * @fires garden-editor-status - The save status changed.
 * @property path - Garden-relative path of the note being edited.
 * @property index - The garden index for completion and link checks.
 * @property base - Site base path, for link previews.
 * @property createNote - Creates the note an unresolved link target reaches; resolves to its path, rejects with the reason it cannot.
 */
@customElement('garden-editor')
export class GardenEditor extends LitElement {
  static override styles = editorStyles;

  @property() path = '';
  @property({ attribute: false }) index: EditorIndex = { notes: [], attachments: [] };
  @property() base = '/';
  @property({ attribute: false }) createNote: (target: string) => Promise<string> = () => Promise.reject(new Error('creating notes is not available'));

  @state() loadError = '';

  #view?: EditorView;
  readonly #sync = new NoteSyncController(this, {
    path: () => this.path,
    text: () => this.#view?.state.doc.toString(),
    show: (text, record) => this.#show(text, record),
  });
  #lastStatus?: SaveStatus;
  /** Set by `follow`: this path change is the same note moved on disk, not another note to load. */
  #followed?: string;

  /** Where the text stands relative to the file on disk. */
  get status(): SaveStatus {
    return this.#sync.status;
  }

  /** True when the text differs from the disk version it derives from. */
  get dirty(): boolean {
    return this.#sync.dirty;
  }

  /** True while text in the editor is not on disk: edits in the autosave pause or being saved, a conflict, a deleted file. */
  get unsaved(): boolean {
    return this.#sync.unsaved;
  }

  /** The editor's current text. */
  get text(): string {
    return this.#view?.state.doc.toString() ?? '';
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#view?.destroy();
    this.#view = undefined;
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (changed.has('path') && this.path) {
      if (this.path === this.#followed) this.#followed = undefined;
      else void this.#load();
    }
    if (changed.has('index') && this.#view) this.#view.dispatch({ effects: setIndex.of(this.index) });
    if (this.status !== this.#lastStatus) {
      this.#lastStatus = this.status;
      this.dispatchEvent(createEditorEvent('garden-editor-status', { path: this.path, dirty: this.status.kind !== 'saved' }));
    }
  }

  /** Save now (Ctrl/Cmd-S); does nothing while a conflict is open or the file is deleted. */
  save(): Promise<void> {
    return this.#sync.save();
  }

  /** Wait for saves and disk checks in flight; true when nothing in the editor is unsaved. */
  settled(): Promise<boolean> {
    return this.#sync.settled();
  }

  /** Read the file and take in a change made on disk: merged with unsaved edits, a conflict, or a deletion. */
  checkDisk(): Promise<void> {
    return this.#sync.checkDisk();
  }

  /** The note was renamed on disk to `to`: keep the text, go on at the new path. */
  follow(to: string): Promise<void> {
    if (to !== this.path) {
      this.#followed = to;
      this.path = to;
    }
    return this.#sync.checkDisk();
  }

  /** Before the editor closes or switches notes: save what can be saved, then ask if text would still be lost. True when it may go. */
  release(): Promise<boolean> {
    return this.#sync.release();
  }

  protected override render(): unknown {
    const { conflict, deleted } = this.#sync;
    return html`
      <header>
        <span class="path" title=${this.path}>${this.path}</span>
        <span class="status" data-status=${this.status.kind} role="status" aria-live="polite">${saveStatusLabel(this.status)}</span>
        <button type="button" class="save" ?disabled=${deleted || conflict !== undefined} @click=${() => void this.save()}>Save</button>
        <button type="button" class="close" @click=${this.#handleClose}>Close</button>
      </header>
      ${this.loadError ? html`<p class="error" role="alert">${this.loadError}</p>` : nothing}
      ${
        deleted
          ? html`<div class="deleted" role="alert">
              <p><strong>This note was deleted on disk.</strong> Its text stays here, and nothing is written unless you ask.</p>
              <button type="button" class="recreate" @click=${() => void this.#sync.recreate()}>Save it again as ${this.path}</button>
            </div>`
          : nothing
      }
      ${
        conflict
          ? html`<garden-editor-conflict
              .mine=${conflict.mine}
              .disk=${conflict.disk.text}
              @garden-conflict-resolve=${this.#handleResolve}
            ></garden-editor-conflict>`
          : nothing
      }
      <div class="cm-host"></div>
      <p class="hint">
        Type <kbd>[[</kbd> to link a note, <kbd>#</kbd> for its headings, <kbd>#^</kbd> for blocks. <kbd>Ctrl</kbd>/<kbd>⌘</kbd>+<kbd>S</kbd> saves; edits also
        save after a pause.
      </p>
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
    const extensions = editorExtensions({
      index: () => this.index,
      path: () => this.path,
      base: this.base,
      save: () => void this.save(),
      createNote: (target) => this.createNote(target),
      edited: () => this.#sync.edited(),
    });
    this.#view = new EditorView({
      parent: this.renderRoot.querySelector('.cm-host')!,
      root: this.renderRoot as ShadowRoot,
      state: EditorState.create({ doc: note.text, extensions }),
    });
    this.#sync.reset({ text: note.text, hash: note.hash });
    this.#view.focus();
  }

  /**
   * Show `text` as the smallest changes to the document, so the selection and
   * the scroll position stay; outside the undo history unless `record` (Undo
   * must never replay another program's change onto disk).
   */
  #show(text: string, record: boolean): void {
    const view = this.#view;
    const changes = view ? diffChanges(view.state.doc.toString(), text) : [];
    if (!view || changes.length === 0) return;
    view.dispatch({ changes, annotations: record ? fromDisk.of(true) : [fromDisk.of(true), Transaction.addToHistory.of(false)] });
  }

  readonly #handleResolve = (e: GardenConflictResolveEvent): void => {
    this.#sync.resolve(e.detail.choice);
    if (e.detail.choice === 'merge') this.#view?.focus();
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
