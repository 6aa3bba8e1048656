import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { unsafeHTML } from 'lit/directives/unsafe-html.js';
import type { NoteData } from '../../src/shared/types.ts';
import { enhanceArticle } from '../enhance/enhance-article.ts';
import { anchorId } from '../lib/anchor-id.ts';
import { dropTitleHeading } from '../../src/shared/templates/drop-title-heading.ts';
import { placePopover, type Box } from '../lib/place-popover.ts';
import { withBase } from '../../src/shared/with-base.ts';

/**
 * A hover preview of a note, placed beside the link that opened it and
 * scrolled to the heading or block the link points at. Renders in light DOM
 * so the note body gets the page's typography.
 *
 * @property note - The note to show (its sanitised body HTML is rendered as is).
 * @property hash - Fragment of the link (`#heading`), scrolled into view.
 * @property anchorBox - Where the link is on screen, in viewport pixels.
 * @property level - Nesting level: 1, or 2 for a preview opened from a preview.
 * @property base - Site base path, for the link to the full note.
 * @property mathCss - URL of the KaTeX stylesheet, added when the note has math.
 */
@customElement('garden-preview')
export class GardenPreview extends LitElement {
  @property({ attribute: false }) note?: NoteData;
  @property() hash = '';
  @property({ attribute: false }) anchorBox?: Box;
  @property({ type: Number, reflect: true }) level = 1;
  @property() base = '/';
  @property({ attribute: false }) mathCss?: string;

  protected override createRenderRoot(): HTMLElement {
    return this;
  }

  protected override render(): unknown {
    const note = this.note;
    if (!note) return nothing;
    return html`<aside class="preview-card" aria-label=${`Preview: ${note.title}`}>
      <header class="preview-header">
        <a class="preview-open" href=${withBase(this.base, note.url) + this.hash}>${note.title}</a>
      </header>
      <div class="preview-body"><div class="note-body">${unsafeHTML(dropTitleHeading(note.html, note.title))}</div></div>
    </aside>`;
  }

  protected override updated(changed: PropertyValues<this>): void {
    const body = this.querySelector<HTMLElement>('.preview-body');
    if (!body) return;
    if (changed.has('note')) enhanceArticle(body, { mathCss: this.mathCss });
    if (changed.has('note') || changed.has('hash')) {
      const id = anchorId(this.hash);
      const target = id ? body.querySelector<HTMLElement>(`[id="${CSS.escape(id)}"]`) : null;
      body.scrollTop = 0;
      if (target) body.scrollTop = target.getBoundingClientRect().top - body.getBoundingClientRect().top - 8;
      target?.classList.add('is-target');
    }
    if (this.anchorBox) {
      const card = this.querySelector<HTMLElement>('.preview-card');
      if (!card) return;
      const size = card.getBoundingClientRect();
      const at = placePopover(this.anchorBox, size, { width: window.innerWidth, height: window.innerHeight });
      card.style.left = `${at.left}px`;
      card.style.top = `${at.top}px`;
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'garden-preview': GardenPreview;
  }
}
