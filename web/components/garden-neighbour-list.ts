import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { styleMap } from 'lit/directives/style-map.js';
import type { NoteId } from '../../src/shared/types.ts';
import { createNodeHoverEvent } from '../events/garden-node-hover.ts';
import { moveActive } from '../lib/move-active.ts';
import { visuallyHiddenStyles } from './visually-hidden.styles.ts';

/** One note in a neighbour list. */
export interface NeighbourItem {
  id: NoteId;
  title: string;
  /** Page URL with the base path. */
  href: string;
  color: string;
  /** Hops from the note in focus, shown as a group label. */
  distance?: number;
  current?: boolean;
}

/**
 * The keyboard-reachable twin of a graph drawing: the same notes as links,
 * with their topic colour. Arrow keys move between links; focusing or
 * hovering an item highlights it in the drawing.
 *
 * @fires garden-node-hover - An item got or lost focus or the pointer.
 * @property items - Notes to list, in order.
 * @property label - Accessible name of the list.
 * @property empty - Text shown when there are no items.
 */
@customElement('garden-neighbour-list')
export class GardenNeighbourList extends LitElement {
  static override styles = [
    visuallyHiddenStyles,
    css`
      :host {
        display: block;
        font-family: var(--font-ui);
        font-size: 0.875rem;
      }
      ul {
        list-style: none;
        margin: 0;
        padding: 0;
      }
      li + li {
        margin-top: 0.1rem;
      }
      a {
        display: flex;
        align-items: center;
        gap: 0.55rem;
        padding: 0.3rem 0.5rem;
        border-radius: 6px;
        color: var(--text);
        text-decoration: none;
        line-height: 1.35;
      }
      a:hover,
      a:focus-visible {
        background: var(--hover);
        outline: none;
      }
      a:focus-visible {
        box-shadow: inset 0 0 0 2px var(--accent);
      }
      a[aria-current='page'] {
        font-weight: 600;
      }
      .dot {
        flex: none;
        width: 0.6rem;
        height: 0.6rem;
        border-radius: 50%;
      }
      .hops {
        margin-left: auto;
        color: var(--muted);
        font-size: 0.75rem;
        font-variant-numeric: tabular-nums;
      }
      p {
        margin: 0.3rem 0.5rem;
        color: var(--muted);
      }
    `,
  ];

  @property({ attribute: false }) items: NeighbourItem[] = [];
  @property() label = 'Neighbours';
  @property() empty = 'No linked notes.';

  protected override render(): unknown {
    if (this.items.length === 0) return html`<p>${this.empty}</p>`;
    return html`<ul aria-label=${this.label} @keydown=${this.#handleKeydown}>
      ${this.items.map(
        (item) =>
          html`<li>
            <a
              href=${item.href}
              aria-current=${item.current ? 'page' : nothing}
              @focus=${() => this.#hover(item.id)}
              @blur=${() => this.#hover(null)}
              @pointerenter=${() => this.#hover(item.id)}
              @pointerleave=${() => this.#hover(null)}
              ><span class="dot" style=${styleMap({ background: item.color })} aria-hidden="true"></span><span class="title">${item.title}</span>${
                item.distance !== undefined && item.distance > 1
                  ? html`<span class="hops"><span class="visually-hidden">, </span>${item.distance}<span class="visually-hidden"> links away</span></span>`
                  : nothing
              }</a
            >
          </li>`,
      )}
    </ul>`;
  }

  #hover(id: NoteId | null): void {
    this.dispatchEvent(createNodeHoverEvent({ id }));
  }

  readonly #handleKeydown = (e: KeyboardEvent): void => {
    if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp' && e.key !== 'Home' && e.key !== 'End') return;
    const links = [...this.renderRoot.querySelectorAll<HTMLAnchorElement>('a')];
    const at = links.indexOf(this.renderRoot.querySelector<HTMLAnchorElement>('a:focus') ?? links[0]!);
    const next = links[moveActive(at, links.length, e.key)];
    if (!next) return;
    e.preventDefault();
    next.focus();
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'garden-neighbour-list': GardenNeighbourList;
  }
}
