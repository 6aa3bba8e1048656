import { autocompletion, type Completion, type CompletionContext, type CompletionResult } from '@codemirror/autocomplete';
import type { Extension } from '@codemirror/state';
import type { EditorView } from '@codemirror/view';
import { findLinkContext } from '../lib/editor-link-context.ts';
import { listLinkOptions, type LinkOption } from '../lib/editor-link-options.ts';
import { inCode } from './in-code.ts';
import { indexField } from './index-field.ts';
import { notePath } from './note-path.ts';

/** Completion of `[[notes`, `[[Note#headings`, `[[Note#^blocks` and `![[attachments` from the index field. */
export function linkCompletion(): Extension {
  return autocompletion({ override: [completeLink], activateOnTyping: true, icons: false });
}

function completeLink(context: CompletionContext): CompletionResult | null {
  const line = context.state.doc.lineAt(context.pos);
  const link = findLinkContext(line.text.slice(0, context.pos - line.from));
  if (!link || inCode(context.state, context.pos)) return null;
  const options = listLinkOptions(link, context.state.field(indexField), context.state.facet(notePath)());
  if (options.length === 0) return null;
  return { from: line.from + link.start, options: options.map((o, i) => toCompletion(o, i)), filter: false };
}

function toCompletion(option: LinkOption, rank: number): Completion {
  return {
    label: option.label,
    detail: option.detail,
    type: option.kind,
    boost: -rank / 100,
    apply: (view: EditorView, _completion: Completion, from: number, to: number) => {
      const rest = view.state.sliceDoc(to, to + 2);
      const close = rest === ']]' ? '' : ']]';
      const insert = option.insert + close;
      view.dispatch({
        changes: { from, to, insert },
        selection: { anchor: from + insert.length + (close ? 0 : 2) },
        userEvent: 'input.complete',
      });
    },
  };
}
