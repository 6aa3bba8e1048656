/**
 * A plain depth-first walk over a syntax tree (mdast or hast), for the compile stage's own passes.
 * unist-util-visit does the same with a closure per node and a name set on each (for stack
 * traces), which made its bookkeeping a visible share of a note's compile; these passes need
 * none of its options.
 */

interface TreeNode {
  type: string;
}
interface TreeParent extends TreeNode {
  children: TreeNode[];
}

/** Go on after the visited node's subtree (its children are not walked). */
export const skipChildren = 'skip';

/**
 * What a visitor returns: nothing to walk into the node's children next; {@link skipChildren} to
 * go on with its next sibling; or an index of `parent.children` to go on from, for a visitor that
 * replaced or merged siblings (the node now at that index is visited next).
 */
export type WalkStep = void | typeof skipChildren | number;

/** Call `visit` for each node below `tree` (not `tree` itself) that `is` accepts, in document order, with its index and parent. */
export function walkTree<T extends TreeNode, Q extends TreeParent>(
  tree: TreeParent,
  is: (node: TreeNode) => node is T,
  visit: (node: T, index: number, parent: Q) => WalkStep,
): void {
  const walk = (parent: TreeParent): void => {
    const children = parent.children;
    let i = 0;
    while (i < children.length) {
      const node = children[i]!;
      if (is(node)) {
        const step = visit(node, i, parent as Q);
        if (typeof step === 'number') {
          i = step;
          continue;
        }
        if (step === skipChildren) {
          i++;
          continue;
        }
      }
      if ('children' in node && Array.isArray(node.children)) walk(node as TreeParent);
      i++;
    }
  };
  walk(tree);
}
