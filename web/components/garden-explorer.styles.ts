import { css } from 'lit';

/** Styles of `<garden-explorer>`: compact rows indented by level, a chevron per folder, the current note marked. */
export const explorerStyles = css`
  :host {
    display: block;
    font-family: var(--font-ui);
    font-size: 0.875rem;
    line-height: 1.35;
  }
  .filter {
    position: sticky;
    top: 0;
    z-index: 1;
    padding: 3px 3px 0.5rem;
    background: var(--bg);
  }
  input {
    box-sizing: border-box;
    width: 100%;
    min-height: 2.25rem;
    padding: 0.4rem 0.6rem;
    border: 1px solid var(--border);
    border-radius: 8px;
    background: var(--surface);
    color: var(--text);
    font: inherit;
  }
  input:focus-visible {
    outline: 2px solid var(--accent);
    outline-offset: 1px;
  }
  .status {
    margin: 0;
    font-size: 0.75rem;
    color: var(--muted);
  }
  .status:not(:empty) {
    margin-bottom: 0.35rem;
  }
  ul {
    margin: 0;
    padding: 0;
    list-style: none;
  }
  li {
    margin: 0;
  }
  .row {
    box-sizing: border-box;
    display: flex;
    align-items: center;
    gap: 0.3rem;
    min-height: 1.85rem;
    padding: 0.15rem 0.4rem 0.15rem calc(0.4rem + (var(--level) - 1) * 0.9rem);
    border-radius: 6px;
    color: var(--text);
    text-decoration: none;
    cursor: pointer;
    user-select: none;
  }
  a.row {
    padding-left: calc(1.45rem + (var(--level) - 1) * 0.9rem);
  }
  .row:hover {
    color: var(--text);
    background: var(--hover);
  }
  [role='treeitem'] {
    outline: none;
  }
  a[role='treeitem']:focus-visible,
  li[role='treeitem']:focus-visible > .row {
    outline: 2px solid var(--accent);
    outline-offset: -2px;
  }
  .folder > .row {
    color: var(--text);
    font-weight: 550;
  }
  .name {
    min-width: 0;
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
  }
  a.row {
    overflow-wrap: anywhere;
  }
  .chevron {
    flex: none;
    width: 0.8rem;
    height: 0.8rem;
    background: var(--faint);
    mask: url("data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 16 16' fill='none' stroke='black' stroke-width='2' stroke-linecap='round' stroke-linejoin='round'%3E%3Cpath d='m6 3.5 4.5 4.5L6 12.5'/%3E%3C/svg%3E")
      center / contain no-repeat;
    transition: transform 0.12s ease;
  }
  [aria-expanded='true'] > .row > .chevron {
    transform: rotate(90deg);
  }
  .count {
    margin-left: auto;
    padding-left: 0.5rem;
    font-size: 0.72rem;
    font-weight: 400;
    color: var(--faint);
    font-variant-numeric: tabular-nums;
  }
  a[aria-current='page'] {
    color: var(--accent);
    background: var(--accent-soft);
    font-weight: 600;
  }
  .loading,
  .failed {
    padding: 0.3rem 0.4rem;
    color: var(--faint);
    font-size: 0.8rem;
  }
  .failed a {
    color: var(--accent);
  }
  @media (max-width: 79.99rem) {
    :host {
      font-size: 1rem;
    }
    .row {
      min-height: 2.75rem;
    }
    input {
      min-height: 2.75rem;
    }
  }
  @media (prefers-reduced-motion: reduce) {
    .chevron {
      transition: none;
    }
  }
`;
