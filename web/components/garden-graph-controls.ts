import { LitElement, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { NoteId, Topic } from '../../src/shared/types.ts';
import { createGraphChangeEvent, type GardenGraphChangeDetail } from '../events/garden-graph-change.ts';
import type { GraphFacets } from '../lib/list-graph-facets.ts';
import type { GraphFilter } from '../lib/graph-filter.ts';
import { pickNote, suggestNotes, type NoteChoice } from '../lib/list-note-choices.ts';
import { graphPanelStyles } from './garden-graph-panel.styles.ts';

/**
 * The global graph's controls: find a note, show the path between two notes,
 * and filter by topic, tag or folder. Purely presentational: every change is
 * reported with `garden-graph-change`.
 *
 * @fires garden-graph-change - The reader changed a filter, looked a note up, or asked for a path.
 * @property choices - Notes the fields accept; those matching what is typed are offered as suggestions.
 * @property facets - Tags and folders offered by the filters.
 * @property topics - Topics offered by the topic filter.
 * @property filter - The filter in effect.
 * @property pathStatus - Text about the last path request (`3 steps`, `Not connected`).
 */
@customElement('garden-graph-controls')
export class GardenGraphControls extends LitElement {
  static override styles = graphPanelStyles;

  @property({ attribute: false }) choices: NoteChoice[] = [];
  @property({ attribute: false }) facets: GraphFacets = { tags: [], folders: [] };
  @property({ attribute: false }) topics: Topic[] = [];
  @property({ attribute: false }) filter: GraphFilter = {};
  @property() pathStatus = '';

  /** Text of the note field typed in last: the suggestions offered are its matches. */
  @state() private typed = '';

  protected override render(): unknown {
    const f = this.filter;
    return html`
      <datalist id="notes">${suggestNotes(this.choices, this.typed).map((c) => html`<option value=${c.text}></option>`)}</datalist>
      <div class="group">
        <label for="find">Find a note</label>
        <input id="find" type="text" list="notes" placeholder="Title" autocomplete="off" @input=${this.#handleTyping} @change=${this.#handleFind} />
      </div>
      <fieldset class="group">
        <legend>Path between notes</legend>
        <label for="from" class="visually-hidden">From</label>
        <input id="from" type="text" list="notes" placeholder="From" autocomplete="off" @input=${this.#handleTyping} />
        <label for="to" class="visually-hidden">To</label>
        <input id="to" type="text" list="notes" placeholder="To" autocomplete="off" @input=${this.#handleTyping} />
        <div class="row">
          <button type="button" @click=${this.#handlePath}>Show path</button>
          <button type="button" class="quiet" @click=${this.#handleClearPath}>Clear</button>
        </div>
        ${this.pathStatus ? html`<p class="status" role="status">${this.pathStatus}</p>` : nothing}
      </fieldset>
      <fieldset class="group">
        <legend>Filter</legend>
        <label for="topic">Topic</label>
        <select id="topic" @change=${(e: Event) => this.#setFilter({ topic: numberOrUndefined(value(e)) })}>
          <option value="" ?selected=${f.topic === undefined}>All topics</option>
          ${this.topics
            .filter((t) => t.parent === undefined)
            .map((t) => {
              const option = (o: Topic, label: string) => html`<option value=${o.id} ?selected=${f.topic === o.id}>${label}</option>`;
              const subtopics = this.topics.filter((s) => s.parent === t.id);
              return subtopics.length === 0
                ? option(t, t.name)
                : html`<optgroup label=${t.name}>${option(t, `All of ${t.name}`)}${subtopics.map((s) => option(s, s.name))}</optgroup>`;
            })}
        </select>
        <label for="tag">Tag</label>
        <select id="tag" @change=${(e: Event) => this.#setFilter({ tag: value(e) || undefined })}>
          <option value="" ?selected=${f.tag === undefined}>All tags</option>
          ${this.facets.tags.map((t) => html`<option value=${t} ?selected=${f.tag === t}>#${t}</option>`)}
        </select>
        <label for="folder">Folder</label>
        <select id="folder" @change=${(e: Event) => this.#setFilter({ folder: value(e) || undefined })}>
          <option value="" ?selected=${f.folder === undefined}>All folders</option>
          ${this.facets.folders.map((d) => html`<option value=${d} ?selected=${f.folder === d}>${d}</option>`)}
        </select>
      </fieldset>
    `;
  }

  #emit(detail: GardenGraphChangeDetail): void {
    this.dispatchEvent(createGraphChangeEvent(detail));
  }

  #setFilter(patch: GraphFilter): void {
    this.#emit({ kind: 'filter', filter: { ...this.filter, ...patch } });
  }

  #pick(id: string): NoteId | null {
    const input = this.renderRoot.querySelector<HTMLInputElement>(`#${id}`);
    return (input && pickNote(this.choices, input.value)) ?? null;
  }

  readonly #handleTyping = (e: Event): void => {
    this.typed = (e.target as HTMLInputElement).value;
  };

  readonly #handleFind = (): void => this.#emit({ kind: 'find', id: this.#pick('find') });

  readonly #handlePath = (): void => this.#emit({ kind: 'path', from: this.#pick('from'), to: this.#pick('to') });

  readonly #handleClearPath = (): void => {
    for (const input of this.renderRoot.querySelectorAll<HTMLInputElement>('#from, #to')) input.value = '';
    this.#emit({ kind: 'path', from: null, to: null });
  };
}

function value(e: Event): string {
  return (e.target as HTMLSelectElement).value;
}

function numberOrUndefined(text: string): number | undefined {
  return text === '' ? undefined : Number(text);
}

declare global {
  interface HTMLElementTagNameMap {
    'garden-graph-controls': GardenGraphControls;
  }
}
