import { LitElement, css, html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import type { ShownLocalGraph } from '../../src/shared/local-graph.ts';
import { withBase } from '../../src/shared/with-base.ts';
import type { GraphDepth } from '../store/garden-store.ts';
import { StoreController } from '../store/store-controller.ts';

/**
 * The local graph beside a note: a disclosure that shows the current note's
 * neighbourhood, 1 to 3 links deep. Open, it loads the graph code (sigma,
 * graphology) and the note's own local-graph.json (a few kilobytes at any
 * garden size, never graph.json) once it comes near the screen, and again for
 * each note navigated to. Open state and depth are kept in the store, so they
 * survive navigation and visits. Shows nothing on pages that are not notes.
 */
@customElement('garden-local-graph')
export class GardenLocalGraph extends LitElement {
  static override styles = css`
    :host {
      display: block;
      font-family: var(--font-ui);
    }
    .head {
      display: flex;
      align-items: center;
      justify-content: space-between;
      gap: 0.5rem;
    }
    h2 {
      margin: 0;
      font-size: 0.75rem;
      font-weight: 600;
      letter-spacing: 0.08em;
      text-transform: uppercase;
      color: var(--muted);
    }
    button,
    select {
      font: inherit;
      font-size: 0.8rem;
      color: var(--muted);
      background: transparent;
      border: 1px solid var(--border);
      border-radius: 6px;
      padding: 0.2rem 0.5rem;
      cursor: pointer;
    }
    button:hover,
    select:hover {
      color: var(--text);
      background: var(--hover);
    }
    button:focus-visible,
    select:focus-visible,
    a:focus-visible {
      outline: 2px solid var(--accent);
      outline-offset: 2px;
    }
    .controls {
      display: flex;
      align-items: center;
      justify-content: space-between;
      margin: 0.6rem 0;
      font-size: 0.8rem;
      color: var(--muted);
    }
    label {
      display: inline-flex;
      align-items: center;
      gap: 0.4rem;
    }
    a {
      color: var(--accent);
      text-decoration: none;
    }
    p {
      font-size: 0.85rem;
      color: var(--muted);
    }
  `;

  readonly #store = new StoreController(this);
  /** The neighbourhood on screen and the page (URL with base path) it belongs to. */
  @state() private data?: { url: string; graph: ShownLocalGraph };
  @state() private failed?: string;
  @state() private visible = false;
  #observer?: IntersectionObserver;

  override connectedCallback(): void {
    super.connectedCallback();
    // Loaded when about to be seen: on a phone the panel sits below the note.
    this.#observer = new IntersectionObserver((entries) => (this.visible = entries.some((e) => e.isIntersecting)), { rootMargin: '300px' });
    this.#observer.observe(this);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#observer?.disconnect();
  }

  protected override willUpdate(): void {
    const store = this.#store.value;
    const page = store?.state.page;
    if (store?.state.localGraph.open && page?.kind === 'note' && this.visible) void this.#load(page.url);
  }

  protected override render(): unknown {
    const store = this.#store.value;
    if (!store || store.state.page.kind !== 'note') return nothing;
    const { open, depth } = store.state.localGraph;
    return html`<section aria-labelledby="local-graph-title">
      <div class="head">
        <h2 id="local-graph-title">Graph</h2>
        <button type="button" aria-expanded=${open ? 'true' : 'false'} aria-controls="local-graph-body" @click=${() => store.setLocalGraph(!open)}>
          ${open ? 'Hide' : 'Show'}
        </button>
      </div>
      ${
        open
          ? html`<div id="local-graph-body">
              <div class="controls">
                <label
                  >Depth
                  <select @change=${this.#handleDepth}>
                    ${[1, 2, 3].map((d) => html`<option value=${d} ?selected=${d === depth}>${d}</option>`)}
                  </select></label
                >
                <a href=${withBase(store.state.basePath, '/graph/')}>Full graph →</a>
              </div>
              ${this.#renderBody(depth)}
            </div>`
          : nothing
      }
    </section>`;
  }

  #renderBody(depth: GraphDepth): unknown {
    const store = this.#store.value;
    const page = store?.state.page;
    if (!store || page?.kind !== 'note') return nothing;
    if (this.failed === page.url) return html`<p>The graph could not be loaded.</p>`;
    if (this.data?.url !== page.url) return html`<p>Loading the graph…</p>`;
    return html`<garden-local-graph-panel
      .data=${this.data.graph}
      .depth=${depth}
      .theme=${store.state.theme}
      .base=${store.state.basePath}
    ></garden-local-graph-panel>`;
  }

  /**
   * Show the local graph of the page at `url` once loaded. The store caches it per page, so this
   * is one request per page; after the dev server's changes the store forgets it, a new request
   * starts and the graph is drawn again.
   */
  async #load(url: string): Promise<void> {
    const store = this.#store.value;
    if (!store || this.failed === url) return;
    const pending = store.loadLocalGraph(url);
    if (pending === this.#pending) return;
    this.#pending = pending;
    try {
      const [graph] = await Promise.all([pending, import('./garden-local-graph-panel.ts')]);
      if (this.#pending === pending) this.data = { url, graph };
    } catch (error) {
      console.warn(`Graph: ${url}local-graph.json or the graph code could not be loaded.`, error);
      if (this.#pending === pending) this.failed = url;
    }
  }

  #pending?: Promise<ShownLocalGraph>;

  readonly #handleDepth = (e: Event): void => {
    const value = Number((e.target as HTMLSelectElement).value);
    this.#store.value?.setLocalGraph(true, value === 2 || value === 3 ? value : 1);
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'garden-local-graph': GardenLocalGraph;
  }
}
