import type { ReactiveController } from 'lit';
import type { NoteData } from '../../src/shared/types.ts';
import type { GardenApp } from '../components/garden-app.ts';
import type { GardenNavigateEvent } from '../events/garden-navigate.ts';
import type { GardenNodeSelectEvent } from '../events/garden-node-select.ts';
import { anchorId, anchorIds } from '../lib/anchor-id.ts';
import { classifyLink } from '../lib/classify-link.ts';
import { readHistoryEntry, type HistoryEntry } from '../lib/read-history-entry.ts';
import { renderNoteArticle } from '../../src/shared/templates/render-note-article.ts';
import { renderToc } from '../../src/shared/templates/render-toc.ts';
import { withBase } from '../../src/shared/with-base.ts';
import type { PageState } from '../store/garden-store.ts';

/** Asked before the note on screen is left in place; resolves false to stay (the dev editor's unsaved text). */
export type LeaveGuard = () => Promise<boolean>;

/** The swappable parts of a page, kept for the entry the reader arrived on. */
interface Snapshot {
  title: string;
  main: string;
  toc: string;
  page: PageState;
}

/**
 * In-place navigation for `<garden-app>`: intercepts clicks on internal links
 * and `garden-navigate` requests, loads the target's index.json, swaps the
 * article and table of contents, and keeps history, scroll positions and
 * `#anchor` targets right. Pages that are not notes load normally. Leave
 * guards may refuse an in-place move; a refused Back or Forward is undone.
 */
export class NavigationController implements ReactiveController {
  readonly #host: GardenApp;
  #seq = 0;
  #key = '';
  /** Position of the current entry in the tab's history (unknown for entries made before this app). */
  #index?: number;
  #shownPath = '';
  #shownUrl = '';
  /** Key of the entry `history.go` returns to, undoing a refused Back or Forward. */
  #revertTo?: string;
  readonly #guards = new Set<LeaveGuard>();
  readonly #scroll = new Map<string, number>();
  readonly #snapshots = new Map<string, Snapshot>();

  constructor(host: GardenApp) {
    this.#host = host;
    host.addController(this);
  }

