import { defaultKeymap, history, historyKeymap, indentWithTab } from '@codemirror/commands';
import { markdown } from '@codemirror/lang-markdown';
import { defaultHighlightStyle, syntaxHighlighting } from '@codemirror/language';
import { Annotation, EditorState, Prec } from '@codemirror/state';
import { EditorView, drawSelection, highlightActiveLine, keymap } from '@codemirror/view';
import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { EditorIndex } from '../lib/editor-index.ts';
import { mergeWithMarkers } from '../lib/editor-merge-text.ts';
import { saveStatusLabel, type SaveStatus } from '../lib/editor-save-status.ts';
import { readNote, saveNote } from './editor-api.ts';
import { createEditorEvent, type GardenConflictResolveEvent } from './editor-events.ts';
import { editorStyles } from './garden-editor.styles.ts';
import { editorTheme } from './editor-theme.ts';
import './garden-editor-conflict.ts';
import { indexField, setIndex } from './index-field.ts';
import { linkCompletion } from './link-completion.ts';
import { linkHover } from './link-hover.ts';
import { unresolvedLinks } from './unresolved-links.ts';

/** Idle time after the last edit before the editor saves by itself. */
const autosaveMs = 1500;
/** Marks changes that came from disk, not from typing. */
const fromDisk = Annotation.define<boolean>();

