/**
 * `==highlight==` becomes a `highlight` node rendered as `<mark>`. Markers pair
 * within one parent; an opening marker must be followed, and a closing one
 * preceded, by a non-space character (so `a == b` stays text).
 */
import type { Parent, PhrasingContent, Root, Text } from 'mdast';
import type { Node } from 'unist';

/** A highlighted span. */
export interface Highlight {
  type: 'highlight';
  children: PhrasingContent[];
  data?: import('mdast').Data;
  position?: import('unist').Position;
}

declare module 'mdast' {
  interface PhrasingContentMap {
    highlight: Highlight;
  }
  interface RootContentMap {
    highlight: Highlight;
  }
}

type Piece = PhrasingContent | { type: 'marker'; open: boolean; close: boolean };

/** Turn `==..==` into highlight nodes in place. */
export function markHighlights(tree: Root): void {
  visitParents(tree);
}

function visitParents(parent: Parent): void {
  for (const child of parent.children) if ('children' in child) visitParents(child as Parent);
  const kids = parent.children as Node[];
  if (!kids.some((c) => c.type === 'text' && (c as Text).value.includes('=='))) return;
  const pieces: Piece[] = [];
  const list = kids as PhrasingContent[];
  list.forEach((child, k) => {
    if (child.type !== 'text' || !child.value.includes('==')) {
      pieces.push(child);
      return;
    }
    const parts = child.value.split('==');
    // At the edge of a text node, the neighbour decides: an element (link, strong) counts as non-space.
    const prevSolid = k > 0 && list[k - 1]!.type !== 'text';
    const nextSolid = k < list.length - 1 && list[k + 1]!.type !== 'text';
    parts.forEach((part, i) => {
      if (i > 0) {
        const before = parts[i - 1] ?? '';
        const after = part;
        const last = i === parts.length - 1;
        pieces.push({
          type: 'marker',
          open: after !== '' ? !/^\s/.test(after) : last && nextSolid,
          close: before !== '' ? !/\s$/.test(before) : i === 1 && prevSolid,
        });
      }
      if (part) pieces.push({ type: 'text', value: part, position: child.position });
    });
  });
  parent.children = pair(pieces) as Parent['children'];
}

function pair(pieces: Piece[]): PhrasingContent[] {
  const out: PhrasingContent[] = [];
  let open = -1;
  for (const piece of pieces) {
    if (piece.type !== 'marker') {
      out.push(piece);
      continue;
    }
    if (open >= 0 && piece.close) {
      const inner = out.splice(open);
      out.push({ type: 'highlight', children: inner, data: { hName: 'mark' } });
      open = -1;
    } else if (piece.open) {
      if (open >= 0) out.splice(open, 0, { type: 'text', value: '==' });
      open = out.length;
    } else {
      out.push({ type: 'text', value: '==' });
    }
  }
  if (open >= 0) out.splice(open, 0, { type: 'text', value: '==' });
  return mergeTexts(out);
}

function mergeTexts(nodes: PhrasingContent[]): PhrasingContent[] {
  const out: PhrasingContent[] = [];
  for (const n of nodes) {
    const last = out[out.length - 1];
    if (n.type === 'text' && last?.type === 'text') last.value += n.value;
    else out.push(n);
  }
  return out;
}
