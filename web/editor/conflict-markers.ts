import { RangeSetBuilder, type Extension, type Text } from '@codemirror/state';
import { Decoration, EditorView, ViewPlugin, type DecorationSet, type ViewUpdate } from '@codemirror/view';
import { markers } from '../lib/editor-merge-text.ts';

const markerLine = Decoration.line({ class: 'cm-conflict-marker' });
const mineLine = Decoration.line({ class: 'cm-conflict-mine' });
const diskLine = Decoration.line({ class: 'cm-conflict-disk' });

/** Colours the lines of a hand merge: the marker lines, the editor's side and the disk's side of each overlap. */
export function conflictMarkers(): Extension {
  return [
    ViewPlugin.fromClass(
      class {
        decorations: DecorationSet;
        constructor(view: EditorView) {
          this.decorations = decorate(view.state.doc);
        }
        update(update: ViewUpdate): void {
          if (update.docChanged) this.decorations = decorate(update.state.doc);
        }
      },
      { decorations: (plugin) => plugin.decorations },
    ),
    EditorView.baseTheme({
      '.cm-conflict-marker': { backgroundColor: 'rgba(217, 119, 6, 0.22)', fontWeight: '600' },
      '.cm-conflict-mine': { backgroundColor: 'rgba(37, 99, 235, 0.08)' },
      '.cm-conflict-disk': { backgroundColor: 'rgba(22, 163, 74, 0.09)' },
    }),
  ];
}

function decorate(doc: Text): DecorationSet {
  const builder = new RangeSetBuilder<Decoration>();
  // Which side of an open overlap the lines belong to; a marker out of order closes nothing.
  let side: 'mine' | 'disk' | undefined;
  for (let n = 1; n <= doc.lines; n++) {
    const line = doc.line(n);
    const text = line.text;
    if (text === markers.mine || (side === 'mine' && text === markers.split) || (side === 'disk' && text === markers.disk)) {
      side = text === markers.mine ? 'mine' : text === markers.split ? 'disk' : undefined;
      builder.add(line.from, line.from, markerLine);
    } else if (side) builder.add(line.from, line.from, side === 'mine' ? mineLine : diskLine);
  }
  return builder.finish();
}
