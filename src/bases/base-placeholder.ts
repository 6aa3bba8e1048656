/**
 * Render hook: a ```` ```base ```` block becomes the `base` placeholder of its number (markers.ts),
 * which the assemble stage replaces with the base's views; never the block's raw YAML.
 */
import type { Comment } from 'hast';
import type { Code } from 'mdast';
import type { State } from 'mdast-util-to-hast';
import { marker } from '../compile/render/markers.ts';

/** The placeholder of base block `node` (it has `data.baseIndex`), positioned as the block. */
export function basePlaceholder(state: State, node: Code, nonce: string): Comment {
  const comment: Comment = { type: 'comment', value: marker('base', nonce, node.data!.baseIndex!) };
  state.patch(node, comment);
  return comment;
}
