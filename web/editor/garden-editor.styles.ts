import { css } from 'lit';

/** Styles of `<garden-editor>`: a panel docked to the right of the page, which stays visible as the preview. */
export const editorStyles = css`
  :host {
    position: fixed;
    z-index: 40;
    top: 0;
    right: 0;
    bottom: 0;
    width: var(--garden-editor-width, 50vw);
    display: flex;
    flex-direction: column;
    gap: 0.5rem;
    padding: 0.6rem 0.75rem;
    box-sizing: border-box;
    background: var(--surface, #fff);
    color: var(--text, #222);
    border-left: 1px solid var(--border, #ddd);
    box-shadow: var(--shadow-lg, none);
    font-family: var(--font-ui, system-ui, sans-serif);
  }
  header {
    display: flex;
    align-items: center;
    gap: 0.5rem;
    font-size: 0.85rem;
  }
  .path {
    flex: 1;
    min-width: 0;
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
    font-family: var(--font-mono, monospace);
    color: var(--muted, #666);
  }
  .status {
    padding: 0.15rem 0.55rem;
    border-radius: 999px;
    background: var(--accent-soft, #e6f2ee);
    color: var(--accent, #2e6c5b);
    white-space: nowrap;
  }
  .status[data-status='dirty'],
  .status[data-status='saving'] {
    background: #fff4d6;
    color: #8a5a00;
  }
  .status[data-status='conflict'],
  .status[data-status='deleted'],
  .status[data-status='error'] {
    background: #fde2e1;
    color: #a11d1d;
  }
  button {
    font: inherit;
    padding: 0.25rem 0.7rem;
    border-radius: 6px;
    border: 1px solid var(--border, #ccc);
    background: var(--bg, #fff);
    color: inherit;
    cursor: pointer;
  }
  button.save {
    background: var(--accent, #2e6c5b);
    border-color: var(--accent, #2e6c5b);
    color: var(--on-accent, #fff);
  }
  button:disabled {
    opacity: 0.45;
    cursor: not-allowed;
  }
  .deleted {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5rem 0.75rem;
    padding: 0.6rem 0.75rem;
    border: 2px solid #a11d1d;
    border-radius: 8px;
    font-size: 0.875rem;
    line-height: 1.4;
  }
  .deleted p {
    flex: 1 1 18rem;
    margin: 0;
  }
  .cm-host {
    flex: 1;
    min-height: 0;
    display: flex;
    border: 1px solid var(--border, #ddd);
    border-radius: 8px;
    overflow: hidden;
    background: var(--bg, #fff);
  }
  .cm-host .cm-editor {
    flex: 1;
    height: 100%;
  }
  .cm-host .cm-scroller {
    font: 0.95rem/1.6 var(--font-mono, monospace);
  }
  .cm-host .cm-content {
    padding: 0.75rem 0;
  }
  .cm-host .cm-line {
    padding: 0 0.9rem;
  }
  .cm-host .cm-editor.cm-focused {
    outline: none;
  }
  .hint,
  .error {
    margin: 0;
    font-size: 0.78rem;
    color: var(--muted, #666);
  }
  .error {
    color: #a11d1d;
  }
  kbd {
    font: 0.75rem var(--font-mono, monospace);
    padding: 0 0.25rem;
    border: 1px solid var(--border, #ccc);
    border-radius: 4px;
  }
`;
