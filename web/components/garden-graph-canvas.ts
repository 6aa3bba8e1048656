import { LitElement, css, html, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import Sigma from 'sigma';
import type { NoteId } from '../../src/shared/types.ts';
import { createNodeHoverEvent } from '../events/garden-node-hover.ts';
import { createNodeSelectEvent } from '../events/garden-node-select.ts';
import type { EdgeAttributes, GardenGraph, NodeAttributes } from '../lib/build-graph.ts';
import { createHoverDrawer } from '../lib/draw-node-hover.ts';
import { graphPalette } from '../lib/graph-palette.ts';
import { reduceEdge, reduceNode, type GraphView } from '../lib/reduce-graph.ts';
import type { Theme } from '../../src/shared/theme.ts';

/**
 * The WebGL graph drawing, the only owner of a sigma instance. Draws `graph`
 * at its precomputed positions; everything that changes the look (hover,
 * focus, paths, filters, the current note) goes through pure reducers fed by
 * `view`, never through the graph's attributes.
 *
 * @fires garden-node-select - A node was clicked.
 * @fires garden-node-hover - The pointer entered or left a node.
 * @property graph - The graph to draw; not mutated.
 * @property view - Display state from the parent; the canvas adds its own hover focus.
 * @property theme - Colour theme of labels and edges.
 * @property label - Accessible name of the drawing.
 * @csspart stage - The element sigma draws into.
 */
@customElement('garden-graph-canvas')
export class GardenGraphCanvas extends LitElement {
  static override styles = css`
    :host {
      display: block;
      position: relative;
      min-height: 12rem;
    }
    .stage {
      position: absolute;
      inset: 0;
    }
    .stage:focus-visible {
      outline: 2px solid var(--accent);
      outline-offset: -2px;
    }
  `;

  @property({ attribute: false }) graph?: GardenGraph;
  @property({ attribute: false }) view: GraphView = {};
  @property() theme: Theme = 'light';
  @property() label = 'Graph';

  @state() private hovered?: string;

  #sigma?: Sigma<NodeAttributes, EdgeAttributes>;
  #effective: GraphView = {};
  #resize?: ResizeObserver;

  protected override render(): unknown {
    return html`<div class="stage" part="stage" role="img" aria-label=${this.label}></div>`;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.hasUpdated && !this.#sigma) this.#create();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#resize?.disconnect();
    this.#sigma?.kill();
    this.#sigma = undefined;
  }

  protected override updated(changed: PropertyValues): void {
    const sigma = this.#sigma;
    if (!sigma) {
      if (this.graph) this.#create();
      return;
    }
    if (changed.has('theme')) this.#applyTheme(sigma);
    if (changed.has('graph') && this.graph && sigma.getGraph() !== this.graph) {
      sigma.setGraph(this.graph);
      sigma.getCamera().setState({ x: 0.5, y: 0.5, ratio: 1, angle: 0 });
    }
    if (changed.has('view') || changed.has('hovered') || changed.has('graph')) {
      this.#effective = this.#computeView();
      sigma.refresh({ skipIndexation: true });
    }
  }

  /** Where a node is drawn, in CSS pixels from the top-left corner of this element; undefined when not shown. */
  nodePosition(id: string): { x: number; y: number } | undefined {
    const data = this.#sigma?.getNodeDisplayData(id);
    if (!this.#sigma || !data || data.hidden) return undefined;
    return this.#sigma.framedGraphToViewport(data);
  }

  /** Move the camera smoothly to a node, zoomed in. */
  focusNode(id: string): void {
    const data = this.#sigma?.getNodeDisplayData(id);
    if (!data) return;
    void this.#sigma?.getCamera().animate({ x: data.x, y: data.y, ratio: 0.35 }, { duration: 450 });
  }

  /** Show the whole graph again. */
  resetCamera(): void {
    void this.#sigma?.getCamera().animatedReset({ duration: 300 });
  }

  #create(): void {
    const container = this.renderRoot.querySelector<HTMLElement>('.stage');
    if (!container || !this.graph) return;
    this.#effective = this.#computeView();
    const sigma = new Sigma<NodeAttributes, EdgeAttributes>(this.graph, container, {
      allowInvalidContainer: true,
      zIndex: true,
      labelFont: getComputedStyle(this).getPropertyValue('--font-ui') || 'sans-serif',
      labelSize: 12,
      labelWeight: '500',
      labelDensity: 0.6,
      labelGridCellSize: 90,
      labelRenderedSizeThreshold: 7,
      minCameraRatio: 0.05,
      maxCameraRatio: 4,
      stagePadding: 56,
      nodeReducer: (node, data) => reduceNode(node, data, this.#effective, graphPalette(this.theme)),
      edgeReducer: (edge) => {
        const graph = this.#sigma?.getGraph() ?? this.graph;
        if (!graph) return {};
        return reduceEdge(graph.source(edge), graph.target(edge), this.#effective, graphPalette(this.theme));
      },
    });
    this.#sigma = sigma;
    this.#applyTheme(sigma);
    sigma.on('clickNode', ({ node }) => {
      const graph = sigma.getGraph();
      this.dispatchEvent(createNodeSelectEvent({ id: node as NoteId, url: graph.getNodeAttribute(node, 'url') }));
    });
    sigma.on('enterNode', ({ node }) => {
      this.hovered = node;
      container.style.cursor = 'pointer';
      this.dispatchEvent(createNodeHoverEvent({ id: node as NoteId }));
    });
    sigma.on('leaveNode', () => {
      this.hovered = undefined;
      container.style.cursor = '';
      this.dispatchEvent(createNodeHoverEvent({ id: null }));
    });
    this.#resize = new ResizeObserver(() => sigma.resize());
    this.#resize.observe(container);
  }

  #applyTheme(sigma: Sigma<NodeAttributes, EdgeAttributes>): void {
    const palette = graphPalette(this.theme);
    sigma.setSetting('labelColor', { color: palette.label });
    sigma.setSetting('defaultDrawNodeHover', createHoverDrawer(palette));
  }

  #computeView(): GraphView {
    const graph = this.graph;
    const id = this.hovered;
    if (!graph || !id || !graph.hasNode(id)) return this.view;
    return { ...this.view, focus: { id, neighbours: new Set(graph.neighbors(id)) } };
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'garden-graph-canvas': GardenGraphCanvas;
  }
}
