import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import type { GardenApp } from '../components/garden-app.ts';
import type { EditorIndex, EditorIndexNote } from '../lib/editor-index.ts';
import { toNoteId } from '../../src/shared/ids.ts';
import { withBase } from '../../src/shared/with-base.ts';
import { StoreController } from '../store/store-controller.ts';
import { createNote, createNoteForLink, fetchIndex, linkMention, renameNote } from './editor-api.ts';
import { renameMessage } from '../lib/editor-rename-message.ts';
import type { DevUpdate, GardenEditorStatusEvent } from './editor-events.ts';
import './garden-editor.ts';
import type { GardenEditor } from './garden-editor.ts';
import { refreshPage } from './refresh-page.ts';

/**
 * The dev-mode toolbar: Edit (toggles `<garden-editor>` for the note on
 * screen), Rename and New note. Holds the garden index, refreshed on every
 * `garden:update`, and updates the page on screen in place when its note
 * changed and the editor has nothing unsaved. The editor follows the note on
 * screen and a rename made in any tab. No way out of the editor loses text:
 * the toolbar's actions and in-place navigation (a leave guard on the app)
 * save first and ask when that is not enough; a reload or closing the tab
 * asks through `beforeunload`. Also answers the Link button of each unlinked
 * mention on the page (the dev server renders them open, with their file's
 * hash): the mention becomes a wiki-link in its source file and the page
 * updates. Lives inside `<garden-app>`.
 *
 * @property app - The reading app it works with (store, navigation, page refresh).
 */
@customElement('garden-dev-bar')
export class GardenDevBar extends LitElement {
  static override styles = css`
    :host {
      position: fixed;
      z-index: 41;
      left: 0.75rem;
      bottom: 0.75rem;
      display: flex;
      align-items: center;
      gap: 0.4rem;
      padding: 0.35rem;
      border: 1px solid var(--border, #ddd);
      border-radius: 10px;
      background: var(--surface, #fff);
      box-shadow: var(--shadow-lg, none);
      font: 0.85rem/1.3 var(--font-ui, system-ui, sans-serif);
      color: var(--text, #222);
    }
    button {
      font: inherit;
      padding: 0.3rem 0.7rem;
      border-radius: 7px;
      border: 1px solid var(--border, #ccc);
      background: var(--bg, #fff);
      color: inherit;
      cursor: pointer;
    }
    button[aria-pressed='true'] {
      background: var(--accent, #2e6c5b);
      border-color: var(--accent, #2e6c5b);
      color: var(--on-accent, #fff);
    }
    .message {
      max-width: 28rem;
      color: var(--muted, #666);
    }
    .message:empty {
      display: none;
    }
  `;

  @property({ attribute: false }) app?: GardenApp;

  @state() index: EditorIndex = { notes: [], attachments: [] };
  /** Path of the note open in the editor, if any. */
  @state() editing?: string;
  @state() message = '';

  @query('garden-editor') editor?: GardenEditor;

  readonly #store = new StoreController(this);
  /** Id of the note on screen when last rendered, to see the reader move to another. */
  #shownId?: string;
  /** Set while this bar moves the page itself (following a rename), which needs no leave check. */
  #moving = false;
  #removeGuard?: () => void;

