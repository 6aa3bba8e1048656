import { LitElement, css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { createEditorEvent } from './editor-events.ts';

/**
 * The save-conflict panel, shown when unsaved edits overlap a change on disk
 * (other changes merge by themselves): the editor's text and the disk's side
 * by side, with the three ways out. Nothing is written until one is chosen.
 *
 * @fires garden-conflict-resolve - The user chose `mine`, `disk` or `merge`.
 * @property mine - The editor's text.
 * @property disk - The file's text on disk, or null when it was deleted.
 */
@customElement('garden-editor-conflict')
export class GardenEditorConflict extends LitElement {
  static override styles = css`
    :host {
      display: flex;
      flex-direction: column;
      gap: 0.6rem;
      padding: 0.75rem;
      border: 2px solid #d97706;
      border-radius: 8px;
      background: var(--surface, #fff);
      font: 0.875rem/1.4 var(--font-ui, system-ui, sans-serif);
      min-height: 0;
    }
    .versions {
      display: grid;
      grid-template-columns: 1fr 1fr;
      gap: 0.6rem;
      min-height: 0;
    }
    h3 {
      margin: 0 0 0.25rem;
      font-size: 0.8rem;
      text-transform: uppercase;
      letter-spacing: 0.04em;
      color: var(--muted, #555);
    }
    pre {
      margin: 0;
      padding: 0.5rem;
      max-height: 14rem;
      overflow: auto;
      white-space: pre-wrap;
      background: var(--code-bg, #f4f2ed);
      border-radius: 6px;
      font: 0.8rem/1.4 var(--font-mono, monospace);
    }
    .actions {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem;
    }
    button {
      font: inherit;
      padding: 0.3rem 0.7rem;
      border-radius: 6px;
      border: 1px solid var(--border, #ccc);
      background: var(--bg, #fff);
      color: inherit;
      cursor: pointer;
    }
  `;

  @property() mine = '';
  @property({ attribute: false }) disk: string | null = null;

  protected override render(): unknown {
    return html`
      <p role="alert">
        <strong>This note changed on disk, and your edits overlap that change.</strong> Nothing was saved. Choose which version to keep, or merge by hand.
      </p>
      <div class="versions">
        <section aria-label="Your version">
          <h3>Your version</h3>
          <pre class="mine">${this.mine}</pre>
        </section>
        <section aria-label="Version on disk">
          <h3>On disk</h3>
          <pre class="disk">${this.disk ?? '(the file was deleted)'}</pre>
        </section>
      </div>
      <div class="actions">
        <button type="button" data-choice="mine" @click=${() => this.#choose('mine')}>Keep mine (overwrite disk)</button>
        <button type="button" data-choice="disk" @click=${() => this.#choose('disk')}>Use the disk version</button>
        <button type="button" data-choice="merge" @click=${() => this.#choose('merge')}>Merge by hand</button>
      </div>
    `;
  }

  #choose(choice: 'mine' | 'disk' | 'merge'): void {
    this.dispatchEvent(createEditorEvent('garden-conflict-resolve', { choice }));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'garden-editor-conflict': GardenEditorConflict;
  }
}
