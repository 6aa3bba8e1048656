/**
 * Obsidian callouts: a blockquote whose first line is `[!type]`, optionally
 * followed by `+` or `-` (foldable, open or closed) and a title. Foldable
 * callouts render as `<details>` so they fold without JavaScript.
 *
 *   > [!warning]- Title
 *   > Body
 */
import type { Blockquote, Paragraph, Parent, PhrasingContent, Root, RootContent } from 'mdast';

const head = /^\[!([\w-]+)\]([+-]?)[ \t]*/;

/** Turn callout blockquotes into callout containers in place. */
export function markCallouts(tree: Root): void {
  walk(tree);
}

function walk(parent: Parent): void {
  for (const child of parent.children as RootContent[]) {
    if ('children' in child) walk(child);
    if (child.type === 'blockquote') convert(child);
  }
}

function convert(quote: Blockquote): void {
  const first = quote.children[0];
  if (!first || first.type !== 'paragraph') return;
  const lead = first.children[0];
  if (!lead || lead.type !== 'text') return;
  const m = head.exec(lead.value);
  if (!m) return;
  const type = m[1]!.toLowerCase();
  const fold = m[2] ?? '';
  lead.value = lead.value.slice(m[0].length);

  const { title, rest } = splitFirstLine(first);
  // A title of only spaces is no title: the type's name is shown, as in Obsidian.
  const blank = title.every((n) => n.type === 'text' && n.value.trim() === '');
  const titleNodes: PhrasingContent[] = blank ? [{ type: 'text', value: defaultTitle(type) }] : title;
  const body: RootContent[] = [];
  if (rest.length > 0) body.push({ type: 'paragraph', children: rest } satisfies Paragraph);
  body.push(...quote.children.slice(1));

  const foldable = fold !== '';
  // The title's text and markup are one inline run inside the flex row of marker, title and fold arrow:
  // as separate flex items, each run of text became a narrow column.
  const inner: PhrasingContent = { type: 'emphasis', children: titleNodes, data: { hName: 'span', hProperties: { className: ['callout-title-inner'] } } };
  const titleNode: Paragraph = {
    type: 'paragraph',
    children: [inner],
    data: { hName: foldable ? 'summary' : 'div', hProperties: { className: ['callout-title'] } },
  };
  const content: Blockquote = {
    type: 'blockquote',
    children: body as Blockquote['children'],
    data: { hName: 'div', hProperties: { className: ['callout-content'] } },
  };
  quote.children = [titleNode, content] as Blockquote['children'];
  quote.data = {
    hName: foldable ? 'details' : 'div',
    hProperties: {
      className: ['callout'],
      dataCallout: type,
      ...(foldable ? { dataCalloutFold: fold } : {}),
      ...(fold === '+' ? { open: true } : {}),
    },
  };
}

function splitFirstLine(p: Paragraph): { title: PhrasingContent[]; rest: PhrasingContent[] } {
  const title: PhrasingContent[] = [];
  const rest: PhrasingContent[] = [];
  let inTitle = true;
  for (const node of p.children) {
    if (!inTitle) {
      rest.push(node);
      continue;
    }
    if (node.type === 'break') {
      inTitle = false;
      continue;
    }
    if (node.type === 'text' && node.value.includes('\n')) {
      const i = node.value.indexOf('\n');
      const before = node.value.slice(0, i);
      const after = node.value.slice(i + 1);
      if (before) title.push({ ...node, value: before });
      if (after) rest.push({ ...node, value: after });
      inTitle = false;
      continue;
    }
    title.push(node);
  }
  return { title, rest };
}

function defaultTitle(type: string): string {
  return type.charAt(0).toUpperCase() + type.slice(1);
}
