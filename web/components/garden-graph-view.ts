import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import { customElement, query, state } from 'lit/decorators.js';
import type { GraphJson, NoteId } from '../../src/shared/types.ts';
import type { GardenGraphChangeEvent } from '../events/garden-graph-change.ts';
import type { GardenNodeHoverEvent } from '../events/garden-node-hover.ts';
import { buildGraph, type GardenGraph } from '../lib/build-graph.ts';
import { findPath } from '../lib/find-path.ts';
import { isFilterActive, matchesFilter, type GraphFilter } from '../lib/graph-filter.ts';
import { listGraphFacets, type GraphFacets } from '../lib/list-graph-facets.ts';
import { listNoteChoices, type NoteChoice } from '../lib/list-note-choices.ts';
import { pathEdgeKey, type GraphView } from '../lib/reduce-graph.ts';
import { withBase } from '../../src/shared/with-base.ts';
import { StoreController } from '../store/store-controller.ts';
import type { GardenGraphCanvas } from './garden-graph-canvas.ts';
import './garden-graph-canvas.ts';
import './garden-graph-controls.ts';
import './garden-graph-legend.ts';
import './garden-neighbour-list.ts';
import type { NeighbourItem } from './garden-neighbour-list.ts';

/** How many central notes the side list shows when nothing is selected. */
const hubCount = 12;

/**
 * The full-screen global graph page: every note at its precomputed position,
 * coloured by topic with a legend, with find, path and filters on one side
 * and a keyboard-navigable list of the notes in focus on the other.
 * Replaces its light-DOM fallback (topic hubs as plain links) once loaded.
 */
@customElement('garden-graph-view')
export class GardenGraphView extends LitElement {
  static override styles = css`
    :host {
      display: grid;
      grid-template-columns: 17rem minmax(0, 1fr) 16rem;
      height: calc(100dvh - var(--header-height));
      font-family: var(--font-ui);
    }
    .panel {
      padding: 1.25rem;
      overflow-y: auto;
      border-right: 1px solid var(--border);
      background: var(--bg);
    }
    .side {
      padding: 1.25rem 0.75rem;
      overflow-y: auto;
      border-left: 1px solid var(--border);
      background: var(--bg);
    }
    h1 {
      margin: 0 0 0.2rem;
      font-size: 1.35rem;
    }
    h2 {
      margin: 0 0.5rem 0.6rem;
      font-size: 0.95rem;
    }
    .summary {
      margin: 0 0 1.25rem;
      color: var(--muted);
      font-size: 0.85rem;
    }
    garden-graph-canvas {
      height: 100%;
      background: var(--surface);
    }
    p.error {
      padding: 2rem;
      color: var(--muted);
    }
    @media (max-width: 1000px) {
      :host {
        grid-template-columns: 1fr;
        grid-template-rows: 65vh auto auto;
        height: auto;
      }
      garden-graph-canvas {
        order: -1;
        border-bottom: 1px solid var(--border);
      }
      .panel,
      .side {
        border: 0;
      }
    }
  `;

  readonly #store = new StoreController(this);
  @state() private json?: GraphJson;
  @state() private failed = false;
  @state() private filter: GraphFilter = {};
  @state() private found?: NoteId;
  @state() private path?: string[];
  @state() private pathStatus = '';
  /** Note under the pointer in the drawing: the side list shows its neighbours. */
  @state() private pointed?: string;
  /** Note focused or hovered in the side list: highlighted in the drawing. */
  @state() private listFocus?: string;
  @query('garden-graph-canvas') private canvas?: GardenGraphCanvas;

  #graph?: GardenGraph;
  #facets: GraphFacets = { tags: [], folders: [] };
  #choices: NoteChoice[] = [];
  #visible?: Set<string>;
  /** The most central notes that pass the filter, best first. */
  #hubs: string[] = [];

  protected override willUpdate(changed: PropertyValues): void {
    const store = this.#store.value;
    if (store && !this.json && !this.failed) {
      store.loadGraph().then(
        (json) => (this.json = json),
        () => (this.failed = true),
      );
    }
    if (changed.has('json') && this.json) {
      this.#graph = buildGraph(this.json);
      this.#facets = listGraphFacets(this.json);
      this.#choices = listNoteChoices(this.json.notes);
    }
    if ((changed.has('filter') || changed.has('json')) && this.#graph) {
      const graph = this.#graph;
      this.#visible = isFilterActive(this.filter) ? new Set(graph.filterNodes((_, a) => matchesFilter(a, this.filter))) : undefined;
      const visible = this.#visible;
      this.#hubs = graph
        .filterNodes((id) => !visible || visible.has(id))
        .sort((a, b) => graph.getNodeAttribute(b, 'weight') - graph.getNodeAttribute(a, 'weight'))
        .slice(0, hubCount);
    }
  }

