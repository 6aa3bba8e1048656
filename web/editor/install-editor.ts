/**
 * Dev-mode entry of the editor, imported by web/main.ts only behind
 * `if (import.meta.hot)`, so production bundles never contain it. Adds the
 * dev toolbar to `<garden-app>` and forwards `garden:update` to it.
 */
import './garden-dev-bar.ts';

const pageCss = `
html.is-editing body { padding-right: var(--garden-editor-width, 50vw); }
html.is-editing .layout[data-layout='note'] { grid-template-columns: minmax(0, 1fr); }
html.is-editing .layout[data-layout='note'] .sidebar { display: none; }
@media (max-width: 800px) {
  html.is-editing { --garden-editor-width: 100vw; }
  html.is-editing body { padding-right: 0; }
}
`;

/** Mount the editor's toolbar and keep it in step with the dev server. */
export function installEditor(hot: NonNullable<ImportMeta['hot']>): void {
  const app = document.querySelector('garden-app');
  if (!app) return;
  const style = document.createElement('style');
  style.dataset.trellis = 'editor';
  style.textContent = pageCss;
  document.head.append(style);
  const bar = document.createElement('garden-dev-bar');
  bar.app = app;
  app.append(bar);
  hot.on('garden:update', (update) => void bar.handleUpdate(update));
}
