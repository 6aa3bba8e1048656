/**
 * Obsidian block ids: a ` ^id` at the end of a paragraph, list item or
 * heading names that block; a paragraph holding only `^id` names the block
 * before it (a table, a list, a quote). The marker is removed from the text
 * and the block gets the HTML id `^id`.
 */
import type { Nodes, Parent, Root, RootContent } from 'mdast';
import type { BlockId } from '../../../shared/types.ts';
import { blockElementId } from '../../../shared/ids.ts';

const trailingId = /(?:^|\s)\^([A-Za-z0-9-]+)\s*$/;
const idTargets = new Set(['paragraph', 'heading', 'listItem', 'blockquote', 'table', 'list', 'code', 'math']);

/** Extract block ids in place. */
export function extractBlockIds(tree: Root): BlockId[] {
  const found: BlockId[] = [];
  walk(tree, found);
  return found;
}

function walk(parent: Parent, found: BlockId[]): void {
  const children = parent.children as RootContent[];
  for (let i = 0; i < children.length; i++) {
    const child = children[i]!;
    if (child.type === 'paragraph' || child.type === 'heading') {
      const id = takeTrailingId(child);
      if (id) {
        const onlyId = child.children.length === 0;
        const prev = children[i - 1];
        if (onlyId && prev && idTargets.has(prev.type)) {
          setId(prev, id);
          found.push({ id, line: child.position?.start.line ?? 0 });
          children.splice(i, 1);
          i--;
          continue;
        }
        setId(parent.type === 'listItem' && parent.children[0] === child ? (parent as Nodes) : child, id);
        found.push({ id, line: child.position?.start.line ?? 0 });
      }
    }
    if ('children' in child) walk(child, found);
  }
}

function takeTrailingId(node: Parent): string | undefined {
  const last = node.children[node.children.length - 1];
  if (!last || last.type !== 'text') return undefined;
  const m = trailingId.exec(last.value);
  if (!m) return undefined;
  last.value = last.value.slice(0, m.index).replace(/\s+$/, '');
  if (!last.value) node.children.pop();
  return m[1];
}

function setId(node: Nodes, id: string): void {
  const data = (node.data ??= {});
  data.hProperties = { ...(data.hProperties ?? {}), id: blockElementId(id) };
}
