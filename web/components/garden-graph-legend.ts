import { LitElement, css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { styleMap } from 'lit/directives/style-map.js';
import type { Topic } from '../../src/shared/types.ts';
import { createGraphChangeEvent } from '../events/garden-graph-change.ts';
import type { GraphFilter } from '../lib/graph-filter.ts';

/**
 * The colour legend of the graph: one entry per topic with its colour and
 * size; pressing an entry shows only that topic, pressing it again shows all.
 *
 * @fires garden-graph-change - A topic was picked or unpicked (`kind: 'filter'`).
 * @property topics - Topics of graph.json.
 * @property filter - The filter in effect (its topic is shown pressed).
 */
@customElement('garden-graph-legend')
export class GardenGraphLegend extends LitElement {
  static override styles = css`
    :host {
      display: block;
      font-family: var(--font-ui);
      font-size: 0.85rem;
    }
    h2 {
      margin: 0 0 0.4rem;
      font-size: 0.72rem;
      font-weight: 600;
      letter-spacing: 0.08em;
      text-transform: uppercase;
      color: var(--muted);
    }
    ul {
      list-style: none;
      margin: 0;
      padding: 0;
    }
    button {
      display: flex;
      align-items: center;
      gap: 0.55rem;
      width: 100%;
      padding: 0.28rem 0.45rem;
      border: 0;
      border-radius: 6px;
      background: transparent;
      color: var(--text);
      font: inherit;
      text-align: left;
      cursor: pointer;
    }
    button:hover {
      background: var(--hover);
    }
    button:focus-visible {
      outline: 2px solid var(--accent);
    }
    button[aria-pressed='true'] {
      background: var(--accent-soft);
      font-weight: 600;
    }
    .swatch {
      flex: none;
      width: 0.7rem;
      height: 0.7rem;
      border-radius: 50%;
    }
    .size {
      margin-left: auto;
      color: var(--muted);
      font-variant-numeric: tabular-nums;
    }
  `;

  @property({ attribute: false }) topics: Topic[] = [];
  @property({ attribute: false }) filter: GraphFilter = {};

  protected override render(): unknown {
    if (this.topics.length === 0) return html``;
    return html`<h2 id="legend-title">Topics</h2>
      <ul aria-labelledby="legend-title">
        ${this.topics.map(
          (t) =>
            html`<li>
              <button type="button" aria-pressed=${this.filter.topic === t.id ? 'true' : 'false'} @click=${() => this.#toggle(t.id)}>
                <span class="swatch" style=${styleMap({ background: t.color })}></span>${t.name}<span class="size">${t.size}</span>
              </button>
            </li>`,
        )}
      </ul>`;
  }

  #toggle(topic: number): void {
    const next = this.filter.topic === topic ? undefined : topic;
    this.dispatchEvent(createGraphChangeEvent({ kind: 'filter', filter: { ...this.filter, topic: next } }));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'garden-graph-legend': GardenGraphLegend;
  }
}
