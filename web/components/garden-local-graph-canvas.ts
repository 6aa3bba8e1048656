import { DirectedGraph } from 'graphology';
import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import Sigma from 'sigma';
import { localGraphFullSizeLinks, type ShownLocalGraph } from '../../src/shared/local-graph.ts';
import type { Theme } from '../../src/shared/theme.ts';
import type { NoteId, Slug } from '../../src/shared/types.ts';
import { createNodeHoverEvent } from '../events/garden-node-hover.ts';
import { createNodeSelectEvent } from '../events/garden-node-select.ts';
import { noTopicColor } from '../lib/build-graph.ts';
import { createHoverDrawer } from '../lib/draw-node-hover.ts';
import { graphPalette } from '../lib/graph-palette.ts';
import { layoutLocalGraph, type LocalGraphFrame } from '../lib/local-graph-layout.ts';
import { placeLocalGraphLabels, type LabelRequest, type PlacedLabel } from '../lib/place-local-graph-labels.ts';
import { reduceEdge, reduceNode, type GraphView } from '../lib/reduce-graph.ts';

interface Attributes {
  x: number;
  y: number;
  size: number;
  color: string;
  label: string;
  url: Slug;
  depth: number;
}

const labelFontSize = 12;
/** The widest a label may be, as a share of the panel's width. */
const maxLabelShare = 0.6;
const lineHeight = 16;

/**
 * The local graph's drawing, owner of its own sigma instance: the neighbourhood laid out on its
 * own (layoutLocalGraph) with the note at the centre of the panel and the rest fitted to it, no
 * zoom or pan. Labels are HTML boxes placed without overlaps inside the panel
 * (placeLocalGraphLabels): the note and every depth-1 neighbour first, further notes where room is left.
 *
 * @fires garden-node-select - A node was clicked.
 * @fires garden-node-hover - The pointer entered or left a node.
 * @property data - The note's neighbourhood (its local-graph.json).
 * @property depth - How many links out to draw (1 to 3).
 * @property highlight - A note to highlight with its neighbours (from the list beside the drawing).
 * @property theme - Colour theme.
 * @property label - Accessible name of the drawing.
 * @csspart stage - The element sigma draws into.
 */
@customElement('garden-local-graph-canvas')
export class GardenLocalGraphCanvas extends LitElement {
  static override styles = css`
    :host {
      display: block;
      position: relative;
      min-height: 12rem;
      overflow: hidden;
    }
    .stage,
    .labels {
      position: absolute;
      inset: 0;
    }
    .labels {
      pointer-events: none;
      font: 500 ${labelFontSize}px / ${lineHeight}px var(--font-ui, sans-serif);
      color: var(--text);
    }
    .labels span {
      position: absolute;
      /* A halo in the panel's colour keeps a label legible where it crosses an edge. */
      text-shadow:
        0 0 2px var(--surface, Canvas),
        0 0 2px var(--surface, Canvas),
        0 0 3px var(--surface, Canvas);
      white-space: nowrap;
      overflow: hidden;
      border-radius: 4px;
      transition: opacity 0.15s;
    }
    .labels .current {
      font-weight: 700;
    }
    .labels .far {
      color: var(--muted);
    }
    .labels .faded {
      opacity: 0.2;
    }
    .labels .hover {
      background: var(--surface, Canvas);
      box-shadow: 0 0 0 1px var(--border);
      padding: 0 3px;
      margin-left: -3px;
    }
  `;

  @property({ attribute: false }) data?: ShownLocalGraph;
  @property({ type: Number }) depth: 1 | 2 | 3 = 1;
  @property({ attribute: false }) highlight?: string;
  @property() theme: Theme = 'light';
  @property() label = 'Graph';

  @state() private hovered?: string;
  @state() private labels: PlacedLabel[] = [];
  @state() private size = { width: 0, height: 0 };

