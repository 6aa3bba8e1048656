import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { folderChain, unpackUrl, type ExplorerNames, type FolderListing } from '../../src/shared/explorer-data.ts';
import { dirName } from '../../src/shared/ids.ts';
import { withBase } from '../../src/shared/with-base.ts';
import { filterTree, type FilteredTree } from '../lib/explorer-filter.ts';
import { treeAction, typeAhead } from '../lib/explorer-keys.ts';
import { explorerRows, rowKey, type ExplorerRow } from '../lib/explorer-rows.ts';
import { ExplorerSource } from '../lib/explorer-source.ts';
import { StoreController } from '../store/store-controller.ts';
import { readOpen, safeDecode, writeOpen } from '../lib/explorer-memory.ts';
import { explorerStyles } from './garden-explorer.styles.ts';

/**
 * The sidebar's folder tree (WAI-ARIA tree view): folders closed until opened,
 * each folder's listing loaded when it is first opened, only open folders
 * rendered. The page's note is revealed (its folders opened) and marked
 * `aria-current="page"`, also after in-place navigation. One tab stop (roving
 * tabindex): arrows, Home, End, Enter and type-ahead move and open. A filter box
 * loads every name on its first keystroke and shows the matches inside their
 * folders. Open folders are remembered (localStorage) from page to page.
 *
 * @property base - Site base path, from the `base` attribute.
 */
@customElement('garden-explorer')
export class GardenExplorer extends LitElement {
  static override styles = explorerStyles;

  @property() base = '/';

  @state() private listings = new Map<string, FolderListing>();
  @state() private open = new Set<string>();
  @state() private query = '';
  @state() private names?: ExplorerNames;
  @state() private filterOpen = new Set<string>();
  @state() private activeKey = '';
  @state() private failed = false;

  @query('input') private input!: HTMLInputElement;

  readonly #store = new StoreController(this);
  #source?: ExplorerSource;
  #rows: ExplorerRow[] = [];
  #filtered?: { query: string; tree: FilteredTree };
  #revealed = '';
  #typed = '';
  #typedAt = 0;

