import { defaultKeymap, history, historyKeymap, indentWithTab } from '@codemirror/commands';
import { markdown } from '@codemirror/lang-markdown';
import { defaultHighlightStyle, syntaxHighlighting } from '@codemirror/language';
import { Annotation, Prec, type Extension } from '@codemirror/state';
import { EditorView, drawSelection, highlightActiveLine, keymap } from '@codemirror/view';
import type { EditorIndex } from '../lib/editor-index.ts';
import { conflictMarkers } from './conflict-markers.ts';
import { editorTheme } from './editor-theme.ts';
import { indexField } from './index-field.ts';
import { notePath } from './note-path.ts';
import { linkCompletion } from './link-completion.ts';
import { linkHover } from './link-hover.ts';
import { unresolvedLinks } from './unresolved-links.ts';

/** Marks a change the editor made itself (from disk, or a conflict choice), not one the user typed. */
export const fromDisk = Annotation.define<boolean>();

/** What the extensions need from `<garden-editor>`. */
export interface EditorHooks {
  index: () => EditorIndex;
  /** Garden path of the note being edited. */
  path: () => string;
  base: string;
  save: () => void;
  /** Create the note an unresolved link reaches; resolves to its path, rejects with the reason it cannot. */
  createNote: (target: string) => Promise<string>;
  /** The user changed the text (typing, paste, undo). */
  edited: () => void;
}

/** CodeMirror extensions of the note editor: Markdown, history, link completion, checks and previews, Ctrl/Cmd-S. */
export function editorExtensions(hooks: EditorHooks): Extension[] {
  return [
    Prec.highest(keymap.of([{ key: 'Mod-s', preventDefault: true, run: () => (hooks.save(), true) }])),
    history(),
    drawSelection(),
    highlightActiveLine(),
    EditorView.lineWrapping,
    editorTheme,
    markdown(),
    syntaxHighlighting(defaultHighlightStyle, { fallback: true }),
    indexField.init(hooks.index),
    notePath.of(hooks.path),
    linkCompletion(),
    unresolvedLinks(),
    conflictMarkers(),
    linkHover({ basePath: hooks.base, create: hooks.createNote }),
    keymap.of([...defaultKeymap, ...historyKeymap, indentWithTab]),
    EditorView.updateListener.of((update) => {
      if (update.docChanged && !update.transactions.some((t) => t.annotation(fromDisk))) hooks.edited();
    }),
  ];
}