  override connectedCallback(): void {
    super.connectedCallback();
    void this.refreshIndex();
    this.#removeGuard = this.app?.addLeaveGuard(this.#guardLeave);
    window.addEventListener('beforeunload', this.#handleBeforeUnload);
    document.addEventListener('click', this.#handleMentionLink);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#removeGuard?.();
    window.removeEventListener('beforeunload', this.#handleBeforeUnload);
    document.removeEventListener('click', this.#handleMentionLink);
  }

  /** Reload the garden index used for completion, link checks and paths. */
  async refreshIndex(): Promise<void> {
    this.index = await fetchIndex().catch(() => this.index);
  }

  /** React to a `garden:update` from the dev server. */
  async handleUpdate(update: DevUpdate): Promise<void> {
    const renamed = update.renamed ?? [];
    if (update.changed.length === 0 && update.removed.length === 0 && renamed.length === 0) return;
    await this.refreshIndex();
    const editor = this.editor;
    if (editor) {
      const moved = renamed.find((r) => r.from === editor.path);
      // The editor takes the new path first, so the re-render that passes it down loads nothing.
      const checked = moved ? editor.follow(moved.to) : editor.checkDisk();
      if (moved) this.editing = moved.to;
      await checked;
    }
    const page = this.#store.value?.state.page;
    if (!this.app || page?.kind !== 'note') return;
    const pageMove = renamed.find((r) => toNoteId(r.from) === page.id);
    // A rename made here moves the page itself.
    if (pageMove) return this.#moving ? undefined : this.#follow(pageMove.to);
    if (!update.changed.includes(page.id)) return;
    const current = this.index.notes.find((n) => n.id === page.id);
    // A deleted note has no page left to refresh.
    if (!current?.url) return;
    if (editor && current.path === editor.path && !(await editor.settled())) return;
    await refreshPage(this.app);
  }

  protected override render(): unknown {
    const note = this.#currentNote();
    const editing = this.editing !== undefined;
    return html`
      ${
        note || editing ? html`<button type="button" class="edit" aria-pressed=${editing ? 'true' : 'false'} @click=${this.#handleEdit}>Edit</button>` : nothing
      }
      ${note ? html`<button type="button" class="rename" @click=${this.#handleRename}>Rename</button>` : nothing}
      <button type="button" class="new" @click=${this.#handleNew}>New note</button>
      <span class="message" role="status" aria-live="polite">${this.message}</span>
      ${
        this.editing
          ? html`<garden-editor
              .path=${this.editing}
              .index=${this.index}
              .base=${this.app?.base ?? '/'}
              .createNote=${this.#createForLink}
              @garden-editor-close=${this.#handleClose}
              @garden-editor-status=${this.#handleStatus}
            ></garden-editor>`
          : nothing
      }
    `;
  }

  protected override willUpdate(): void {
    // The reader moved to another note (the leave guard let them): the editor goes along.
    const page = this.#store.value?.state.page;
    const id = page?.kind === 'note' ? page.id : undefined;
    if (id === this.#shownId) return;
    this.#shownId = id;
    const note = id && this.index.notes.find((n) => n.id === id);
    if (note && this.editing !== undefined) this.editing = note.path;
  }

  protected override updated(): void {
    document.documentElement.classList.toggle('is-editing', this.editing !== undefined);
  }

  #currentNote(): EditorIndexNote | undefined {
    const page = this.#store.value?.state.page;
    return page?.kind === 'note' ? this.index.notes.find((n) => n.id === page.id) : undefined;
  }

  /** Show the page of a note by path once the index knows it; opens the editor on it. */
  async #open(path: string, edit: boolean): Promise<void> {
    await this.refreshIndex();
    const note = this.index.notes.find((n) => n.path === path);
    if (note?.url && this.app) await this.app.navigate(withBase(this.app.base, note.url));
    if (edit) this.editing = path;
  }

  /** The note on screen was renamed elsewhere: show it at its new address. */
  async #follow(path: string): Promise<void> {
    const note = this.index.notes.find((n) => n.path === path);
    if (!note?.url || !this.app) return;
    this.#moving = true;
    try {
      await this.app.navigate(withBase(this.app.base, note.url));
    } finally {
      this.#moving = false;
    }
  }

  /** May the reader leave the note on screen? The editor saves first, and asks when its text would be lost. */
  readonly #guardLeave = async (): Promise<boolean> => this.#moving || !this.editor || this.editor.release();

  readonly #handleBeforeUnload = (e: BeforeUnloadEvent): void => {
    if (!this.editor?.unsaved) return;
    e.preventDefault();
    // Older browsers show their leave dialog only when returnValue is set.
    e.returnValue = '';
  };

  readonly #handleEdit = async (): Promise<void> => {
    if (this.editing === undefined) {
      this.editing = this.#currentNote()?.path;
      return;
    }
    if (this.editor && !(await this.editor.release())) return;
    this.editing = undefined;
  };

  readonly #handleClose = async (): Promise<void> => {
    if (this.editor && !(await this.editor.release())) return;
    this.editing = undefined;
  };

  readonly #handleStatus = (e: GardenEditorStatusEvent): void => {
    if (e.detail.dirty) this.message = '';
  };

  readonly #handleRename = async (): Promise<void> => {
    const note = this.#currentNote();
    if (!note) return;
    if (this.editor && !(await this.editor.release())) return;
    const to = window.prompt(`Rename ${note.path} to (path in the garden, with .md):`, note.path)?.trim();
    if (!to || to === note.path) return;
    this.#moving = true;
    try {
      const result = await renameNote(note.path, to.endsWith('.md') ? to : `${to}.md`);
      this.message = renameMessage(result);
      const wasEditing = this.editing === note.path;
      if (wasEditing) this.editing = undefined;
      await this.#open(result.path, wasEditing);
    } catch (error) {
      this.message = `Could not rename: ${(error as Error).message}`;
    } finally {
      this.#moving = false;
    }
  };

  readonly #handleNew = async (): Promise<void> => {
    if (this.editor && !(await this.editor.release())) return;
    const title = window.prompt('Title of the new note:')?.trim();
    if (!title) return;
    try {
      const path = await createNote(title);
      this.message = `Created ${path}.`;
      this.editing = undefined;
      this.#moving = true;
      await this.#open(path, true).finally(() => (this.#moving = false));
    } catch (error) {
      this.message = `Could not create the note: ${(error as Error).message}`;
    }
  };

  /** A mention's Link button: link it in its source file, then show the page with the new backlink. */
  readonly #handleMentionLink = async (e: MouseEvent): Promise<void> => {
    const button = (e.target as Element | null)?.closest?.<HTMLButtonElement>('button[data-action="link-mention"]');
    const target = button?.closest<HTMLElement>('article[data-note-id]')?.dataset.noteId;
    if (!button || !target || button.disabled) return;
    const { path = '', hash = '', text = '' } = button.dataset;
    button.disabled = true;
    try {
      const done = await linkMention(path, target, hash, text);
      this.message = `Linked “${text}” in ${done.path} as ${done.link}.`;
      // The server has applied the change: show it now rather than wait for its message.
      if (this.app) await refreshPage(this.app);
    } catch (error) {
      this.message = (error as Error).message;
      button.disabled = false;
    }
  };

  readonly #createForLink = async (target: string): Promise<string> => {
    const from = this.editing;
    if (from === undefined) throw new Error('no note is open in the editor');
    try {
      const path = await createNoteForLink(target, from);
      this.message = `Created ${path}.`;
      await this.refreshIndex();
      return path;
    } catch (error) {
      this.message = `Could not create the note: ${(error as Error).message}`;
      throw error;
    }
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'garden-dev-bar': GardenDevBar;
  }
}
