/**
 * Fold `wikiEmbed` wrappers into `wikiLink` nodes with `embed: true`, and undo
 * remark-wiki-link's quirks: the escaped table pipe (`[[Note\|text]]` gives the
 * target `Note\`) and the alias that defaults to the target text.
 */
import type { Parent, Root } from 'mdast';
import type { WikiLink } from '../wiki-link.ts';

/** Normalise wiki-links in place. */
export function normalizeWikiLinks(tree: Root): void {
  walk(tree);
}

function walk(parent: Parent): void {
  const children = parent.children;
  for (let i = 0; i < children.length; i++) {
    const child = children[i]!;
    if (child.type === 'wikiEmbed') {
      const inner = child.children.find((c): c is WikiLink => c.type === 'wikiLink');
      if (!inner) {
        children.splice(i, 1, ...child.children);
        i--;
        continue;
      }
      inner.data.embed = true;
      inner.position = child.position;
      children[i] = inner;
      fix(inner);
    } else if (child.type === 'wikiLink') {
      fix(child);
    } else if ('children' in child) {
      walk(child);
    }
  }
}

function fix(link: WikiLink): void {
  const raw = link.value;
  let value = raw.endsWith('\\') ? raw.slice(0, -1) : raw;
  value = value.trim();
  const alias = link.data.alias;
  link.value = value;
  link.data.alias = alias && alias !== raw ? alias.trim() : null;
}
