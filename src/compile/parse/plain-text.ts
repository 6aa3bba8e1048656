/**
 * Plain text of mdast nodes as a reader sees it: wiki-links show their alias
 * (or target), tags keep `#`, code keeps its source, and math its source between
 * the dollar signs it was written with (`$\lambda W$`, `$$…$$`): a search snippet
 * or a backlink's context then reads `$\lambda$` as a formula, as the note's source
 * does, not as a stray `\lambda` (docs/syntax.md). Optionally records where
 * given nodes fall in the text.
 */
import type { Nodes } from 'mdast';
import { displayText } from '../../shared/links/link-ref.ts';

/** How to make plain text. */
export interface PlainTextOptions {
  /** Nodes whose place in the text `marks` receives, as [start, end). */
  track?: Set<Nodes>;
  marks?: Map<Nodes, [number, number]>;
  /** Math as its bare source, without its dollar signs: a heading's text, which its id and links to it are made of. */
  bareMath?: boolean;
}

/** Convert a node to plain text (see the module comment). */
export function toPlainText(node: Nodes, { track, marks, bareMath = false }: PlainTextOptions = {}): string {
  const out: string[] = [];
  let length = 0;
  const emit = (s: string) => {
    out.push(s);
    length += s.length;
  };
  const visit = (n: Nodes): void => {
    const start = length;
    switch (n.type) {
      case 'text':
      case 'inlineCode':
        emit(n.value);
        break;
      case 'inlineMath':
        emit(bareMath ? n.value : `$${n.value}$`);
        break;
      case 'code':
        emit(n.value + '\n');
        break;
      case 'math':
        emit((bareMath ? n.value : `$$${n.value}$$`) + '\n');
        break;
      case 'wikiLink':
        emit(n.data.alias || displayText(n.value));
        break;
      case 'tag':
        emit('#' + n.value);
        break;
      case 'break':
        emit('\n');
        break;
      case 'image':
        emit(n.alt ?? '');
        break;
      case 'html':
      case 'yaml':
        break;
      default:
        if ('children' in n) {
          const block = n.type === 'paragraph' || n.type === 'heading' || n.type === 'tableRow' || n.type === 'listItem';
          for (const c of n.children) visit(c as Nodes);
          if (n.type === 'tableCell') emit(' ');
          if (block) emit('\n');
        }
    }
    if (track?.has(n)) marks?.set(n, [start, length]);
  };
  visit(node);
  return out.join('');
}
