import { LitElement, css, html } from 'lit';
import { customElement } from 'lit/decorators.js';
import { nextTheme } from '../../src/shared/theme.ts';
import { StoreController } from '../store/store-controller.ts';

/**
 * A button that switches between the light and dark theme. The choice is kept
 * in the store (and so persisted); until the reader chooses, the system theme
 * applies. Without JavaScript the element stays empty and CSS follows the system.
 *
 * @csspart button - The toggle button.
 */
@customElement('garden-theme-toggle')
export class GardenThemeToggle extends LitElement {
  static override styles = css`
    :host {
      display: inline-flex;
    }
    button {
      display: inline-grid;
      place-items: center;
      width: 2.25rem;
      height: 2.25rem;
      padding: 0;
      border: 1px solid transparent;
      border-radius: 8px;
      background: transparent;
      color: var(--muted);
      cursor: pointer;
    }
    button:hover {
      color: var(--text);
      background: var(--hover);
    }
    button:focus-visible {
      outline: 2px solid var(--accent);
      outline-offset: 2px;
    }
    svg {
      width: 1.15rem;
      height: 1.15rem;
      fill: none;
      stroke: currentColor;
      stroke-width: 1.8;
      stroke-linecap: round;
      stroke-linejoin: round;
    }
  `;

  readonly #store = new StoreController(this);

  protected override render(): unknown {
    const dark = this.#store.value?.state.theme === 'dark';
    return html`<button
      part="button"
      type="button"
      aria-label="Dark theme"
      aria-pressed=${dark ? 'true' : 'false'}
      title=${dark ? 'Switch to the light theme' : 'Switch to the dark theme'}
      @click=${this.#handleClick}
    >
      ${
        dark
          ? html`<svg viewBox="0 0 24 24" aria-hidden="true"><path d="M20 14.5A8 8 0 0 1 9.5 4 8 8 0 1 0 20 14.5Z"></path></svg>`
          : html`<svg viewBox="0 0 24 24" aria-hidden="true">
              <circle cx="12" cy="12" r="4"></circle>
              <path d="M12 2v2M12 20v2M4.9 4.9l1.4 1.4M17.7 17.7l1.4 1.4M2 12h2M20 12h2M4.9 19.1l1.4-1.4M17.7 6.3l1.4-1.4"></path>
            </svg>`
      }
    </button>`;
  }

  readonly #handleClick = (): void => {
    const store = this.#store.value;
    if (store) store.setTheme(nextTheme(store.state.theme));
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'garden-theme-toggle': GardenThemeToggle;
  }
}
