import { provide } from '@lit/context';
import { LitElement, html, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { NoteId } from '../../src/shared/types.ts';
import { NavigationController, type LeaveGuard } from '../controllers/navigation-controller.ts';
import { PreviewController, type PreviewState } from '../controllers/preview-controller.ts';
import { enhanceArticle } from '../enhance/enhance-article.ts';
import { redrawMermaid } from '../enhance/observe-mermaid.ts';
import { trackToc } from '../enhance/track-toc.ts';
import { foldToc } from '../enhance/fold-toc.ts';
import type { GardenSearchCloseEvent } from '../events/garden-search-close.ts';
import { isSearchShortcut } from '../lib/is-search-shortcut.ts';
import { GardenStore, type PageState } from '../store/garden-store.ts';
import { storeContext } from '../store/store-context.ts';
import './garden-preview.ts';
import './garden-search.ts';

/**
 * Root of the reading app. Wraps the prerendered page (rendered in light DOM,
 * so the page keeps its markup and styles), owns the single `GardenStore`,
 * and adds in-place navigation, hover previews, the search dialog and the
 * keyboard shortcuts `/` and Ctrl/Cmd-K.
 *
 * @property base - Site base path (`/` or `/garden/`), from the `base` attribute.
 * @property pageKind - What the prerendered page is (`note`, `tag`, `graph`…), from `page-kind`.
 * @property mathCss - URL of the KaTeX stylesheet, linked when a page with math is shown in place.
 * @property localGraphOpen - The site opens the local graph by default (configuration `features.localGraphOpen`), from `local-graph-open`.
 */
@customElement('garden-app')
export class GardenApp extends LitElement {
  @property() base = '/';
  @property({ attribute: 'page-kind' }) pageKind = 'note';
  @property({ attribute: 'math-css' }) mathCss?: string;
  @property({ type: Boolean, attribute: 'local-graph-open' }) localGraphOpen = false;

  @provide({ context: storeContext }) store!: GardenStore;

  /** Open hover previews, outermost first (local UI state of the preview controller). */
  @state() previews: PreviewState[] = [];
  /** Text announced to screen readers after an in-place navigation. */
  @state() announcement = '';

  readonly #navigation = new NavigationController(this);
  readonly #previewController = new PreviewController(this);
  readonly #darkQuery = window.matchMedia('(prefers-color-scheme: dark)');
  #stopToc?: () => void;

  protected override createRenderRoot(): HTMLElement {
    return this;
  }

  override connectedCallback(): void {
    this.store = new GardenStore(this.base, readPage(this.pageKind), {
      fetch: (url) => fetch(url),
      storage: safeLocalStorage(),
      systemDark: this.#darkQuery.matches,
      localGraphOpen: this.localGraphOpen,
    });
    this.store.addEventListener('change', this.#handleStoreChange);
    super.connectedCallback();
    document.addEventListener('keydown', this.#handleKeydown);
    this.#darkQuery.addEventListener('change', this.#handleSystemTheme);
    this.#applyTheme();
    this.pageShown();
    if (this.pageKind === 'search') this.store.openSearch(new URL(location.href).searchParams.get('q') ?? '');
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.store.removeEventListener('change', this.#handleStoreChange);
    document.removeEventListener('keydown', this.#handleKeydown);
    this.#darkQuery.removeEventListener('change', this.#handleSystemTheme);
    this.#stopToc?.();
  }

  /** Show the page at `url` (base path included, `#anchor` allowed), in place when it is a note. */
  navigate(url: string): Promise<void> {
    return this.#navigation.navigate(new URL(url, location.href), 'push');
  }

  /** Ask `guard` before every in-place move to another page (it resolves false to stay); returns its remover. */
  addLeaveGuard(guard: LeaveGuard): () => void {
    return this.#navigation.addLeaveGuard(guard);
  }

  /** Enhance the page's main article and track its table of contents; called after every page change. */
  pageShown(): void {
    this.#stopToc?.();
    const main = this.querySelector<HTMLElement>('main#main');
    if (!main) return;
    const page = this.store.state.page.url;
    enhanceArticle(main, {
      mathCss: this.mathCss,
      backlinks: { basePath: this.base, load: async () => (await this.store.loadNote(page)).backlinks },
    });
    const toc = this.querySelector<HTMLElement>('[data-region="toc"]');
    const stopTracking = toc ? trackToc(main, toc) : undefined;
    const stopFolding = toc ? foldToc(toc) : undefined;
    this.#stopToc = () => {
      stopTracking?.();
      stopFolding?.();
    };
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('previews') && this.previews.length === 0) this.#previewController.reset();
  }

  protected override render(): unknown {
    const { search } = this.store.state;
    return html`
      <garden-search .open=${search.open} .query=${search.query} .base=${this.base} @garden-search-close=${this.#handleSearchClose}></garden-search>
      ${this.previews.map(
        (p) =>
          html`<garden-preview
            .note=${p.note}
            .hash=${p.hash}
            .anchorBox=${p.box}
            .level=${p.level}
            .base=${this.base}
            .mathCss=${this.mathCss}
          ></garden-preview>`,
      )}
      <div class="visually-hidden" role="status" aria-live="polite">${this.announcement}</div>
    `;
  }

  readonly #handleStoreChange = (): void => {
    if (this.#applyTheme()) redrawMermaid(document);
    this.requestUpdate();
  };

  readonly #handleSearchClose = (e: GardenSearchCloseEvent): void => {
    this.store.closeSearch(e.detail.query);
  };

  readonly #handleSystemTheme = (e: MediaQueryListEvent): void => this.store.setSystemDark(e.matches);

  readonly #handleKeydown = (e: KeyboardEvent): void => {
    const target = e.composedPath()[0];
    const inTextField = target instanceof HTMLElement && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));
    if (e.key === 'Escape' && this.previews.length > 0) {
      this.previews = [];
      return;
    }
    if (this.store.state.search.open) return;
    if (!isSearchShortcut({ key: e.key, ctrlKey: e.ctrlKey, metaKey: e.metaKey, altKey: e.altKey, inTextField })) return;
    e.preventDefault();
    this.store.openSearch();
  };

  /** Put the store's theme on `<html>`; true when it changed. */
  #applyTheme(): boolean {
    const root = document.documentElement;
    if (root.dataset.theme === this.store.state.theme) return false;
    root.dataset.theme = this.store.state.theme;
    return true;
  }
}

function readPage(kind: string): PageState {
  const article = document.querySelector<HTMLElement>('main article.note[data-note-id]');
  if (kind === 'note' && article) {
    const title = article.querySelector('h1')?.textContent ?? document.title;
    return { kind: 'note', id: article.dataset.noteId as NoteId, url: location.pathname, title };
  }
  return { kind: 'other', url: location.pathname };
}

function safeLocalStorage(): Storage | undefined {
  try {
    return window.localStorage;
  } catch {
    return undefined;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'garden-app': GardenApp;
  }
}
