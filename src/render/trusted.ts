/**
 * Trellis's own elements that the raw-HTML policy would remove (the
 * `<iframe>` of a PDF embed), kept out of sanitising: before the tree is
 * re-parsed they are swapped for comments marked with the build's nonce, and
 * swapped back afterwards. At that point note HTML is still `raw` strings, so
 * every element found is Trellis's; the nonce keeps notes from forging one.
 */
import type { Element, Root, RootContent } from 'hast';

const trustedTags = new Set(['iframe']);

/** Replace trusted elements by placeholders; returns the function that puts them back. */
export function setTrustedAside(root: Root, nonce: string): (clean: Root) => void {
  const kept: Element[] = [];
  const prefix = `trellis-trusted:${nonce}:`;
  visit(root, (node) => {
    if (node.type !== 'element' || !trustedTags.has(node.tagName)) return undefined;
    kept.push(node);
    return { type: 'comment', value: prefix + (kept.length - 1) };
  });
  return (clean) => {
    if (kept.length === 0) return;
    visit(clean, (node) => {
      if (node.type !== 'comment' || !node.value.startsWith(prefix)) return undefined;
      return kept[Number(node.value.slice(prefix.length))];
    });
  };
}

/** Depth-first walk that lets `replace` swap a node for another. */
function visit(parent: Root | Element, replace: (node: RootContent) => RootContent | undefined): void {
  const children = parent.children as RootContent[];
  for (let i = 0; i < children.length; i++) {
    const next = replace(children[i]!);
    if (next) children[i] = next;
    else if (children[i]!.type === 'element') visit(children[i] as Element, replace);
  }
}
