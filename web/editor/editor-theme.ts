import { EditorView } from '@codemirror/view';

/** The editor's look, from the site's design tokens: tooltips, completion list, cursor and selection. */
export const editorTheme = EditorView.theme({
  '&': { color: 'var(--text, #222)', backgroundColor: 'var(--bg, #fff)' },
  '.cm-cursor': { borderLeftColor: 'var(--text, #222)' },
  '.cm-activeLine': { backgroundColor: 'var(--hover, rgba(0,0,0,0.04))' },
  '&.cm-focused .cm-selectionBackground, .cm-selectionBackground': { backgroundColor: 'var(--accent-soft, #d7ebe5)' },
  '.cm-tooltip': {
    border: '1px solid var(--border, #ddd)',
    borderRadius: '8px',
    backgroundColor: 'var(--surface, #fff)',
    color: 'var(--text, #222)',
    boxShadow: 'var(--shadow-lg, 0 8px 24px rgba(0,0,0,0.15))',
    overflow: 'hidden',
  },
  '.cm-tooltip.cm-tooltip-autocomplete > ul': {
    fontFamily: 'var(--font-ui, system-ui, sans-serif)',
    fontSize: '0.875rem',
    maxHeight: '16rem',
    minWidth: '16rem',
    padding: '0.25rem',
  },
  '.cm-tooltip.cm-tooltip-autocomplete > ul > li': { padding: '0.3rem 0.6rem', borderRadius: '5px', lineHeight: '1.35' },
  '.cm-tooltip.cm-tooltip-autocomplete > ul > li[aria-selected]': {
    backgroundColor: 'var(--accent, #2e6c5b)',
    color: 'var(--on-accent, #fff)',
  },
  '.cm-completionDetail': { marginLeft: '0.75rem', fontStyle: 'normal', fontSize: '0.78rem', opacity: '0.7' },
  '.cm-completionMatchedText': { textDecoration: 'none', fontWeight: '650' },
});
