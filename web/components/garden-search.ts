import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { createNavigateEvent } from '../events/garden-navigate.ts';
import { createSearchCloseEvent } from '../events/garden-search-close.ts';
import { moveActive } from '../lib/move-active.ts';
import { snippetSegments } from '../lib/snippet-segments.ts';
import type { SearchHit } from '../../src/shared/types.ts';
import { toHitUrl } from '../lib/to-hit-url.ts';
import { toSearchStatus } from '../lib/to-search-status.ts';
import { withBase } from '../../src/shared/with-base.ts';
import { searchStyles } from './garden-search.styles.ts';

/** The search client, loaded on first use so the index code is not part of the first page load. */
type SearchClientModule = typeof import('../search/search-client.ts');
type SearchEngine = InstanceType<SearchClientModule['SearchClient']>;

type Status = 'idle' | 'loading' | 'ready' | 'unavailable';

/** Hits asked for at a time: the first page, and each "Show more". */
const pageSize = 10;

/**
 * The search dialog: a modal with a searchbox named "Search", results with
 * highlighted snippets, arrow keys and Enter to choose, and heading hits that
 * open the note at that heading. The status line says how many notes match; a
 * "Show more" button (or Down on the last hit) loads the next page of them.
 *
 * @fires garden-search-close - The dialog closed; carries the query for next time.
 * @fires garden-navigate - A hit was chosen.
 * @property open - Whether the dialog is shown.
 * @property query - Query to show when the dialog opens.
 * @property base - Site base path, handed to the search client and used for hit URLs.
 */
@customElement('garden-search')
export class GardenSearch extends LitElement {
  static override styles = searchStyles;

  @property({ type: Boolean }) open = false;
  @property() query = '';
  @property() base = '/';

  @state() private hits: SearchHit[] = [];
  @state() private total = 0;
  @state() private active = -1;
  @state() private status: Status = 'idle';
  @state() private text = '';

  @query('dialog') private dialog!: HTMLDialogElement;
  @query('input') private input!: HTMLInputElement;

