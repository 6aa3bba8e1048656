import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { ShownLocalGraph } from '../../src/shared/local-graph.ts';
import type { Theme } from '../../src/shared/theme.ts';
import { withBase } from '../../src/shared/with-base.ts';
import type { GardenNodeHoverEvent } from '../events/garden-node-hover.ts';
import { noTopicColor } from '../lib/build-graph.ts';
import './garden-local-graph-canvas.ts';
import './garden-neighbour-list.ts';
import type { NeighbourItem } from './garden-neighbour-list.ts';

/**
 * The body of the local graph (loaded lazily with sigma): the current note's neighbourhood
 * drawn around it, and the same notes as a keyboard-navigable list.
 *
 * @property data - The note's neighbourhood (its local-graph.json).
 * @property depth - Hops from the current note (1 to 3).
 * @property theme - Colour theme.
 * @property base - Site base path, for links.
 */
@customElement('garden-local-graph-panel')
export class GardenLocalGraphPanel extends LitElement {
  static override styles = css`
    :host {
      display: block;
    }
    garden-local-graph-canvas {
      height: 16rem;
      border: 1px solid var(--border);
      border-radius: 10px;
      background: var(--surface);
    }
    .omitted {
      margin: 0.4rem 0 0;
      font-family: var(--font-ui);
      font-size: 0.75rem;
      color: var(--muted);
    }
    garden-neighbour-list {
      margin-top: 0.75rem;
      max-height: 16rem;
      overflow-y: auto;
    }
  `;

  @property({ attribute: false }) data?: ShownLocalGraph;
  @property({ type: Number }) depth: 1 | 2 | 3 = 1;
  @property() theme: Theme = 'light';
  @property() base = '/';

  @state() private listFocus?: string;

  #items: NeighbourItem[] = [];

  protected override willUpdate(changed: PropertyValues): void {
    if (!changed.has('data') && !changed.has('depth') && !changed.has('base')) return;
    const data = this.data;
    const colors = new Map((data?.topics ?? []).map((t) => [t.id, t.color]));
    this.#items = (data?.nodes ?? [])
      .filter((n) => n.depth > 0 && n.depth <= this.depth)
      .map((n) => ({
        id: n.id,
        title: n.title,
        href: withBase(this.base, n.url),
        color: (n.topic !== undefined ? colors.get(n.topic) : undefined) ?? noTopicColor,
        distance: n.depth,
      }))
      .sort((a, b) => a.distance - b.distance || a.title.localeCompare(b.title));
  }

  protected override render(): unknown {
    const data = this.data;
    if (!data) return nothing;
    const cut = (this.depth >= 2 && data.cut[2]) || (this.depth >= 3 && data.cut[3]);
    // Taller for more neighbours, so each keeps a line for its label.
    const neighbours = data.nodes.filter((n) => n.depth === 1).length;
    return html`<garden-local-graph-canvas
        style="height: ${Math.min(28, Math.max(16, 6 + neighbours))}rem"
        .data=${data}
        .depth=${this.depth}
        .highlight=${this.listFocus}
        .theme=${this.theme}
        label="Graph"
      ></garden-local-graph-canvas>
      ${
        data.omitted > 0
          ? html`<p class="omitted">${data.omitted} less linked ${data.omitted === 1 ? 'neighbour is' : 'neighbours are'} left out.</p>`
          : cut
            ? html`<p class="omitted">Further out, only the most linked notes are shown.</p>`
            : nothing
      }
      <garden-neighbour-list
        .items=${this.#items}
        label="Linked notes"
        empty="No notes link here, and this note links nowhere yet."
        @garden-node-hover=${this.#handleHover}
      ></garden-neighbour-list>`;
  }

  readonly #handleHover = (e: GardenNodeHoverEvent): void => {
    this.listFocus = e.detail.id ?? undefined;
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'garden-local-graph-panel': GardenLocalGraphPanel;
  }
}