  hostConnected(): void {
    history.scrollRestoration = 'manual';
    const entry = readHistoryEntry(history.state);
    this.#key = entry?.key ?? newKey();
    // A page loaded fresh is the last entry of the tab's history.
    this.#index = entry ? entry.index : history.length - 1;
    if (!entry) this.#saveEntry();
    else if (entry.scrollY !== undefined) window.scrollTo(0, entry.scrollY);
    // The browser found no element for the fragment: it may name an id written in the note's HTML, which has a prefix.
    if (!entry && location.hash && !document.getElementById(anchorId(location.hash) ?? '')) scrollToAnchor(location.hash);
    this.#shownPath = location.pathname;
    this.#shownUrl = location.href;
    const snapshot = this.#takeSnapshot();
    if (snapshot) this.#snapshots.set(this.#key, snapshot);
    document.addEventListener('click', this.#handleClick);
    window.addEventListener('popstate', this.#handlePopState);
    window.addEventListener('pagehide', this.#handlePageHide);
    window.addEventListener('hashchange', this.#handleHashChange);
    this.#host.addEventListener('garden-navigate', this.#handleNavigate);
    this.#host.addEventListener('garden-node-select', this.#handleNodeSelect);
  }

  hostDisconnected(): void {
    document.removeEventListener('click', this.#handleClick);
    window.removeEventListener('popstate', this.#handlePopState);
    window.removeEventListener('pagehide', this.#handlePageHide);
    window.removeEventListener('hashchange', this.#handleHashChange);
    this.#host.removeEventListener('garden-navigate', this.#handleNavigate);
    this.#host.removeEventListener('garden-node-select', this.#handleNodeSelect);
  }

  /** Register a guard asked before every in-place move to another page; returns its remover. */
  addLeaveGuard(guard: LeaveGuard): () => void {
    this.#guards.add(guard);
    return () => this.#guards.delete(guard);
  }

  /** Show `target`: in place for notes (push adds a history entry, pop follows one), by a full load otherwise. */
  async navigate(target: URL, mode: 'push' | 'pop'): Promise<void> {
    const link = classifyLink(target, new URL(location.href), this.#host.base);
    this.#host.previews = [];
    if (link.kind === 'other') {
      location.assign(target.href);
      return;
    }
    if (link.kind === 'same-page' && mode === 'push') {
      this.#scroll.set(this.#key, window.scrollY);
      this.#pushKey();
      history.pushState(this.#entry(), '', target.href);
      scrollToAnchor(link.hash);
      return;
    }
    // Full loads above are left to the page's own `beforeunload` handlers.
    if (mode === 'push' && !(await this.#mayLeave())) return;
    const seq = ++this.#seq;
    const snapshot = mode === 'pop' ? this.#snapshots.get(this.#key) : undefined;
    let note: NoteData | undefined;
    if (!snapshot && link.kind === 'page') note = await this.#host.store.loadNote(link.path).catch(() => undefined);
    if (seq !== this.#seq) return;
    if (!snapshot && (!note || !this.#regions())) {
      if (mode === 'push') location.assign(target.href);
      else location.reload();
      return;
    }
    if (mode === 'push') {
      this.#scroll.set(this.#key, window.scrollY);
      this.#pushKey();
      history.pushState(this.#entry(), '', target.href);
    }
    if (snapshot) this.#restore(snapshot);
    else if (note) this.#show(note);
    this.#shownPath = new URL(target.href).pathname;
    this.#shownUrl = target.href;
    this.#placeView(mode, target.hash);
  }

  #show(note: NoteData): void {
    const regions = this.#regions();
    if (!regions) return;
    const base = this.#host.base;
    regions.main.innerHTML = renderNoteArticle(note, base);
    regions.toc.innerHTML = renderToc(note.headings);
    document.title = `${note.title} · ${siteTitle()}`;
    this.#host.pageKind = 'note';
    this.#host.store.setPage({ kind: 'note', id: note.id, url: withBase(base, note.url), title: note.title });
    this.#host.announcement = note.title;
    this.#host.pageShown();
  }

  #restore(snapshot: Snapshot): void {
    const regions = this.#regions();
    if (!regions) return;
    regions.main.innerHTML = snapshot.main;
    regions.toc.innerHTML = snapshot.toc;
    document.title = snapshot.title;
    this.#host.store.setPage(snapshot.page);
    this.#host.announcement = snapshot.title;
    this.#host.pageShown();
  }

  #placeView(mode: 'push' | 'pop', hash: string): void {
    const saved = mode === 'pop' ? (this.#scroll.get(this.#key) ?? readHistoryEntry(history.state)?.scrollY) : undefined;
    if (saved !== undefined) window.scrollTo(0, saved);
    else if (!scrollToAnchor(hash)) window.scrollTo(0, 0);
    if (mode === 'push') this.#regions()?.main.querySelector<HTMLElement>('h1')?.focus({ preventScroll: true });
  }

  #regions(): { main: HTMLElement; toc: HTMLElement } | undefined {
    const main = document.querySelector<HTMLElement>('main#main');
    const toc = document.querySelector<HTMLElement>('[data-region="toc"]');
    return main && toc ? { main, toc } : undefined;
  }

  #takeSnapshot(): Snapshot | undefined {
    const regions = this.#regions();
    if (!regions) return undefined;
    return { title: document.title, main: regions.main.innerHTML, toc: regions.toc.innerHTML, page: this.#host.store.state.page };
  }

  #entry(): HistoryEntry {
    return { trellis: 1, key: this.#key, ...(this.#index === undefined ? {} : { index: this.#index }) };
  }

  /** A new key for an entry about to be added after the current one. */
  #pushKey(): void {
    this.#key = newKey();
    if (this.#index !== undefined) this.#index++;
  }

  async #mayLeave(): Promise<boolean> {
    for (const guard of this.#guards) if (!(await guard())) return false;
    return true;
  }

  /** Show the entry Back or Forward reached, unless a guard refuses: then return to the entry on screen. */
  async #traverse(from: { key: string; index?: number }, to: HistoryEntry | undefined): Promise<void> {
    if (await this.#mayLeave()) return this.navigate(new URL(location.href), 'pop');
    this.#key = from.key;
    this.#index = from.index;
    if (from.index !== undefined && to?.index !== undefined && from.index !== to.index) {
      this.#revertTo = from.key;
      history.go(from.index - to.index);
      return;
    }
    // How far the browser moved is unknown: put the address on screen back as a new entry.
    this.#pushKey();
    history.pushState(this.#entry(), '', this.#shownUrl);
  }

  /** Record the current entry as ours, with the scroll position, for reloads and back/forward across documents. */
  #saveEntry(): void {
    history.replaceState({ ...this.#entry(), scrollY: window.scrollY }, '');
  }

  readonly #handleClick = (e: MouseEvent): void => {
    if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    const anchor = e.composedPath().find((n): n is HTMLAnchorElement => n instanceof HTMLAnchorElement);
    if (!anchor || anchor.hasAttribute('download') || (anchor.target && anchor.target !== '_self')) return;
    if (anchor.dataset.action === 'search') {
      e.preventDefault();
      this.#host.store.openSearch();
      return;
    }
    const target = new URL(anchor.href, location.href);
    // Anchors on this page (table of contents, skip link, footnotes) keep the browser's own
    // behaviour: :target, focus start point, a history entry that popstate then adopts.
    const kind = classifyLink(target, new URL(location.href), this.#host.base).kind;
    if (kind === 'same-page') this.#scroll.set(this.#key, window.scrollY);
    if (kind === 'other' || kind === 'same-page') return;
    e.preventDefault();
    void this.navigate(target, 'push');
  };

  readonly #handleNavigate = (e: GardenNavigateEvent): void => {
    void this.navigate(new URL(e.detail.url, location.href), 'push');
  };

  readonly #handleNodeSelect = (e: GardenNodeSelectEvent): void => {
    void this.navigate(new URL(withBase(this.#host.base, e.detail.url), location.href), 'push');
  };

  readonly #handlePopState = (e: PopStateEvent): void => {
    const entry = readHistoryEntry(e.state);
    const revertTo = this.#revertTo;
    this.#revertTo = undefined;
    // The undoing of a refused Back or Forward: the reader is back on the entry shown.
    if (revertTo !== undefined && entry?.key === revertTo) return;
    const from = { key: this.#key, index: this.#index };
    // Traversal: remember where the reader left the entry. A new entry made by the browser for
    // an anchor on this page has no state; its click already recorded the scroll position.
    if (entry) this.#scroll.set(this.#key, window.scrollY);
    if (entry) {
      this.#key = entry.key;
      this.#index = entry.index;
    } else this.#adopt();
    if (location.pathname === this.#shownPath) {
      const saved = this.#scroll.get(this.#key) ?? entry?.scrollY;
      if (saved !== undefined) window.scrollTo(0, saved);
      else if (!scrollToAnchor(location.hash)) window.scrollTo(0, 0);
      return;
    }
    void this.#traverse(from, entry);
  };

  readonly #handlePageHide = (): void => this.#saveEntry();

  readonly #handleHashChange = (): void => {
    if (!readHistoryEntry(history.state)) this.#adopt();
  };

  /** Give the current history entry (made by the browser) a key of ours. */
  #adopt(): void {
    this.#pushKey();
    this.#saveEntry();
  }
}

/** Scroll to the element a fragment names and mark it; false when there is none. */
function scrollToAnchor(hash: string): boolean {
  const target = anchorIds(hash)
    .map((id) => document.getElementById(id))
    .find((el) => el !== null);
  document.querySelector('.is-target')?.classList.remove('is-target');
  if (!target) return false;
  target.classList.add('is-target');
  target.scrollIntoView({ block: 'start' });
  return true;
}

function siteTitle(): string {
  return document.querySelector('.site-title')?.textContent?.trim() ?? '';
}

function newKey(): string {
  return Math.random().toString(36).slice(2, 10);
}
