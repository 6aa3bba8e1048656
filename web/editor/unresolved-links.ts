import { RangeSetBuilder, type Extension } from '@codemirror/state';
import { Decoration, EditorView, ViewPlugin, type DecorationSet, type ViewUpdate } from '@codemirror/view';
import { findWikiLinks } from '../lib/editor-find-links.ts';
import { resolveTarget } from '../lib/editor-resolve-target.ts';
import { inCode } from './in-code.ts';
import { indexField } from './index-field.ts';
import { notePath } from './note-path.ts';

const resolved = Decoration.mark({ class: 'cm-wiki-link' });

/** Marks every `[[link]]` of the visible text; those whose target matches no note or attachment are underlined as unresolved. */
export function unresolvedLinks(): Extension {
  return [
    ViewPlugin.fromClass(
      class {
        decorations: DecorationSet;
        constructor(view: EditorView) {
          this.decorations = decorate(view);
        }
        update(update: ViewUpdate): void {
          const indexChanged = update.startState.field(indexField) !== update.state.field(indexField);
          if (update.docChanged || update.viewportChanged || indexChanged) this.decorations = decorate(update.view);
        }
      },
      { decorations: (plugin) => plugin.decorations },
    ),
    EditorView.baseTheme({
      '.cm-wiki-link': { color: 'var(--garden-editor-link, #2563eb)' },
      '.cm-unresolved-link': { textDecoration: 'underline wavy #dc2626', textUnderlineOffset: '3px', color: '#b91c1c' },
    }),
  ];
}

function decorate(view: EditorView): DecorationSet {
  const builder = new RangeSetBuilder<Decoration>();
  const index = view.state.field(indexField);
  const source = view.state.facet(notePath)();
  for (const { from, to } of view.visibleRanges) {
    const start = view.state.doc.lineAt(from).from;
    const end = view.state.doc.lineAt(to).to;
    for (const link of findWikiLinks(view.state.sliceDoc(start, end), start)) {
      if (inCode(view.state, link.from + (link.embed ? 2 : 1))) continue;
      const missing = index.notes.length > 0 && link.target !== '' && resolveTarget(link.target, index, source).kind === 'missing';
      const mark = missing ? Decoration.mark({ class: 'cm-unresolved-link', attributes: { title: `No note “${link.target}”; hover to create it` } }) : resolved;
      builder.add(link.from, link.to, mark);
    }
  }
  return builder.finish();
}
