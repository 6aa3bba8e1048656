import type { GardenExplorer } from './garden-explorer.ts';
import './garden-explorer.ts';

/** Wide enough for the explorer to stand as a column beside the article (layout.css uses the same width). */
const columnQuery = '(min-width: 80rem)';

/**
 * The explorer's panel around the prerendered sidebar markup: a column on wide
 * screens, a drawer on narrow ones (and on wide-layout pages such as the graph).
 * The header's explorer link (a link to the folder tree page without
 * JavaScript) becomes the button that opens the drawer. While the drawer is
 * open the rest of the page is inert and Tab stays inside it; Escape, the close
 * button, the backdrop or following a link closes it, and focus returns to the
 * button.
 */
export class GardenExplorerPanel extends HTMLElement {
  #toggle?: HTMLAnchorElement | null;
  #close?: HTMLButtonElement | null;
  #inert: HTMLElement[] = [];
  readonly #column = window.matchMedia(columnQuery);

  connectedCallback(): void {
    this.#toggle = document.querySelector<HTMLAnchorElement>('a.explorer-toggle');
    this.#close = this.querySelector<HTMLButtonElement>('.explorer-close');
    if (this.#toggle) {
      this.#toggle.setAttribute('role', 'button');
      this.#toggle.setAttribute('aria-controls', this.id);
      this.#toggle.setAttribute('aria-expanded', 'false');
      this.#toggle.addEventListener('click', this.#handleToggle);
      this.#toggle.addEventListener('keydown', this.#handleToggleKey);
    }
    if (this.#close) {
      this.#close.hidden = false;
      this.#close.addEventListener('click', this.#handleClose);
    }
    this.addEventListener('keydown', this.#handleKeydown);
    this.addEventListener('click', this.#handleClick);
    this.#column.addEventListener('change', this.#handleClose);
  }

  disconnectedCallback(): void {
    this.#toggle?.removeEventListener('click', this.#handleToggle);
    this.#toggle?.removeEventListener('keydown', this.#handleToggleKey);
    this.#close?.removeEventListener('click', this.#handleClose);
    this.removeEventListener('keydown', this.#handleKeydown);
    this.removeEventListener('click', this.#handleClick);
    this.#column.removeEventListener('change', this.#handleClose);
    this.close();
  }

  /** Whether the drawer is open. */
  get isOpen(): boolean {
    return this.hasAttribute('data-open');
  }

  /** Open the drawer: the rest of the page goes inert and focus moves to the tree's current row, else the filter. */
  open(): void {
    if (this.isOpen) return;
    this.setAttribute('data-open', '');
    this.#toggle?.setAttribute('aria-expanded', 'true');
    // Everything outside the panel: its siblings and those of every ancestor up to <body>.
    this.#inert = [];
    for (let node: HTMLElement | null = this as HTMLElement; node && node !== document.body; node = node.parentElement) {
      for (const sibling of node.parentElement?.children ?? []) {
        if (sibling !== node && sibling instanceof HTMLElement && !sibling.inert && sibling.tagName !== 'SCRIPT') {
          sibling.inert = true;
          this.#inert.push(sibling);
        }
      }
    }
    document.documentElement.classList.add('explorer-open');
    const explorer = this.#explorer();
    requestAnimationFrame(() => {
      explorer?.revealCurrent();
      const stops = explorer?.tabStops() ?? [];
      (stops[1] ?? stops[0] ?? this.#close)?.focus();
    });
  }

  /** Close the drawer; focus goes back to the explorer button when `refocus`. */
  close(refocus = false): void {
    if (!this.isOpen) return;
    this.removeAttribute('data-open');
    this.#toggle?.setAttribute('aria-expanded', 'false');
    for (const el of this.#inert) el.inert = false;
    this.#inert = [];
    document.documentElement.classList.remove('explorer-open');
    if (refocus) this.#toggle?.focus();
  }

  #explorer(): GardenExplorer | null {
    return this.querySelector('garden-explorer');
  }

  /** Whether the panel is a drawer now (narrow screen, a page without the column, or the dev editor open beside the article). */
  #isDrawer(): boolean {
    const editing = document.documentElement.classList.contains('is-editing');
    return editing || !this.#column.matches || this.closest('.layout')?.getAttribute('data-layout') !== 'note';
  }

  /** The panel's Tab stops, in order, shadow roots included. */
  #tabStops(): HTMLElement[] {
    const own = [...this.querySelectorAll<HTMLElement>('.explorer-close, .explorer-site-links a')].filter((el) => el.checkVisibility());
    return [...own, ...(this.#explorer()?.tabStops() ?? [])];
  }

  readonly #handleToggle = (e: MouseEvent): void => {
    if (!this.#isDrawer() || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    e.preventDefault();
    if (this.isOpen) this.close(true);
    else this.open();
  };

  /** A link acting as a button answers Space too. */
  readonly #handleToggleKey = (e: KeyboardEvent): void => {
    if (e.key !== ' ' || !this.#isDrawer()) return;
    e.preventDefault();
    this.#toggle?.click();
  };

  readonly #handleClose = (): void => this.close(true);

  readonly #handleKeydown = (e: KeyboardEvent): void => {
    if (!this.isOpen) return;
    if (e.key === 'Escape') {
      e.preventDefault();
      this.close(true);
      return;
    }
    if (e.key !== 'Tab') return;
    const stops = this.#tabStops();
    let active = document.activeElement;
    while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
    const at = stops.indexOf(active as HTMLElement);
    const next = e.shiftKey ? (at <= 0 ? stops.length - 1 : at - 1) : at < 0 || at === stops.length - 1 ? 0 : at + 1;
    e.preventDefault();
    stops[next]?.focus();
  };

  readonly #handleClick = (e: MouseEvent): void => {
    if (!this.isOpen) return;
    // The backdrop is the panel itself, outside its inner box.
    if (e.target === this) return this.close(true);
    // A followed link shows another page: the drawer has done its work.
    if (e.composedPath().some((n) => n instanceof HTMLAnchorElement)) this.close(false);
  };
}

customElements.define('garden-explorer-panel', GardenExplorerPanel);

declare global {
  interface HTMLElementTagNameMap {
    'garden-explorer-panel': GardenExplorerPanel;
  }
}
