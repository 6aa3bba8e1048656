import { LitElement, css, html } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { styleMap } from 'lit/directives/style-map.js';
import type { Topic } from '../../src/shared/types.ts';
import { createGraphChangeEvent } from '../events/garden-graph-change.ts';
import type { GraphFilter } from '../lib/graph-filter.ts';

/**
 * The colour legend of the graph: the top-level topics with their colours and
 * sizes, each topic's subtopics behind a disclosure button (shown on demand,
 * and while one of them is the filter); pressing an entry shows only that
 * topic or subtopic, pressing it again shows all.
 *
 * @fires garden-graph-change - A topic was picked or unpicked (`kind: 'filter'`).
 * @property topics - Topics of graph.json (top-level and subtopics).
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
    li {
      display: grid;
      grid-template-columns: 1fr auto;
      align-items: center;
    }
    ul ul {
      grid-column: 1 / -1;
      margin: 0.1rem 0 0.25rem 1.1rem;
      font-size: 0.8rem;
    }
    button.more {
      width: auto;
      padding: 0.28rem 0.4rem;
      color: var(--muted);
      font-variant-numeric: tabular-nums;
    }
    button.more::before {
      content: '▸';
      display: inline-block;
      margin-right: 0.2rem;
      transition: transform 0.15s;
    }
    button.more[aria-expanded='true']::before {
      transform: rotate(90deg);
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
  /** Topics whose subtopics the reader opened. */
  @state() private opened = new Set<number>();

  protected override render(): unknown {
    if (this.topics.length === 0) return html``;
    const top = this.topics.filter((t) => t.parent === undefined);
    return html`<h2 id="legend-title">Topics</h2>
      <ul aria-labelledby="legend-title">
        ${top.map((t) => {
          const children = this.topics.filter((c) => c.parent === t.id);
          const open = children.length > 0 && (this.opened.has(t.id) || children.some((c) => c.id === this.filter.topic));
          return html`<li>
            ${this.#entry(t)}
            ${
              children.length
                ? html`<button
                    type="button"
                    class="more"
                    aria-expanded=${open ? 'true' : 'false'}
                    aria-label=${`Subtopics of ${t.name}`}
                    title=${`${children.length} subtopics`}
                    @click=${() => this.#toggleOpen(t.id)}
                  >
                    ${children.length}
                  </button>`
                : ''
            }
            ${
              open
                ? html`<ul aria-label=${`Subtopics of ${t.name}`}>
                    ${children.map((c) => html`<li>${this.#entry(c)}</li>`)}
                  </ul>`
                : ''
            }
          </li>`;
        })}
      </ul>`;
  }

  #entry(t: Topic): unknown {
    return html`<button type="button" aria-pressed=${this.filter.topic === t.id ? 'true' : 'false'} @click=${() => this.#toggle(t.id)}>
      <span class="swatch" style=${styleMap({ background: t.color })}></span>${t.name}<span class="size">${t.size}</span>
    </button>`;
  }

  #toggleOpen(topic: number): void {
    const next = new Set(this.opened);
    if (next.has(topic)) next.delete(topic);
    else next.add(topic);
    this.opened = next;
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
