import { LitElement, css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import './canvas.css';
import { fitView, panBy, parseViewBox, resizeView, toViewBox, zoomAt, type Rect, type Size, type View } from './view-box.ts';

/** Zoom factor of one button press or key press. */
const step = 1.25;
/** Screen pixels an arrow key pans. */
const keyPan = 60;

/**
 * A canvas page's scene (prerendered by src/canvas/render-scene.ts, readable
 * without JavaScript), made pannable and zoomable: drag the background, Ctrl
 * or ⌘ and the wheel (or pinch) to zoom, the wheel alone once expanded, arrow
 * keys, `+`, `-` and `0`, and buttons to zoom, fit and expand. Inside an embed
 * or a preview it stays the static scaled view the stylesheet makes of it.
 *
 * @slot - The prerendered `.canvas-viewport` with its SVG scene.
 * @property expanded - Whether the canvas covers the window.
 */
@customElement('garden-canvas')
export class GardenCanvas extends LitElement {
  static override styles = css`
    :host {
      display: block;
      position: relative;
    }
    .controls {
      position: absolute;
      top: 0.6rem;
      right: 0.6rem;
      display: flex;
      gap: 0.25rem;
      font-family: var(--font-ui);
    }
    button {
      min-width: 2rem;
      height: 2rem;
      padding: 0 0.5rem;
      border: 1px solid var(--border);
      border-radius: 7px;
      background: var(--surface);
      color: var(--text);
      font: inherit;
      font-size: 0.85rem;
      cursor: pointer;
    }
    button:hover {
      background: var(--hover);
    }
    button:focus-visible {
      outline: 2px solid var(--accent);
      outline-offset: 2px;
    }
  `;

  @property({ type: Boolean, reflect: true }) expanded = false;

  #interactive = false;
  #bounds?: Rect;
  #view?: View;
  #size: Size = { width: 0, height: 0 };
  #resize?: ResizeObserver;
  #pointers = new Map<number, { x: number; y: number }>();

  override connectedCallback(): void {
    super.connectedCallback();
    const svg = this.#svg();
    // Embeds and previews stay the static view: only the canvas's own page pans and zooms.
    this.#interactive = !!svg && !this.closest('.transclusion, garden-preview');
    // The canvas's own bounds: `viewBox` is the current view once the element has run (a page restored from history).
    this.#bounds = parseViewBox(svg?.getAttribute('data-bounds') ?? svg?.getAttribute('viewBox') ?? null);
    if (!this.#interactive || !svg || !this.#bounds) return;
    this.toggleAttribute('interactive', true);
    svg.setAttribute('width', '100%');
    svg.setAttribute('height', '100%');
    const viewport = this.#viewport()!;
    viewport.tabIndex = 0;
    viewport.setAttribute('aria-description', 'Arrow keys pan, + and - zoom, 0 shows the whole canvas; drag the background to pan, Ctrl and the wheel zoom');
    viewport.addEventListener('pointerdown', this.#handlePointerDown);
    viewport.addEventListener('pointermove', this.#handlePointerMove);
    viewport.addEventListener('pointerup', this.#handlePointerUp);
    viewport.addEventListener('pointercancel', this.#handlePointerUp);
    viewport.addEventListener('wheel', this.#handleWheel, { passive: false });
    viewport.addEventListener('keydown', this.#handleKey);
    this.#resize = new ResizeObserver(() => this.#handleResize());
    this.#resize.observe(viewport);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#resize?.disconnect();
    const viewport = this.#viewport();
    viewport?.removeEventListener('pointerdown', this.#handlePointerDown);
    viewport?.removeEventListener('pointermove', this.#handlePointerMove);
    viewport?.removeEventListener('pointerup', this.#handlePointerUp);
    viewport?.removeEventListener('pointercancel', this.#handlePointerUp);
    viewport?.removeEventListener('wheel', this.#handleWheel);
    viewport?.removeEventListener('keydown', this.#handleKey);
  }

  protected override render(): unknown {
    if (!this.#interactive) return html`<slot></slot>`;
    return html`<slot></slot>
      <div class="controls" part="controls">
        <button type="button" aria-label="Zoom in" title="Zoom in (+)" @click=${() => this.#zoomCentre(step)}>+</button>
        <button type="button" aria-label="Zoom out" title="Zoom out (-)" @click=${() => this.#zoomCentre(1 / step)}>−</button>
        <button type="button" class="fit" title="Show the whole canvas (0)" @click=${this.fit}>Fit</button>
        <button type="button" aria-pressed=${this.expanded ? 'true' : 'false'} @click=${this.#toggleExpanded}>${this.expanded ? 'Close' : 'Expand'}</button>
      </div>`;
  }

  /** Show the whole canvas. */
  fit = (): void => {
    if (this.#bounds) this.#apply(fitView(this.#bounds, this.#size));
  };

  #svg(): SVGSVGElement | null {
    return this.querySelector<SVGSVGElement>(':scope > .canvas-viewport > svg.canvas-scene');
  }

  #viewport(): HTMLElement | null {
    return this.querySelector<HTMLElement>(':scope > .canvas-viewport');
  }

  #apply(view: View): void {
    this.#view = view;
    this.#svg()?.setAttribute('viewBox', toViewBox(view, this.#size));
  }

  #handleResize(): void {
    const viewport = this.#viewport();
    if (!viewport) return;
    const size = { width: viewport.clientWidth, height: viewport.clientHeight };
    if (size.width === 0 || size.height === 0) return;
    const before = this.#size;
    this.#size = size;
    if (!this.#view) this.fit();
    else this.#apply(resizeView(this.#view, before, size));
  }

  #zoomCentre(factor: number): void {
    if (this.#view) this.#apply(zoomAt(this.#view, factor, { x: this.#size.width / 2, y: this.#size.height / 2 }));
  }

  #toggleExpanded = (): void => {
    this.expanded = !this.expanded;
    this.#viewport()?.focus();
  };

  #handlePointerDown = (e: PointerEvent): void => {
    // Card content keeps its own behaviour (links, selecting text, scrolling); the background pans.
    if (e.button !== 0 || (this.#pointers.size === 0 && (e.target as Element).closest('.canvas-card-content, .canvas-background'))) return;
    this.#pointers.set(e.pointerId, { x: e.clientX, y: e.clientY });
    this.#viewport()?.setPointerCapture(e.pointerId);
    this.toggleAttribute('panning', true);
  };

  #handlePointerMove = (e: PointerEvent): void => {
    const last = this.#pointers.get(e.pointerId);
    if (!last || !this.#view) return;
    const now = { x: e.clientX, y: e.clientY };
    if (this.#pointers.size === 2) {
      // Pinch: zoom by the change of distance between the two pointers, around their middle.
      const other = [...this.#pointers].find(([id]) => id !== e.pointerId)![1];
      const factor = Math.hypot(now.x - other.x, now.y - other.y) / Math.max(1, Math.hypot(last.x - other.x, last.y - other.y));
      const box = this.#viewport()!.getBoundingClientRect();
      this.#apply(zoomAt(this.#view, factor, { x: (now.x + other.x) / 2 - box.left, y: (now.y + other.y) / 2 - box.top }));
    } else {
      this.#apply(panBy(this.#view, now.x - last.x, now.y - last.y));
    }
    this.#pointers.set(e.pointerId, now);
  };

  #handlePointerUp = (e: PointerEvent): void => {
    this.#pointers.delete(e.pointerId);
    if (this.#pointers.size === 0) this.toggleAttribute('panning', false);
  };

  #handleWheel = (e: WheelEvent): void => {
    if (!this.#view) return;
    if (e.ctrlKey || e.metaKey) {
      e.preventDefault();
      const box = this.#viewport()!.getBoundingClientRect();
      this.#apply(zoomAt(this.#view, Math.exp(-e.deltaY * 0.002), { x: e.clientX - box.left, y: e.clientY - box.top }));
    } else if (this.expanded && !scrollsItself(e)) {
      // The page behind cannot scroll while the canvas covers it: the wheel pans.
      e.preventDefault();
      this.#apply(panBy(this.#view, -e.deltaX, -e.deltaY));
    }
  };

  #handleKey = (e: KeyboardEvent): void => {
    if (!this.#view || e.target !== this.#viewport()) return;
    const moves: Record<string, [number, number]> = { ArrowLeft: [keyPan, 0], ArrowRight: [-keyPan, 0], ArrowUp: [0, keyPan], ArrowDown: [0, -keyPan] };
    const move = moves[e.key];
    if (move) this.#apply(panBy(this.#view, move[0], move[1]));
    else if (e.key === '+' || e.key === '=') this.#zoomCentre(step);
    else if (e.key === '-' || e.key === '_') this.#zoomCentre(1 / step);
    else if (e.key === '0') this.fit();
    else if (e.key === 'Escape' && this.expanded) this.expanded = false;
    else return;
    e.preventDefault();
  };
}

/** Whether the wheel scrolls a card's own content (a long card) rather than the canvas. */
function scrollsItself(e: WheelEvent): boolean {
  for (let el = e.target as HTMLElement | null; el && !el.classList.contains('canvas-viewport'); el = el.parentElement) {
    if (!el.classList.contains('canvas-card-content')) continue;
    return el.scrollHeight > el.clientHeight && ((e.deltaY > 0 && el.scrollTop + el.clientHeight < el.scrollHeight) || (e.deltaY < 0 && el.scrollTop > 0));
  }
  return false;
}

declare global {
  interface HTMLElementTagNameMap {
    'garden-canvas': GardenCanvas;
  }
}
