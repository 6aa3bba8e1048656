/**
 * Ids written in a note's raw HTML get the `user-content-` prefix, so
 * `<div id="ShadyCSS">` cannot shadow a global the app or a library reads
 * (DOM clobbering through the window's named properties). Trellis's own
 * ids (headings, blocks, footnotes) are recorded before the raw HTML is
 * parsed and kept as they are, so `#heading` anchors work without JavaScript.
 */
import type { Root } from 'hast';
import { visit } from 'unist-util-visit';
import { userContentPrefix } from '../../shared/ids.ts';

/** The ids present in a tree; call before raw HTML is parsed into it. */
export function collectIds(root: Root): Set<string> {
  const ids = new Set<string>();
  visit(root, 'element', (node) => {
    if (typeof node.properties.id === 'string') ids.add(node.properties.id);
  });
  return ids;
}

/** Prefix every id of `root` that is not one of Trellis's `own` ids. */
export function prefixUserIds(root: Root, own: ReadonlySet<string>): void {
  visit(root, 'element', (node) => {
    const id = node.properties.id;
    if (typeof id === 'string' && !own.has(id) && !id.startsWith(userContentPrefix)) node.properties.id = userContentPrefix + id;
  });
}
