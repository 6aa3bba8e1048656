import { syntaxTree } from '@codemirror/language';
import type { EditorState } from '@codemirror/state';

const codeNodes = new Set(['InlineCode', 'FencedCode', 'CodeBlock', 'CodeText', 'CodeMark']);

/** True when `pos` lies in inline code or a code block of the Markdown syntax tree, where `[[` is not a link. */
export function inCode(state: EditorState, pos: number): boolean {
  for (let node: ReturnType<ReturnType<typeof syntaxTree>['resolveInner']> | null = syntaxTree(state).resolveInner(pos, -1); node; node = node.parent) {
    if (codeNodes.has(node.name)) return true;
  }
  return false;
}
