/**
 * Trellis's own elements that the raw-HTML policy would remove (the
 * `<iframe>` of a PDF embed), kept out of sanitising: before the tree is
 * re-parsed they are swapped for comments marked with the build's nonce, and
 * swapped back afterwards. At that point note HTML is still `raw` strings, so
 * every element found is Trellis's; the nonce keeps notes from forging one.
 */
import type { Element, Root } from 'hast';
import { SKIP, visit } from 'unist-util-visit';

const trustedTags = new Set(['iframe']);

/** Replace trusted elements by placeholders; returns the function that puts them back. */
export function setTrustedAside(root: Root, nonce: string): (clean: Root) => void {
  const kept: Element[] = [];
  const prefix = `trellis-trusted:${nonce}:`;
  visit(root, 'element', (node, index, parent) => {
    if (!trustedTags.has(node.tagName) || !parent || index === undefined) return undefined;
    kept.push(node);
    parent.children[index] = { type: 'comment', value: prefix + (kept.length - 1) };
    return SKIP;
  });
  return (clean) => {
    if (kept.length === 0) return;
    visit(clean, 'comment', (node, index, parent) => {
      if (!node.value.startsWith(prefix) || !parent || index === undefined) return undefined;
      parent.children[index] = kept[Number(node.value.slice(prefix.length))]!;
      return SKIP;
    });
  };
}