  override connectedCallback(): void {
    super.connectedCallback();
    this.#source = new ExplorerSource(this.base, (url) => fetch(url));
    this.open = new Set(readOpen());
    void this.#loadFolders(['']);
    // Dev server only (Vite drops this from production bundles): notes added, removed or renamed show at once.
    if (import.meta.hot) import.meta.hot.on('garden:update', () => void this.#reload());
  }

  /** Load every shown listing again, keeping the tree on screen until the new ones arrive. */
  async #reload(): Promise<void> {
    const source = (this.#source = new ExplorerSource(this.base, (url) => fetch(url)));
    const shown = await Promise.all(
      [...this.listings.keys()].map((f) =>
        source.folder(f).then(
          (l) => [f, l] as const,
          () => undefined,
        ),
      ),
    );
    this.listings = new Map(shown.filter((entry) => entry !== undefined));
    this.names = undefined;
    if (this.query.trim() !== '') this.#handleInput();
  }

  /** The elements Tab stops on, in order (the drawer keeps focus among them). */
  tabStops(): HTMLElement[] {
    const active = this.renderRoot.querySelector<HTMLElement>('[role="treeitem"][tabindex="0"]');
    return [this.input, ...(active ? [active] : [])].filter((el): el is HTMLElement => Boolean(el));
  }

  /** Scroll the page's note into view inside the panel (after the drawer opened). */
  revealCurrent(): void {
    this.renderRoot.querySelector('[aria-current="page"]')?.scrollIntoView({ block: 'nearest' });
  }

  protected override willUpdate(changed: PropertyValues): void {
    const page = this.#store.value?.state.page;
    const id = page?.kind === 'note' ? page.id : '';
    if (id !== this.#revealed) {
      this.#revealed = id;
      if (id) this.#reveal(dirName(id));
    }
    if (changed.has('query') && this.names) this.#applyFilter();
  }

  protected override render(): unknown {
    const filtering = this.query.trim() !== '' && this.names !== undefined;
    const tree = filtering ? this.#filtered!.tree : undefined;
    this.#rows = tree ? explorerRows(tree.listings, this.filterOpen) : explorerRows(this.listings, this.open);
    const active = this.#rows.some((r) => rowKey(r) === this.activeKey) ? this.activeKey : this.#defaultKey();
    return html`<div class="filter">
        <input
          type="search"
          placeholder="Filter notes"
          aria-label="Filter notes"
          autocomplete="off"
          spellcheck="false"
          .value=${this.query}
          @input=${this.#handleInput}
          @keydown=${this.#handleInputKey}
        />
      </div>
      <p class="status" role="status">${this.#status(tree)}</p>
      ${
        this.failed
          ? html`<p class="failed">The folder tree could not be loaded. <a href=${withBase(this.base, '/explorer/')}>All notes by folder</a></p>`
          : html`<ul role="tree" aria-label="Notes" @keydown=${this.#handleKeydown} @click=${this.#handleClick} @focusin=${this.#handleFocusIn}>
              ${this.#renderLevel('', tree ? tree.listings : this.listings, tree ? this.filterOpen : this.open, active)}
            </ul>`
      }`;
  }

  protected override updated(): void {
    if (!this.#scrollPending) return;
    this.#scrollPending = false;
    if (this.checkVisibility()) this.revealCurrent();
  }

  #scrollPending = false;

  #renderLevel(folder: string, listings: ReadonlyMap<string, FolderListing>, open: ReadonlySet<string>, active: string): unknown {
    const listing = listings.get(folder);
    if (!listing) return html`<li role="none" class="loading">Loading…</li>`;
    const level = folder === '' ? 1 : folder.split('/').length + 1;
    const size = listing.d.length + listing.n.length;
    const current = this.#currentUrl();
    return html`${listing.d.map(([name, count], i) => {
      const path = folder ? `${folder}/${name}` : name;
      const expanded = open.has(path);
      const key = 'd:' + path;
      return html`<li
        role="treeitem"
        class="folder"
        aria-expanded=${expanded ? 'true' : 'false'}
        aria-level=${level}
        aria-setsize=${size}
        aria-posinset=${i + 1}
        tabindex=${key === active ? 0 : -1}
        data-key=${key}
        data-path=${path}
      >
        <span class="row" style="--level:${level}"
          ><span class="chevron" aria-hidden="true"></span><span class="name">${name}</span><span class="count" aria-hidden="true">${count}</span></span
        >
        ${
          expanded
            ? html`<ul role="group">
                ${this.#renderLevel(path, listings, open, active)}
              </ul>`
            : nothing
        }
      </li>`;
    })}${listing.n.map(([name, packed], i) => {
      const url = unpackUrl(packed, folder);
      const key = 'n:' + url;
      const href = withBase(this.base, url);
      return html`<li role="none">
        <a
          role="treeitem"
          class="row leaf"
          style="--level:${level}"
          href=${href}
          aria-level=${level}
          aria-setsize=${size}
          aria-posinset=${listing.d.length + i + 1}
          tabindex=${key === active ? 0 : -1}
          data-key=${key}
          aria-current=${safeDecode(href) === current ? 'page' : nothing}
          >${name}</a
        >
      </li>`;
    })}`;
  }

  #status(tree: FilteredTree | undefined): string {
    if (this.query.trim() === '') return '';
    if (!tree) return 'Loading names…';
    if (tree.matches === 0) return 'No matches';
    const n = tree.matches;
    return tree.shown < n && tree.shown > 0 ? `${n} matches, first ${tree.shown} notes shown` : `${n} ${n === 1 ? 'match' : 'matches'}`;
  }

  #defaultKey(): string {
    const current = this.#currentUrl();
    const row = this.#rows.find((r) => r.kind === 'note' && safeDecode(withBase(this.base, r.url)) === current) ?? this.#rows[0];
    return row ? rowKey(row) : '';
  }

  #currentUrl(): string {
    const page = this.#store.value?.state.page;
    return page?.kind === 'note' ? safeDecode(page.url) : '';
  }

