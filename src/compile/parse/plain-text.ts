/**
 * Plain text of mdast nodes as a reader sees it: wiki-links show their alias
 * (or target), tags keep `#`, math and code keep their source. Optionally
 * records where given nodes fall in the text.
 */
import type { Nodes } from 'mdast';
import { displayText } from '../../shared/links/link-ref.ts';

/** Convert a node to plain text; `marks` receives the [start, end) of each node in `track`. */
export function toPlainText(node: Nodes, track?: Set<Nodes>, marks?: Map<Nodes, [number, number]>): string {
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
      case 'inlineMath':
        emit(n.value);
        break;
      case 'code':
      case 'math':
        emit(n.value + '\n');
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
