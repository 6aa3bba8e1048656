import { LitElement, css, html, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { GraphJson, NoteId } from '../../src/shared/types.ts';
import type { GardenNodeHoverEvent } from '../events/garden-node-hover.ts';
import { buildGraph, type GardenGraph } from '../lib/build-graph.ts';
import { computeNeighbourhood } from '../lib/compute-neighbourhood.ts';
import { extractSubgraph } from '../lib/extract-subgraph.ts';
import type { GraphView } from '../lib/reduce-graph.ts';
import type { Theme } from '../../src/shared/theme.ts';
import { withBase } from '../../src/shared/with-base.ts';
import './garden-graph-canvas.ts';
import './garden-neighbour-list.ts';
import type { NeighbourItem } from './garden-neighbour-list.ts';

/**
 * The body of the local graph (loaded lazily with sigma): the neighbourhood
 * of the current note drawn with the note marked, and the same notes as a
 * keyboard-navigable list.
 *
 * @property json - graph.json.
 * @property noteId - The current note.
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
    garden-graph-canvas {
      height: 15rem;
      border: 1px solid var(--border);
      border-radius: 10px;
      background: var(--surface);
    }
    .empty {
      font-family: var(--font-ui);
      font-size: 0.85rem;
      color: var(--muted);
    }
    garden-neighbour-list {
      margin-top: 0.75rem;
      max-height: 16rem;
      overflow-y: auto;
    }
  `;

  @property({ attribute: false }) json?: GraphJson;
  @property({ attribute: false }) noteId?: NoteId;
  @property({ type: Number }) depth = 1;
  @property() theme: Theme = 'light';
  @property() base = '/';

  @state() private listFocus?: string;

  #graph?: GardenGraph;
  #sub?: GardenGraph;
  #items: NeighbourItem[] = [];

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('json') && this.json) this.#graph = buildGraph(this.json);
    if (!this.#graph || !this.noteId) return;
    if (changed.has('json') || changed.has('noteId') || changed.has('depth')) {
      const distances = computeNeighbourhood(this.#graph, this.noteId, this.depth);
      this.#sub = extractSubgraph(this.#graph, distances.keys());
      const graph = this.#graph;
      this.#items = [...distances]
        .filter(([, d]) => d > 0)
        .map(([id, distance]) => {
          const a = graph.getNodeAttributes(id);
          return { id: id as NoteId, title: a.label, href: withBase(this.base, a.url), color: a.color, distance };
        })
        .sort((a, b) => a.distance - b.distance || a.title.localeCompare(b.title));
    }
  }

  protected override render(): unknown {
    const sub = this.#sub;
    const view: GraphView = { current: this.noteId };
    const focus = this.listFocus;
    if (sub && focus && sub.hasNode(focus)) view.focus = { id: focus, neighbours: new Set(sub.neighbors(focus)) };
    if (!sub || sub.order === 0) return html`<p class="empty">This note is not in the graph.</p>`;
    return html`<garden-graph-canvas
        .graph=${sub}
        .view=${view}
        .theme=${this.theme}
        label="Graph"
        @garden-node-hover=${this.#handleHover}
      ></garden-graph-canvas>
      <garden-neighbour-list
        .items=${this.#items}
        label="Linked notes"
        empty="No notes link here, and this note links nowhere yet."
        @garden-node-hover=${this.#handleHover}
      ></garden-neighbour-list>`;
  }

  readonly #handleHover = (e: GardenNodeHoverEvent): void => {
    if (e.target instanceof HTMLElement && e.target.localName === 'garden-neighbour-list') this.listFocus = e.detail.id ?? undefined;
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'garden-local-graph-panel': GardenLocalGraphPanel;
  }
}
