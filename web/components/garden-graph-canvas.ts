import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import Sigma from 'sigma';
import { EdgeLineProgram, NodePointProgram } from 'sigma/rendering';
import type { NoteId } from '../../src/shared/types.ts';
import { createNodeHoverEvent } from '../events/garden-node-hover.ts';
import { createNodeSelectEvent } from '../events/garden-node-select.ts';
import type { EdgeAttributes, GardenGraph, NodeAttributes } from '../lib/build-graph.ts';
import { createHoverDrawer } from '../lib/draw-node-hover.ts';
import { drawGraphLabels } from '../lib/draw-graph-labels.ts';
import { fitRatio } from '../lib/fit-ratio.ts';
import { holdEdgesWhileMoving } from '../lib/hold-edges-while-moving.ts';
import { pickGraphNode } from '../lib/pick-graph-node.ts';
import type { PlacedLabel } from '../lib/place-labels.ts';
import { graphPalette } from '../lib/graph-palette.ts';
import { plainEdge, reduceEdge, reduceNode, viewSinglesOutEdges, type GraphView } from '../lib/reduce-graph.ts';
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
 * @property zoomControls - Show zoom in, zoom out, fit and reset buttons over the drawing.
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
    .zoom {
      position: absolute;
      right: 0.75rem;
      bottom: 0.75rem;
      display: flex;
      gap: 0.25rem;
      font-family: var(--font-ui);
    }
    .zoom button {
      min-width: 2rem;
      height: 2rem;
      padding: 0 0.5rem;
      border: 1px solid var(--border);
      border-radius: 6px;
      background: var(--bg);
      color: var(--text);
      font: inherit;
      font-size: 0.85rem;
      cursor: pointer;
    }
    .zoom button:hover {
      border-color: var(--accent);
    }
    .zoom button:focus-visible {
      outline: 2px solid var(--accent);
      outline-offset: 1px;
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
  @property({ type: Boolean }) zoomControls = false;

  @state() private hovered?: string;

  #sigma?: Sigma<NodeAttributes, EdgeAttributes>;
  #effective: GraphView = {};
  #resize?: ResizeObserver;
  /** Node keys by weight, heaviest first: the order labels are offered in. */
  #labelOrder: string[] = [];
  #labels: PlacedLabel[] = [];

  protected override render(): unknown {
    return html`<div class="stage" part="stage" role="img" aria-label=${this.label}></div>
      ${
        this.zoomControls
          ? html`<div class="zoom" role="toolbar" aria-label="Zoom">
              <button type="button" aria-label="Zoom in" title="Zoom in" @click=${() => this.zoomBy(1.6)}>+</button>
              <button type="button" aria-label="Zoom out" title="Zoom out" @click=${() => this.zoomBy(1 / 1.6)}>−</button>
              <button type="button" aria-label="Fit to the notes shown" title="Fit to the notes shown" @click=${() => this.fit()}>Fit</button>
              <button type="button" aria-label="Reset the view" title="Reset the view" @click=${() => this.resetCamera()}>Reset</button>
            </div>`
          : nothing
      }`;
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
      this.#labelOrder = byWeight(this.graph);
      sigma.setSetting('hideEdgesOnMove', this.graph.size > largeGraphEdges);
      sigma.setSetting('defaultEdgeType', this.graph.size > largeGraphEdges ? 'thin' : 'line');
      sigma.setGraph(this.graph);
      sigma.getCamera().setState({ x: 0.5, y: 0.5, ratio: 1, angle: 0 });
    }
    // On a large graph hovering changes nothing in the drawing but sigma's own hover layer:
    // fading every other node means reprocessing every edge, seconds at 10,000 notes.
    if (changed.has('view') || changed.has('graph') || (changed.has('hovered') && !this.#isLarge())) {
      this.#effective = this.#computeView();
      sigma.refresh({ skipIndexation: true });
    }
  }

  /** Where a node (key or note id) is drawn, in CSS pixels from the top-left corner of this element; undefined when not shown. */
  nodePosition(id: string): { x: number; y: number } | undefined {
    const data = this.#sigma?.getNodeDisplayData(this.#keyOf(id));
    if (!this.#sigma || !data || data.hidden) return undefined;
    return this.#sigma.framedGraphToViewport(data);
  }

  /** The camera: centre in framed graph coordinates (0..1) and zoom ratio (1 shows the whole graph). */
  cameraState(): { x: number; y: number; ratio: number } | undefined {
    const state = this.#sigma?.getCamera().getState();
    return state && { x: state.x, y: state.y, ratio: state.ratio };
  }

  /** How many edges the drawing holds: a large graph's edges arrive just after its nodes are first drawn. */
  drawnEdgeCount(): number {
    return this.#sigma?.getGraph().size ?? 0;
  }

  /** The labels drawn last, boxes in CSS pixels from the top-left corner of this element. */
  drawnLabels(): readonly PlacedLabel[] {
    return this.#labels;
  }

  /** Move the camera smoothly to a node, zoomed in. */
  focusNode(id: string): void {
    const data = this.#sigma?.getNodeDisplayData(this.#keyOf(id));
    if (!data) return;
    void this.#sigma?.getCamera().animate({ x: data.x, y: data.y, ratio: 0.35 }, { duration: 450 });
  }

  /** Show the whole graph again. */
  resetCamera(): void {
    void this.#sigma?.getCamera().animatedReset({ duration: 300 });
  }

  /** Zoom in (factor above 1) or out around the centre. */
  zoomBy(factor: number): void {
    const camera = this.#sigma?.getCamera();
    if (camera) void camera.animate({ ratio: camera.getBoundedRatio(camera.ratio / factor) }, { duration: 250 });
  }

  /** Move the camera so the given nodes (keys; default: every node shown) fill the drawing. */
  fit(keys?: Iterable<string>, duration = 400): void {
    const sigma = this.#sigma;
    if (!sigma) return;
    const box = { minX: Infinity, minY: Infinity, maxX: -Infinity, maxY: -Infinity };
    for (const key of keys ?? sigma.getGraph().nodes()) {
      const d = sigma.getNodeDisplayData(key);
      if (!d || d.hidden) continue;
      box.minX = Math.min(box.minX, d.x);
      box.maxX = Math.max(box.maxX, d.x);
      box.minY = Math.min(box.minY, d.y);
      box.maxY = Math.max(box.maxY, d.y);
    }
    if (box.minX > box.maxX) return;
    const centre = { x: (box.minX + box.maxX) / 2, y: (box.minY + box.maxY) / 2 };
    // The view maps linearly: measure the box's span on screen at ratio 1, then scale.
    const at = { cameraState: { ...centre, ratio: 1, angle: 0 } };
    const a = sigma.framedGraphToViewport({ x: box.minX, y: box.minY }, at);
    const b = sigma.framedGraphToViewport({ x: box.maxX, y: box.maxY }, at);
    const { width, height } = sigma.getDimensions();
    const camera = sigma.getCamera();
    const ratio = camera.getBoundedRatio(fitRatio({ width: Math.abs(b.x - a.x), height: Math.abs(b.y - a.y) }, { width, height }));
    void camera.animate({ ...centre, ratio }, { duration });
  }

  #create(): void {
    const container = this.renderRoot.querySelector<HTMLElement>('.stage');
    if (!container || !this.graph) return;
    this.#effective = this.#computeView();
    // A large graph is drawn in two steps: its nodes at once, its edges (most of the work of the first
    // drawing) from the next task, after the browser has painted the nodes.
    const graph = this.graph;
    const large = this.#isLarge();
    const first = large ? graph.emptyCopy() : graph;
    const sigma = new Sigma<NodeAttributes, EdgeAttributes>(first, container, {
      allowInvalidContainer: true,
      zIndex: true,
      labelFont: getComputedStyle(this).getPropertyValue('--font-ui') || 'sans-serif',
      labelSize: 12,
      labelWeight: '500',
      labelDensity: 0.6,
      labelGridCellSize: 90,
      labelRenderedSizeThreshold: 7,
      // Labels are drawn by drawGraphLabels after each frame (see below).
      renderLabels: false,
      // A large graph drops its edges while the camera moves: drawing tens of thousands of them
      // costs whole frames with software WebGL.
      hideEdgesOnMove: large,
      // One-pixel GL lines instead of triangles per edge: a fraction of the fill work at rest.
      edgeProgramClasses: { thin: EdgeLineProgram },
      // A large graph's nodes as GL points, one vertex each: software WebGL (no GPU) spends most of a
      // frame on the instanced draws of sigma's circle program, and points look the same.
      ...(large ? { nodeProgramClasses: { circle: NodePointProgram } } : {}),
      defaultEdgeType: large ? 'thin' : 'line',
      minCameraRatio: 0.05,
      maxCameraRatio: 4,
      stagePadding: 56,
      nodeReducer: (node, data) => reduceNode(node, data, this.#effective, graphPalette(this.theme)),
      edgeReducer: (edge) => {
        const view = this.#effective;
        const palette = graphPalette(this.theme);
        // Skip looking up the edge's ends when they cannot matter.
        if (!viewSinglesOutEdges(view)) return plainEdge(palette);
        const drawn = this.#sigma?.getGraph() ?? this.graph;
        if (!drawn) return {};
        return reduceEdge(drawn.source(edge), drawn.target(edge), view, palette);
      },
    });
    this.#sigma = sigma;
    this.#labelOrder = byWeight(this.graph);
    // Sigma picks nodes by reading a pixel back from the GPU on every pointer move; find them in JS.
    Object.defineProperty(sigma, 'getNodeAtPosition', { value: (at: { x: number; y: number }) => (isMoving(sigma) ? null : pickGraphNode(sigma, at)) });
    dropPickingPass(sigma);
    holdEdgesWhileMoving(sigma, () => this.#isLarge());
    sigma.on('afterRender', () => {
      const font = { labelSize: sigma.getSetting('labelSize'), labelFont: sigma.getSetting('labelFont'), labelWeight: sigma.getSetting('labelWeight') };
      this.#labels = isMoving(sigma) ? [] : drawGraphLabels(sigma, this.#labelOrder, graphPalette(this.theme), font);
    });
    this.#applyTheme(sigma);
    sigma.on('clickNode', ({ node }) => {
      const graph = sigma.getGraph();
      const a = graph.getNodeAttributes(node);
      // Before graph-notes.json has named it, a node has no URL to go to.
      if (a.url) this.dispatchEvent(createNodeSelectEvent({ id: a.id ?? (node as NoteId), url: a.url }));
    });
    sigma.on('enterNode', ({ node }) => {
      this.hovered = node;
      container.style.cursor = 'pointer';
      this.dispatchEvent(createNodeHoverEvent({ id: sigma.getGraph().getNodeAttribute(node, 'id') ?? (node as NoteId) }));
    });
    sigma.on('leaveNode', () => {
      this.hovered = undefined;
      container.style.cursor = '';
      this.dispatchEvent(createNodeHoverEvent({ id: null }));
    });
    if (large) {
      requestAnimationFrame(() =>
        setTimeout(() => {
          if (this.#sigma === sigma && sigma.getGraph() === first) sigma.setGraph(graph);
        }),
      );
    }
    this.#resize = new ResizeObserver(() => sigma.resize());
    this.#resize.observe(container);
  }

  #applyTheme(sigma: Sigma<NodeAttributes, EdgeAttributes>): void {
    const palette = graphPalette(this.theme);
    sigma.setSetting('labelColor', { color: palette.label });
    sigma.setSetting('defaultDrawNodeHover', createHoverDrawer(palette));
  }

  #isLarge(): boolean {
    return (this.graph?.size ?? 0) > largeGraphEdges;
  }

  /** A node key from a node key or a note id (graphs from graph-layout.json key nodes by index). */
  #keyOf(id: string): string {
    const graph = this.#sigma?.getGraph();
    if (!graph || graph.hasNode(id)) return id;
    return graph.findNode((_, a) => a.id === id) ?? id;
  }

  #computeView(): GraphView {
    const graph = this.graph;
    const id = this.hovered;
    if (!graph || !id || !graph.hasNode(id) || this.#isLarge()) return this.view;
    return { ...this.view, focus: { id, neighbours: new Set(graph.neighbors(id)) } };
  }
}

/** Edges beyond which the drawing drops them while the camera moves. */
const largeGraphEdges = 5000;

function byWeight(graph: GardenGraph): string[] {
  return graph.nodes().sort((a, b) => graph.getNodeAttribute(b, 'weight') - graph.getNodeAttribute(a, 'weight'));
}

/**
 * With picking done in JS, sigma's second drawing of every node into its picking buffer, each
 * frame, is wasted work; the programs are private, so this reaches in (sigma 3.0.3).
 */
function dropPickingPass(sigma: Sigma<NodeAttributes, EdgeAttributes>): void {
  const programs: unknown = Reflect.get(sigma, 'nodePrograms');
  if (typeof programs !== 'object' || programs === null) return;
  for (const program of Object.values(programs)) if (program && typeof program === 'object' && 'pickProgram' in program) program.pickProgram = null;
}

function isMoving(sigma: Sigma<NodeAttributes, EdgeAttributes>): boolean {
  const captor = sigma.getMouseCaptor();
  return sigma.getCamera().isAnimated() || captor.isMoving || captor.draggedEvents > 0 || captor.currentWheelDirection !== 0;
}

declare global {
  interface HTMLElementTagNameMap {
    'garden-graph-canvas': GardenGraphCanvas;
  }
}