  #sigma?: Sigma<Attributes>;
  #graph = new DirectedGraph<Attributes>();
  #view: GraphView = {};
  #resize?: ResizeObserver;

  protected override render(): unknown {
    const emphasised = this.#view.focus ? new Set([this.#view.focus.id, ...this.#view.focus.neighbours]) : undefined;
    // The node under the pointer shows its full title, over the others, when its own label is cut or missing.
    const own = this.labels.find((l) => l.id === this.hovered);
    const hovered = this.hovered && own?.text !== this.#graph.getNodeAttribute(this.hovered, 'label') ? this.#placeOne(this.hovered) : undefined;
    return html`<div class="stage" part="stage" role="img" aria-label=${this.label}></div>
      <div class="labels" aria-hidden="true">
        ${this.labels.map((l) => this.#renderLabel(l, emphasised))} ${hovered ? this.#renderLabel(hovered, undefined, 'hover') : nothing}
      </div>`;
  }

  #renderLabel(l: PlacedLabel, emphasised: ReadonlySet<string> | undefined, extra = ''): unknown {
    const depth = this.#graph.hasNode(l.id) ? this.#graph.getNodeAttribute(l.id, 'depth') : 0;
    const classes = [depth === 0 ? 'current' : depth > 1 ? 'far' : '', emphasised && !emphasised.has(l.id) ? 'faded' : '', extra].join(' ');
    return html`<span class=${classes} data-id=${l.id} style="left:${l.left}px;top:${l.top}px;width:${l.width}px;height:${l.height}px">${l.text}</span>`;
  }

  protected override firstUpdated(): void {
    const stage = this.renderRoot.querySelector<HTMLElement>('.stage')!;
    this.#resize = new ResizeObserver(() => {
      const width = Math.round(stage.clientWidth);
      const height = Math.round(stage.clientHeight);
      if (width !== this.size.width || height !== this.size.height) this.size = { width, height };
    });
    this.#resize.observe(stage);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#resize?.disconnect();
    this.#resize = undefined;
    this.#sigma?.kill();
    this.#sigma = undefined;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // Put back after a move in the DOM: firstUpdated does not run again.
    if (this.hasUpdated && !this.#resize) this.firstUpdated();
  }

  protected override willUpdate(changed: PropertyValues): void {
    if (changed.has('hovered') || changed.has('highlight') || changed.has('data') || changed.has('depth')) {
      const id = this.hovered ?? this.highlight;
      const current = this.data?.nodes[0]?.id;
      this.#view = { ...(current ? { current } : {}) };
      if (id && this.#graph.hasNode(id)) this.#view.focus = { id, neighbours: new Set(this.#graph.neighbors(id)) };
    }
  }

  protected override updated(changed: PropertyValues): void {
    if (changed.has('data') || changed.has('depth') || changed.has('size')) this.#draw();
    else if (changed.has('theme') || changed.has('hovered') || changed.has('highlight')) {
      if (this.#sigma && changed.has('theme')) this.#applyTheme(this.#sigma);
      this.#sigma?.refresh({ skipIndexation: true });
    }
  }

  /** Where a node is drawn, in CSS pixels from the top-left corner of this element; undefined when not drawn. */
  nodePosition(id: string): { x: number; y: number } | undefined {
    const data = this.#sigma?.getNodeDisplayData(id);
    if (!this.#sigma || !data || data.hidden) return undefined;
    return this.#sigma.framedGraphToViewport(data);
  }

  #draw(): void {
    const { width, height } = this.size;
    const data = this.data;
    if (!data || width === 0 || height === 0) return;
    const font = labelFont(this);
    const variants = data.nodes.filter((n) => n.depth === 1).map((n) => textVariants(n.title, width * maxLabelShare, font));
    this.#graph = toGraph(data, this.depth, {
      width,
      height,
      ...marginsFor(
        variants.map((v) => v[0]!.width),
        variants.map((v) => v.at(-1)!.width),
        width,
      ),
    });
    const stage = this.renderRoot.querySelector<HTMLElement>('.stage')!;
    if (!this.#sigma) this.#sigma = this.#create(stage);
    else this.#sigma.setGraph(this.#graph);
    // A box centred on the note: sigma fits it to the panel, so the note is drawn at the panel's centre.
    this.#sigma.setCustomBBox({ x: [-width / 2, width / 2], y: [-height / 2, height / 2] });
    this.#sigma.resize();
    this.#sigma.getCamera().setState({ x: 0.5, y: 0.5, ratio: 1, angle: 0 });
    this.#sigma.refresh();
    this.#placeLabels();
  }

  #create(stage: HTMLElement): Sigma<Attributes> {
    const sigma = new Sigma<Attributes>(this.#graph, stage, {
      allowInvalidContainer: true,
      zIndex: true,
      renderLabels: false,
      stagePadding: 0,
      enableCameraZooming: false,
      enableCameraPanning: false,
      enableCameraRotation: false,
      labelSize: labelFontSize,
      nodeReducer: (node, data) => ({ ...reduceNode(node, data, this.#view, graphPalette(this.theme)), label: null }),
      edgeReducer: (edge) => reduceEdge(this.#graph.source(edge), this.#graph.target(edge), this.#view, graphPalette(this.theme)),
    });
    this.#applyTheme(sigma);
    sigma.on('clickNode', ({ node }) => this.dispatchEvent(createNodeSelectEvent({ id: node as NoteId, url: this.#graph.getNodeAttribute(node, 'url') })));
    sigma.on('enterNode', ({ node }) => {
      this.hovered = node;
      stage.style.cursor = 'pointer';
      this.dispatchEvent(createNodeHoverEvent({ id: node as NoteId }));
    });
    sigma.on('leaveNode', () => {
      this.hovered = undefined;
      stage.style.cursor = '';
      this.dispatchEvent(createNodeHoverEvent({ id: null }));
    });
    return sigma;
  }

  #applyTheme(sigma: Sigma<Attributes>): void {
    sigma.setSetting('defaultDrawNodeHover', createHoverDrawer(graphPalette(this.theme)));
  }

  /** Labels from where sigma drew the nodes: the note and depth 1 required, further depths by importance as room allows. */
  #placeLabels(): void {
    const requests = this.#graph.mapNodes((id) => this.#request(id)).filter((r): r is LabelRequest => r !== undefined);
    this.labels = placeLocalGraphLabels(requests, { ...this.size, lineHeight, gap: 3 });
  }

  /** The label of one node placed on its own, over the others (for the node under the pointer): in full where it fits. */
  #placeOne(id: string): PlacedLabel | undefined {
    const request = this.#request(id);
    if (!request) return undefined;
    const space = { ...this.size, lineHeight, gap: 3 };
    const a = this.#graph.getNodeAttributes(id);
    const full = { ...request, variants: [textVariants(a.label, this.size.width - 8, labelFont(this, a.depth === 0 ? 700 : 500))[0]!] };
    return placeLocalGraphLabels([full], space)[0] ?? placeLocalGraphLabels([{ ...request, required: true }], space)[0];
  }

  #request(id: string): LabelRequest | undefined {
    const sigma = this.#sigma;
    const position = this.nodePosition(id);
    if (!sigma || !position || !this.#graph.hasNode(id)) return undefined;
    const a = this.#graph.getNodeAttributes(id);
    const radius = sigma.scaleSize(sigma.getNodeDisplayData(id)!.size);
    const font = labelFont(this, a.depth === 0 ? 700 : 500);
    return { id, ...position, radius, variants: textVariants(a.label, this.size.width * maxLabelShare, font), required: a.depth <= 1 };
  }
}

/**
 * Room beside the depth-1 ring for its labels: labels at its sides go left and right of it, those
 * at the top and bottom above and below, so about half the width of most of them (the 75th
 * percentile), and at least half the widest shortest text (a first word), so that even that one
 * fits centred under a node at the ring's side; at most 30 % of the panel (longer ones are
 * shortened or placed elsewhere).
 */
function marginsFor(widths: number[], shortest: number[], width: number): Omit<LocalGraphFrame, 'width' | 'height'> {
  const sorted = [...widths].sort((a, b) => a - b);
  const typical = sorted[Math.floor((sorted.length - 1) * 0.75)] ?? 0;
  const room = Math.max(typical * 0.55 + 10, Math.max(0, ...shortest) / 2 + 6);
  return { marginX: Math.max(24, Math.min(width * 0.3, room)), marginY: lineHeight + 12, edge: 12 };
}

/**
 * The graph sigma draws: nodes up to `depth` at their laid-out places (y up, as sigma's), sized by
 * their link counts as Obsidian sizes nodes (on a log scale, full size from `localGraphFullSizeLinks` links),
 * coloured by topic; nodes in the file's order, so labels are placed by depth, then importance.
 */
function toGraph(data: ShownLocalGraph, depth: 1 | 2 | 3, frame: LocalGraphFrame): DirectedGraph<Attributes> {
  const positions = layoutLocalGraph(data, depth, frame);
  const colors = new Map(data.topics.map((t) => [t.id, t.color]));
  const graph = new DirectedGraph<Attributes>();
  data.nodes.forEach((n, i) => {
    const p = positions.get(i);
    if (!p || n.depth > depth) return;
    const size = n.depth === 0 ? 9 : (3 + 6 * Math.min(1, Math.log1p(n.links) / Math.log1p(localGraphFullSizeLinks))) * (n.depth === 1 ? 1 : 0.8);
    graph.addNode(n.id, {
      x: p.x,
      y: -p.y,
      size,
      color: (n.topic !== undefined ? colors.get(n.topic) : undefined) ?? noTopicColor,
      label: n.title,
      url: n.url,
      depth: n.depth,
    });
  });
  for (const [source, target] of data.links) {
    const s = data.nodes[source]?.id;
    const t = data.nodes[target]?.id;
    if (s && t && graph.hasNode(s) && graph.hasNode(t) && !graph.hasEdge(s, t)) graph.addEdge(s, t);
  }
  return graph;
}

let measureContext: CanvasRenderingContext2D | null | undefined;

/** The labels' font, as the canvas measures it (the note's own label is bold). */
function labelFont(host: HTMLElement, weight = 500): string {
  return `${weight} ${labelFontSize}px ${getComputedStyle(host).getPropertyValue('--font-ui') || 'sans-serif'}`;
}

/**
 * The label's text and width, then shorter versions ending in an ellipsis, none wider than `max`.
 * The shortest keeps the title's first word whole ("Byzantine…"), so a label always says
 * something; only a first word wider than `max` is cut inside (to no fewer than four letters).
 */
function textVariants(text: string, max: number, font: string): { text: string; width: number }[] {
  measureContext ??= document.createElement('canvas').getContext('2d');
  const measure = (t: string) => {
    if (!measureContext) return t.length * labelFontSize * 0.6;
    measureContext.font = font;
    return Math.ceil(measureContext.measureText(t).width) + 2;
  };
  const firstWord = /^\S+/u.exec(text)?.[0] ?? text;
  const variants: { text: string; width: number }[] = [];
  for (const share of [1, 0.75, 0.55, 0]) {
    const keep = share === 1 ? text.length : Math.max(firstWord.length, Math.floor(text.length * share));
    let cut = keep >= text.length ? text : text.slice(0, keep).trimEnd() + '…';
    while (measure(cut) > max && cut.length > 5) cut = cut.slice(0, -2).trimEnd() + '…';
    if (!variants.some((v) => v.text === cut)) variants.push({ text: cut, width: measure(cut) });
  }
  return variants;
}

declare global {
  interface HTMLElementTagNameMap {
    'garden-local-graph-canvas': GardenLocalGraphCanvas;
  }
}
