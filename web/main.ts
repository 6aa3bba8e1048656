/**
 * Entry of the reading app, loaded by every page. Defines the elements the
 * prerendered pages use; the graph page's element, sigma, graphology, search
 * and mermaid are loaded on demand.
 */
import './styles/index.css';
import './components/garden-app.ts';
import './components/garden-theme-toggle.ts';
import './components/garden-local-graph.ts';
import './components/garden-explorer-panel.ts';
import './canvas/garden-canvas.ts';

document.documentElement.classList.add('js');
if (document.querySelector('garden-graph-view')) void import('./components/garden-graph-view.ts');
// Dev mode only: Vite removes this branch from production bundles, so they never load the editor.
if (import.meta.hot) {
  const hot = import.meta.hot;
  void import('./editor/install-editor.ts').then((editor) => editor.installEditor(hot));
}
