import { css } from 'lit';

/** Styles of `<garden-search>`; colours come from the page's theme custom properties. */
export const searchStyles = css`
  dialog {
    width: min(40rem, calc(100vw - 2rem));
    max-height: min(36rem, calc(100vh - 4rem));
    margin: 12vh auto auto;
    padding: 0;
    border: 1px solid var(--border);
    border-radius: 14px;
    background: var(--surface);
    color: var(--text);
    box-shadow: var(--shadow-lg);
    font-family: var(--font-ui);
    overflow: hidden;
  }
  dialog::backdrop {
    background: var(--backdrop);
    backdrop-filter: blur(2px);
  }
  .panel {
    display: flex;
    flex-direction: column;
    max-height: inherit;
  }
  .field {
    display: flex;
    align-items: center;
    gap: 0.75rem;
    padding: 0.9rem 1.1rem;
    border-bottom: 1px solid var(--border);
  }
  svg {
    width: 1.2rem;
    height: 1.2rem;
    flex: none;
    fill: none;
    stroke: var(--muted);
    stroke-width: 2;
    stroke-linecap: round;
  }
  input {
    flex: 1;
    min-width: 0;
    border: 0;
    outline: 0;
    background: transparent;
    color: inherit;
    font: inherit;
    font-size: 1.15rem;
  }
  input::-webkit-search-cancel-button {
    display: none;
  }
  kbd {
    font-family: var(--font-mono);
    font-size: 0.72rem;
    padding: 0.1rem 0.35rem;
    border: 1px solid var(--border);
    border-bottom-width: 2px;
    border-radius: 5px;
    color: var(--muted);
    background: var(--bg);
  }
  ul {
    list-style: none;
    margin: 0;
    padding: 0.4rem;
    overflow-y: auto;
    overscroll-behavior: contain;
  }
  li {
    display: flex;
    flex-direction: column;
    gap: 0.2rem;
    padding: 0.6rem 0.8rem;
    border-radius: 9px;
    cursor: pointer;
  }
  li[aria-selected='true'] {
    background: var(--accent-soft);
  }
  .hit-title {
    font-weight: 600;
    color: var(--text);
  }
  li[aria-selected='true'] .hit-title {
    color: var(--accent);
  }
  .hit-heading {
    font-weight: 500;
    color: var(--muted);
  }
  .hit-snippet {
    font-size: 0.88rem;
    line-height: 1.5;
    color: var(--muted);
    display: -webkit-box;
    -webkit-line-clamp: 2;
    -webkit-box-orient: vertical;
    overflow: hidden;
  }
  mark {
    background: var(--mark);
    color: var(--text);
    border-radius: 3px;
    padding: 0 0.1em;
  }
  .status {
    margin: 0;
    padding: 0 1.2rem;
    font-size: 0.85rem;
    color: var(--muted);
  }
  .status:not(:empty) {
    padding-block: 0.7rem;
  }
  .more-row {
    display: flex;
    align-items: center;
    justify-content: space-between;
    gap: 1rem;
  }
  .more {
    margin: 0.4rem 1.2rem 0.4rem 0;
    padding: 0.3rem 0.8rem;
    font: inherit;
    font-size: 0.85rem;
    color: var(--accent);
    background: transparent;
    border: 1px solid var(--border);
    border-radius: 999px;
    cursor: pointer;
  }
  .more:hover,
  .more:focus-visible {
    background: var(--accent-soft);
  }
  .more[hidden] {
    display: none;
  }
  .hints {
    display: flex;
    gap: 1.2rem;
    padding: 0.6rem 1.1rem;
    border-top: 1px solid var(--border);
    font-size: 0.78rem;
    color: var(--muted);
    background: var(--bg);
  }
  .hints kbd {
    margin-right: 0.2rem;
  }
  @media (max-width: 600px) {
    dialog {
      margin-top: 0.5rem;
    }
    .hints {
      display: none;
    }
  }
`;
