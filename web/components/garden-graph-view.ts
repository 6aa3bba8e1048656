import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import { customElement, query, state } from 'lit/decorators.js';
import type { GraphLayoutFile, GraphNotesFile } from '../../src/shared/graph-layout.ts';
import type { NoteId, NotePath } from '../../src/shared/types.ts';
import type { GardenGraphChangeEvent } from '../events/garden-graph-change.ts';
import type { GardenNodeHoverEvent } from '../events/garden-node-hover.ts';
import { applyGraphNotes } from '../lib/apply-graph-notes.ts';
import type { GardenGraph } from '../lib/build-graph.ts';
import { buildLayoutGraph } from '../lib/build-layout-graph.ts';
import { findPath } from '../lib/find-path.ts';
import { isFilterActive, matchesFilter, type GraphFilter } from '../lib/graph-filter.ts';
import type { GraphFacets } from '../lib/list-graph-facets.ts';
import { listLayoutFacets } from '../lib/list-layout-facets.ts';
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
 * Draws as soon as graph-layout.json has arrived; graph-notes.json, loaded in
 * parallel, then names the nodes (node keys are indexes into both files).
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
  @state() private layout?: GraphLayoutFile;
  @state() private notes?: GraphNotesFile;
  @state() private failed = false;
  @state() private filter: GraphFilter = {};
  /** Node key of the note looked up with "Find a note". */
  @state() private found?: string;
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
  /** Node key of each note id, once the notes have arrived. */
  #keys = new Map<NoteId, string>();
  #loading = false;
  #viewCache?: { inputs: unknown[]; view: GraphView };
  /** The most central notes that pass the filter, best first. */
  #hubs: string[] = [];

  protected override willUpdate(changed: PropertyValues): void {
    const store = this.#store.value;
    if (store && !this.#loading) {
      this.#loading = true;
      const base = store.state.basePath;
      // Both at once: the drawing needs only the layout, the names come when they come.
      fetchJson<GraphLayoutFile>(base + 'graph-layout.json').then(
        (layout) => (this.layout = layout),
        () => (this.failed = true),
      );
      fetchJson<GraphNotesFile>(base + 'graph-notes.json').then(
        (notes) => (this.notes = notes),
        () => (this.failed = true),
      );
    }
    if (changed.has('layout') && this.layout) this.#graph = buildLayoutGraph(this.layout);
    if ((changed.has('layout') || changed.has('notes')) && this.#graph && this.notes && this.#keys.size === 0) {
      const notes = this.notes;
      applyGraphNotes(this.#graph, notes);
      this.#keys = new Map(notes.ids.map((id, i) => [id, String(i)]));
      this.#facets = listLayoutFacets(notes);
      const graph = this.#graph;
      this.#choices = listNoteChoices(notes.ids.map((id, i) => ({ id, title: graph.getNodeAttribute(String(i), 'label'), path: `${id}.md` as NotePath })));
    }
    if ((changed.has('filter') || changed.has('layout')) && this.#graph) {
      const graph = this.#graph;
      this.#visible = isFilterActive(this.filter) ? new Set(graph.filterNodes((_, a) => matchesFilter(a, this.filter))) : undefined;
      const visible = this.#visible;
      this.#hubs = graph
        .filterNodes((id) => !visible || visible.has(id))
        .sort((a, b) => graph.getNodeAttribute(b, 'weight') - graph.getNodeAttribute(a, 'weight'))
        .slice(0, hubCount);
      // After a filter, the camera refits to what is left (once the canvas has drawn it).
      if (changed.has('filter')) void this.updateComplete.then(() => this.canvas?.fit(visible));
    }
  }

  protected override render(): unknown {
    const store = this.#store.value;
    if (this.failed) return html`<p class="error">The graph could not be loaded.</p>`;
    if (!this.layout || !this.#graph || !store) return nothing;
    const layout = this.layout;
    return html`<div class="panel">
        <h1>Graph</h1>
        <p class="summary">${layout.nodes} notes · ${layout.edges} links</p>
        <garden-graph-controls
          .choices=${this.#choices}
          .facets=${this.#facets}
          .topics=${layout.topics}
          .filter=${this.filter}
          .pathStatus=${this.pathStatus}
          @garden-graph-change=${this.#handleChange}
        ></garden-graph-controls>
        <garden-graph-legend .topics=${layout.topics} .filter=${this.filter} @garden-graph-change=${this.#handleChange}></garden-graph-legend>
      </div>
      <garden-graph-canvas
        .graph=${this.#graph}
        .view=${this.#view()}
        .theme=${store.state.theme}
        label="Graph"
        zoomControls
        @garden-node-hover=${this.#handleCanvasHover}
      ></garden-graph-canvas>
      <div class="side">${this.#renderSide()}</div>`;
  }

  #renderSide(): unknown {
    const graph = this.#graph!;
    const base = this.#store.value?.state.basePath ?? '/';
    const item = (id: string, distance?: number): NeighbourItem => {
      const a = graph.getNodeAttributes(id);
      return { id: a.id ?? (id as NoteId), title: a.label, href: withBase(base, a.url), color: a.color, distance, current: id === this.found };
    };
    let title = 'Central notes';
    let items: NeighbourItem[];
    const centre = this.found ?? this.pointed;
    if (!this.notes) {
      items = [];
    } else if (this.path) {
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

  /** The view for the canvas, the same object while its inputs are the same: a new one makes sigma reprocess every edge. */
  #view(): GraphView {
    const inputs = [this.found, this.path, this.listFocus, this.#visible, this.#graph];
    if (this.#viewCache && inputs.every((v, i) => v === this.#viewCache!.inputs[i])) return this.#viewCache.view;
    const view = this.#computeView();
    this.#viewCache = { inputs, view };
    return view;
  }

  #computeView(): GraphView {
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
      case 'find': {
        const key = detail.id ? this.#keys.get(detail.id) : undefined;
        this.found = key;
        // The camera refits to the note found and its neighbours.
        if (key) void this.updateComplete.then(() => this.canvas?.fit([key, ...this.#graph!.neighbors(key)]));
        return;
      }
      case 'path': {
        if (!detail.from || !detail.to) {
          this.path = undefined;
          this.pathStatus = detail.from || detail.to ? 'Pick two notes from the suggestions.' : '';
          return;
        }
        const [from, to] = [this.#keys.get(detail.from), this.#keys.get(detail.to)];
        this.path = from && to ? findPath(this.#graph!, from, to) : undefined;
        this.pathStatus = this.path ? `${this.path.length - 1} ${this.path.length === 2 ? 'link' : 'links'} apart` : 'These notes are not connected.';
        const path = this.path;
        if (path) void this.updateComplete.then(() => this.canvas?.fit(path));
        return;
      }
    }
  };

  readonly #handleCanvasHover = (e: GardenNodeHoverEvent): void => {
    // Sticky: the list keeps the last pointed note, so the pointer can travel to it.
    if (e.detail.id) this.pointed = this.#keys.get(e.detail.id) ?? e.detail.id;
  };

  readonly #handleListHover = (e: GardenNodeHoverEvent): void => {
    this.listFocus = e.detail.id ? this.#keys.get(e.detail.id) : undefined;
  };
}

async function fetchJson<T>(url: string): Promise<T> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`Graph: ${url} answered ${response.status}; was the site built by this version?`);
  return (await response.json()) as T;
}

declare global {
  interface HTMLElementTagNameMap {
    'garden-graph-view': GardenGraphView;
  }
}