  /** Open the folders down to `folder` and load them; the note is scrolled into view once shown. */
  #reveal(folder: string): void {
    const chain = folderChain(folder).slice(1);
    if (chain.some((f) => !this.open.has(f))) {
      this.open = new Set([...this.open, ...chain]);
      writeOpen(this.open);
    }
    this.activeKey = '';
    this.#scrollPending = true;
    void this.#loadFolders(['', ...chain]).then(() => (this.#scrollPending = true));
  }

  async #loadFolders(folders: string[]): Promise<void> {
    const wanted = folders.filter((f) => !this.listings.has(f)).slice(0, 64);
    if (wanted.length === 0) return;
    const loaded = await Promise.all(
      wanted.map((f) =>
        this.#source!.folder(f).then(
          (l) => [f, l] as const,
          () => undefined,
        ),
      ),
    );
    const next = new Map(this.listings);
    for (const entry of loaded) if (entry) next.set(entry[0], entry[1]);
    this.listings = next;
    if (!next.has('')) this.failed = true;
    // Remembered open folders load once their parent's listing shows they still exist (no request for a folder since renamed).
    const children = [...this.open].filter((f) => !next.has(f) && next.get(dirName(f))?.d.some(([name]) => name === f.slice(f.lastIndexOf('/') + 1)));
    if (children.length > 0) await this.#loadFolders(children);
  }

  #setOpen(path: string, expanded: boolean): void {
    if (this.query.trim() !== '' && this.names) {
      const next = new Set(this.filterOpen);
      if (expanded) next.add(path);
      else next.delete(path);
      this.filterOpen = next;
      return;
    }
    const next = new Set(this.open);
    if (expanded) next.add(path);
    else for (const f of next) if (f === path || f.startsWith(path + '/')) next.delete(f);
    this.open = next;
    writeOpen(next);
    if (expanded) void this.#loadFolders([path]);
  }

  #applyFilter(): void {
    if (!this.names) return;
    const tree = filterTree(this.names, this.query);
    this.#filtered = { query: this.query, tree };
    this.filterOpen = tree.open;
  }

  async #focusRow(key: string): Promise<void> {
    this.activeKey = key;
    await this.updateComplete;
    for (const el of this.renderRoot.querySelectorAll<HTMLElement>('[data-key]')) if (el.dataset.key === key) el.focus();
  }

  readonly #handleInput = (e?: Event): void => {
    if (e) this.query = (e.target as HTMLInputElement).value;
    if (!this.names && this.query.trim() !== '')
      void this.#source!.names().then(
        (names) => {
          this.names = names;
          this.#applyFilter();
        },
        () => (this.failed = true),
      );
  };

  readonly #handleInputKey = (e: KeyboardEvent): void => {
    if (e.key === 'Escape' && this.query !== '') {
      e.stopPropagation();
      this.query = '';
    } else if (e.key === 'ArrowDown' && this.#rows.length > 0) {
      e.preventDefault();
      void this.#focusRow(rowKey(this.#rows[0]!));
    }
  };

  readonly #handleKeydown = (e: KeyboardEvent): void => {
    if (e.altKey || e.ctrlKey || e.metaKey) return;
    const from = this.#rows.findIndex((r) => rowKey(r) === (e.target as HTMLElement).dataset.key);
    if (e.key.length === 1 && e.key !== ' ') {
      const now = e.timeStamp;
      this.#typed = now - this.#typedAt < 600 ? this.#typed + e.key : e.key;
      this.#typedAt = now;
      const to = typeAhead(this.#rows, from, this.#typed);
      if (to >= 0) void this.#focusRow(rowKey(this.#rows[to]!));
      e.preventDefault();
      return;
    }
    const action = treeAction(this.#rows, from, e.key === ' ' && this.#rows[from]?.kind === 'folder' ? 'Enter' : e.key);
    if (action.kind === 'none') return;
    e.preventDefault();
    if (action.kind === 'focus') void this.#focusRow(rowKey(this.#rows[action.index]!));
    else if (action.kind === 'open') this.#setOpen(action.path, true);
    else if (action.kind === 'close') this.#setOpen(action.path, false);
    else (e.target as HTMLElement).click();
  };

  readonly #handleClick = (e: MouseEvent): void => {
    const row = (e.target as HTMLElement).closest<HTMLElement>('.row');
    const item = row?.closest<HTMLElement>('li.folder');
    if (!item || row!.parentElement !== item) return;
    this.#setOpen(item.dataset.path!, item.getAttribute('aria-expanded') !== 'true');
    this.activeKey = item.dataset.key!;
  };

  readonly #handleFocusIn = (e: FocusEvent): void => {
    const key = (e.target as HTMLElement).dataset.key;
    if (key && key !== this.activeKey) this.activeKey = key;
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'garden-explorer': GardenExplorer;
  }
}
