import { css } from 'lit';
import { visuallyHiddenStyles } from './visually-hidden.styles.ts';

/** Form styles shared by the graph page's side panels. */
export const graphPanelStyles = [
  visuallyHiddenStyles,
  css`
    :host {
      display: block;
      font-family: var(--font-ui);
      font-size: 0.875rem;
      color: var(--text);
    }
    .group {
      display: grid;
      gap: 0.35rem;
      margin: 0 0 1.1rem;
      padding: 0;
      border: 0;
      min-width: 0;
    }
    legend,
    label:not(.visually-hidden) {
      font-size: 0.72rem;
      font-weight: 600;
      letter-spacing: 0.08em;
      text-transform: uppercase;
      color: var(--muted);
    }
    legend {
      margin-bottom: 0.35rem;
      padding: 0;
    }
    fieldset label:not(.visually-hidden) {
      margin-top: 0.25rem;
      text-transform: none;
      letter-spacing: 0;
      font-size: 0.8rem;
    }
    input,
    select {
      width: 100%;
      box-sizing: border-box;
      padding: 0.4rem 0.55rem;
      border: 1px solid var(--border);
      border-radius: 7px;
      background: var(--bg);
      color: var(--text);
      font: inherit;
    }
    input:focus-visible,
    select:focus-visible,
    button:focus-visible {
      outline: 2px solid var(--accent);
      outline-offset: 1px;
    }
    .row {
      display: flex;
      gap: 0.4rem;
    }
    button {
      padding: 0.35rem 0.7rem;
      border: 1px solid var(--accent);
      border-radius: 7px;
      background: var(--accent);
      color: var(--on-accent);
      font: inherit;
      cursor: pointer;
    }
    button.quiet {
      border-color: var(--border);
      background: transparent;
      color: var(--muted);
    }
    .status {
      margin: 0.2rem 0 0;
      color: var(--muted);
    }
  `,
];
