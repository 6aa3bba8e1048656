/**
 * Entry of the reading app, loaded by every page. Defines the elements the
 * prerendered pages use; the graph page's element, sigma, graphology, search
 * and mermaid are loaded on demand.
 */
import './styles/index.css';
import './components/garden-app.ts';
import './components/garden-theme-toggle.ts';
import './components/garden-local-graph.ts';

document.documentElement.classList.add('js');
if (document.querySelector('garden-graph-view')) void import('./components/garden-graph-view.ts');