/**
 * The Markdown editor of `trellis dev`: CodeMirror 6 with wiki-link
 * completion, unresolved-link marks and link previews. Saves on Ctrl/Cmd-S
 * and after a pause, always against the hash it read; a conflict shows both
 * versions and writes nothing until the user chooses.
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

  @state() status: SaveStatus = { kind: 'saved' };
  @state() conflict?: { mine: string; disk: { text: string; hash: string } | null };
  @state() loadError = '';

  #view?: EditorView;
  #baseHash: string | null = null;
  #savedText = '';
  #timer?: ReturnType<typeof setTimeout>;
  #saving?: Promise<void>;
  /** After "Merge by hand", autosave waits for an explicit save so conflict markers are never written unasked. */
  #manual = false;

  /** True when the editor holds text that is not on disk. */
  get dirty(): boolean {
    return this.#view !== undefined && this.#view.state.doc.toString() !== this.#savedText;
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
    if (changed.has('path') && this.path) void this.#load();
    if (changed.has('index') && this.#view) this.#view.dispatch({ effects: setIndex.of(this.index) });
    if (changed.has('status')) this.dispatchEvent(createEditorEvent('garden-editor-status', { path: this.path, dirty: this.status.kind !== 'saved' }));
  }

  /** Save now (Ctrl/Cmd-S); does nothing while a conflict is open. */
  async save(): Promise<void> {
    clearTimeout(this.#timer);
    this.#manual = false;
    while (this.#saving) await this.#saving;
    if (!this.#view || this.conflict) return;
    if (!this.dirty) {
      this.status = { kind: 'saved' };
      return;
    }
    this.#saving = this.#write(this.#view.state.doc.toString(), this.#baseHash).finally(() => (this.#saving = undefined));
    await this.#saving;
  }

  /** Wait for a save in flight; true when nothing is left unsaved. */
  async settled(): Promise<boolean> {
    while (this.#saving) await this.#saving;
    return !this.dirty && !this.conflict;
  }

  /** Take the disk's text when the file changed outside the editor and nothing is unsaved. */
  async syncFromDisk(): Promise<void> {
    if (!this.#view || this.dirty || this.#saving || this.conflict) return;
    const disk = await readNote(this.path).catch(() => undefined);
    if (!disk || disk.hash === this.#baseHash || this.dirty || this.#saving) return;
    this.#replace(disk.text, disk.hash);
  }

  protected override render(): unknown {
    return html`
      <header>
        <span class="path" title=${this.path}>${this.path}</span>
        <span class="status" data-status=${this.status.kind} role="status" aria-live="polite">${saveStatusLabel(this.status)}</span>
        <button type="button" class="save" @click=${() => void this.save()}>Save</button>
        <button type="button" class="close" @click=${this.#handleClose}>Close</button>
      </header>
      ${this.loadError ? html`<p class="error" role="alert">${this.loadError}</p>` : nothing}
      ${this.conflict
        ? html`<garden-editor-conflict .mine=${this.conflict.mine} .disk=${this.conflict.disk?.text ?? null} @garden-conflict-resolve=${this.#handleResolve}></garden-editor-conflict>`
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
    if (note instanceof Error) {
      this.loadError = `Could not open ${path}: ${note.message}`;
      return;
    }
    this.#view?.destroy();
    this.#baseHash = note.hash;
    this.#savedText = note.text;
    this.status = { kind: 'saved' };
    this.#view = new EditorView({
      parent: this.renderRoot.querySelector('.cm-host')!,
      root: this.renderRoot as ShadowRoot,
      state: EditorState.create({ doc: note.text, extensions: this.#extensions() }),
    });
    this.#view.focus();
  }

  #extensions() {
    return [
      Prec.highest(keymap.of([{ key: 'Mod-s', preventDefault: true, run: () => (void this.save(), true) }])),
      history(),
      drawSelection(),
      highlightActiveLine(),
      EditorView.lineWrapping,
      editorTheme,
      markdown(),
      syntaxHighlighting(defaultHighlightStyle, { fallback: true }),
      indexField.init(() => this.index),
      linkCompletion(),
      unresolvedLinks(),
      linkHover({ basePath: this.base, create: (target) => this.createNote(target) }),
      keymap.of([...defaultKeymap, ...historyKeymap, indentWithTab]),
      EditorView.updateListener.of((update) => {
        if (!update.docChanged || update.transactions.some((t) => t.annotation(fromDisk))) return;
        if (this.conflict) return;
        this.status = this.dirty ? { kind: 'dirty' } : { kind: 'saved' };
        clearTimeout(this.#timer);
        if (this.dirty && !this.#manual) this.#timer = setTimeout(() => void this.save(), autosaveMs);
      }),
    ];
  }

  async #write(text: string, baseHash: string | null): Promise<void> {
    this.status = { kind: 'saving' };
    const result = await saveNote(this.path, text, baseHash);
    switch (result.kind) {
      case 'saved':
        this.#baseHash = result.hash;
        this.#savedText = text;
        this.status = this.dirty ? { kind: 'dirty' } : { kind: 'saved' };
        if (this.dirty && !this.#manual) this.#timer = setTimeout(() => void this.save(), autosaveMs);
        return;
      case 'conflict':
        this.conflict = { mine: this.text, disk: result.current };
        this.status = { kind: 'conflict' };
        return;
      case 'error':
        this.status = { kind: 'error', message: result.message };
        return;
    }
  }

  #replace(text: string, hash: string | null): void {
    this.#baseHash = hash;
    this.#savedText = text;
    const view = this.#view!;
    view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: text }, annotations: fromDisk.of(true) });
    this.status = { kind: 'saved' };
  }

  readonly #handleResolve = (e: GardenConflictResolveEvent): void => {
    const conflict = this.conflict;
    const view = this.#view;
    if (!conflict || !view) return;
    this.conflict = undefined;
    const diskHash = conflict.disk?.hash ?? null;
    switch (e.detail.choice) {
      case 'mine':
        this.#saving = this.#write(view.state.doc.toString(), diskHash).finally(() => (this.#saving = undefined));
        return;
      case 'disk':
        this.#replace(conflict.disk?.text ?? '', diskHash);
        return;
      case 'merge': {
        const merged = mergeWithMarkers(view.state.doc.toString(), conflict.disk?.text ?? '');
        this.#baseHash = diskHash;
        this.#savedText = conflict.disk?.text ?? '';
        this.#manual = true;
        view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: merged }, annotations: fromDisk.of(true) });
        this.status = this.dirty ? { kind: 'dirty' } : { kind: 'saved' };
        view.focus();
        return;
      }
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