  #engine?: Promise<SearchEngine>;
  #seq = 0;
  /** The query the shown hits answer; "Show more" continues it. */
  #shown = '';
  #timer?: ReturnType<typeof setTimeout>;

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('open') && this.open) {
      this.text = this.query;
      this.#schedule(this.query, 0);
    }
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (!changed.has('open')) return;
    if (this.open && !this.dialog.open) {
      this.dialog.showModal();
      this.input.focus();
      this.input.select();
    } else if (!this.open && this.dialog.open) {
      this.dialog.close();
    }
  }

  protected override render(): unknown {
    const activeId = this.active >= 0 ? `hit-${this.active}` : nothing;
    return html`<dialog aria-label="Search" @close=${this.#handleClose} @click=${this.#handleBackdrop}>
      <div class="panel">
        <div class="field">
          <svg aria-hidden="true" viewBox="0 0 24 24">
            <circle cx="11" cy="11" r="7"></circle>
            <path d="m20 20-4-4"></path>
          </svg>
          <input
            type="search"
            aria-label="Search"
            placeholder="Search notes"
            autocomplete="off"
            spellcheck="false"
            aria-controls="results"
            aria-activedescendant=${activeId}
            .value=${this.text}
            @input=${this.#handleInput}
            @keydown=${this.#handleKeydown}
          />
          <kbd>esc</kbd>
        </div>
        <ul id="results" role="listbox" aria-label="Results" ?hidden=${this.hits.length === 0}>
          ${this.hits.map((hit, i) => this.#renderHit(hit, i))}
        </ul>
        <div class="more-row">
          <p class="status" role="status">${this.#statusText()}</p>
          <button type="button" class="more" ?hidden=${this.hits.length >= this.total || this.text !== this.#shown} @click=${this.#handleMore}>
            Show more
          </button>
        </div>
        <footer class="hints" aria-hidden="true">
          <span><kbd>↑</kbd><kbd>↓</kbd> choose</span><span><kbd>↵</kbd> open</span><span><kbd>esc</kbd> close</span>
        </footer>
      </div>
    </dialog>`;
  }

  #renderHit(hit: SearchHit, i: number): unknown {
    return html`<li
      role="option"
      id=${`hit-${i}`}
      aria-selected=${i === this.active ? 'true' : 'false'}
      @click=${() => this.#choose(i)}
      @pointermove=${() => (this.active = i)}
    >
      <span class="hit-title"
        >${marked(hit.titleHtml || hit.title)}${hit.heading ? html`<span class="hit-heading"> › ${hit.heading.text}</span>` : nothing}</span
      >
      <span class="hit-snippet">${marked(hit.snippet)}</span>
    </li>`;
  }

  #statusText(): string {
    if (this.status === 'unavailable') return 'Search is unavailable right now.';
    // While a new query runs, the count of the previous one would be wrong: say it searches.
    const hits = this.text === this.#shown ? this.hits.length : 0;
    return toSearchStatus(this.text, this.status === 'loading', hits, this.total);
  }

  #schedule(q: string, delay: number): void {
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => void this.#run(q), delay);
  }

  async #run(q: string): Promise<void> {
    const seq = ++this.#seq;
    if (q.trim() === '') {
      this.hits = [];
      this.total = 0;
      this.active = -1;
      this.#shown = q;
      return;
    }
    this.status = 'loading';
    await this.#fetch(seq, q, 0);
  }

  /** Load the next page of the shown query's hits and move to the first of them. */
  async #showMore(): Promise<void> {
    if (this.status === 'loading' || this.hits.length >= this.total || this.#shown !== this.text) return;
    this.status = 'loading';
    await this.#fetch(++this.#seq, this.#shown, this.hits.length);
  }

  /** Fetch `pageSize` hits of `q` from `offset` (0: replace the hits; else append them), unless a newer request overtook this one. */
  async #fetch(seq: number, q: string, offset: number): Promise<void> {
    try {
      const engine = await this.#loadEngine();
      const results = await engine.query(q, pageSize, offset);
      if (seq !== this.#seq) return;
      this.hits = offset === 0 ? results.hits : [...this.hits, ...results.hits];
      this.total = results.total;
      this.#shown = q;
      this.active = results.hits.length > 0 ? offset : Math.min(this.active, this.hits.length - 1);
      this.status = 'ready';
      if (offset > 0) {
        await this.updateComplete;
        this.renderRoot.querySelector(`#hit-${this.active}`)?.scrollIntoView({ block: 'nearest' });
      }
    } catch (error) {
      if (seq !== this.#seq || (error instanceof DOMException && error.name === 'AbortError')) return;
      console.warn('Search: the index could not be loaded or queried.', error);
      this.hits = [];
      this.total = 0;
      this.status = 'unavailable';
    }
  }

  #loadEngine(): Promise<SearchEngine> {
    this.#engine ??= (async () => {
      const { SearchClient } = await import('../search/search-client.ts');
      return new SearchClient(withBase(this.base, '/_search/'));
    })();
    this.#engine.catch(() => (this.#engine = undefined));
    return this.#engine;
  }

  #choose(i: number): void {
    const hit = this.hits[i];
    if (!hit) return;
    this.dialog.close();
    this.dispatchEvent(createNavigateEvent({ url: toHitUrl(hit, this.base) }));
  }

  readonly #handleInput = (e: InputEvent): void => {
    this.text = (e.target as HTMLInputElement).value;
    this.#schedule(this.text, 80);
  };

  readonly #handleKeydown = (e: KeyboardEvent): void => {
    switch (e.key) {
      case 'ArrowDown':
      case 'ArrowUp':
        e.preventDefault();
        // Down on the last hit loads more, when there are more, instead of wrapping to the first.
        if (e.key === 'ArrowDown' && this.active === this.hits.length - 1 && this.hits.length < this.total) {
          void this.#showMore();
          return;
        }
        this.active = moveActive(this.active, this.hits.length, e.key);
        this.renderRoot.querySelector(`#hit-${this.active}`)?.scrollIntoView({ block: 'nearest' });
        return;
      case 'Enter':
        e.preventDefault();
        this.#choose(this.active);
        return;
      case 'Escape':
        // A search field would clear itself on the first Escape; one press closes the dialog.
        e.preventDefault();
        this.dialog.close();
        return;
    }
  };

  readonly #handleMore = (): void => {
    // Back to the searchbox, where arrows and Enter work on the hits, the first new one active.
    this.input.focus();
    void this.#showMore();
  };

  readonly #handleClose = (): void => {
    this.dispatchEvent(createSearchCloseEvent({ query: this.text }));
  };

  readonly #handleBackdrop = (e: MouseEvent): void => {
    if (e.target === this.dialog) this.dialog.close();
  };
}

/** A hit's HTML (only `<mark>` markup) as text and `<mark>` parts, never as raw HTML. */
function marked(source: string): unknown[] {
  return snippetSegments(source).map((s) => (s.mark ? html`<mark>${s.text}</mark>` : s.text));
}

declare global {
  interface HTMLElementTagNameMap {
    'garden-search': GardenSearch;
  }
}