  protected override render(): unknown {
    const store = this.#store.value;
    if (this.failed) return html`<p class="error">The graph could not be loaded.</p>`;
    if (!this.json || !this.#graph || !store) return nothing;
    const json = this.json;
    return html`<div class="panel">
        <h1>Graph</h1>
        <p class="summary">${json.notes.length} notes · ${json.links.length} links</p>
        <garden-graph-controls
          .choices=${this.#choices}
          .facets=${this.#facets}
          .topics=${json.topics ?? []}
          .filter=${this.filter}
          .pathStatus=${this.pathStatus}
          @garden-graph-change=${this.#handleChange}
        ></garden-graph-controls>
        <garden-graph-legend .topics=${json.topics ?? []} .filter=${this.filter} @garden-graph-change=${this.#handleChange}></garden-graph-legend>
      </div>
      <garden-graph-canvas
        .graph=${this.#graph}
        .view=${this.#view()}
        .theme=${store.state.theme}
        label="Graph"
        @garden-node-hover=${this.#handleCanvasHover}
      ></garden-graph-canvas>
      <div class="side">${this.#renderSide()}</div>`;
  }

  #renderSide(): unknown {
    const graph = this.#graph!;
    const base = this.#store.value?.state.basePath ?? '/';
    const item = (id: string, distance?: number): NeighbourItem => {
      const a = graph.getNodeAttributes(id);
      return { id: id as NoteId, title: a.label, href: withBase(base, a.url), color: a.color, distance, current: id === this.found };
    };
    let title = 'Central notes';
    let items: NeighbourItem[];
    const centre = this.found ?? this.pointed;
    if (this.path) {
      title = 'Path';
      items = this.path.map((id) => item(id));
    } else if (centre && graph.hasNode(centre)) {
      title = graph.getNodeAttribute(centre, 'label');
      items = [item(centre), ...graph.neighbors(centre).map((id) => item(id))];
    } else {
      items = this.#hubs.map((id) => item(id));
    }
    return html`<h2 id="side-title">${title}</h2>
      <garden-neighbour-list .items=${items} label=${title} @garden-node-hover=${this.#handleListHover}></garden-neighbour-list>`;
  }

  #view(): GraphView {
    const graph = this.#graph!;
    const view: GraphView = { current: this.found, visible: this.#visible };
    if (this.path) {
      const edges = new Set(this.path.slice(1).map((id, i) => pathEdgeKey(this.path![i]!, id)));
      view.path = { nodes: new Set(this.path), edges };
    } else {
      const centre = this.listFocus ?? this.found;
      if (centre && graph.hasNode(centre)) view.focus = { id: centre, neighbours: new Set(graph.neighbors(centre)) };
    }
    return view;
  }

  readonly #handleChange = (e: GardenGraphChangeEvent): void => {
    const detail = e.detail;
    switch (detail.kind) {
      case 'filter':
        this.filter = detail.filter;
        return;
      case 'find':
        this.found = detail.id ?? undefined;
        if (detail.id) this.updateComplete.then(() => this.canvas?.focusNode(detail.id!));
        return;
      case 'path': {
        if (!detail.from || !detail.to) {
          this.path = undefined;
          this.pathStatus = detail.from || detail.to ? 'Pick two notes from the suggestions.' : '';
          return;
        }
        this.path = findPath(this.#graph!, detail.from, detail.to);
        this.pathStatus = this.path ? `${this.path.length - 1} ${this.path.length === 2 ? 'link' : 'links'} apart` : 'These notes are not connected.';
        if (!this.path) return;
        this.canvas?.resetCamera();
        return;
      }
    }
  };

  readonly #handleCanvasHover = (e: GardenNodeHoverEvent): void => {
    // Sticky: the list keeps the last pointed note, so the pointer can travel to it.
    if (e.detail.id) this.pointed = e.detail.id;
  };

  readonly #handleListHover = (e: GardenNodeHoverEvent): void => {
    this.listFocus = e.detail.id ?? undefined;
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'garden-graph-view': GardenGraphView;
  }
}
