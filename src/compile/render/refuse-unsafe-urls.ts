/**
 * Every URL that reaches a page passes the allow-list of url-policy.ts: a
 * link whose URL is refused becomes its text, an image its alt text, and any
 * other refused URL attribute is dropped, each with an `unsafe-url` warning
 * at the place in the note it came from. Runs on every note, whatever made
 * the URL: Markdown links, autolinks, references, footnotes, images or raw HTML.
 */
import type { Element, ElementContent, Root } from 'hast';
import { walkTree } from '../walk-tree.ts';
import { isElement } from './is-element.ts';
import { ruleIds } from '../../constants.ts';
import type { Diagnostic } from '../../shared/types.ts';
import { isAllowedUrl, linkSchemes, mediaSchemes, type UrlUse } from './url-policy.ts';

/** URL-bearing properties (hast names) and what their URL is used for. */
const urlProperties: Record<string, UrlUse> = {
  href: 'link',
  xLinkHref: 'link',
  cite: 'link',
  action: 'link',
  formAction: 'link',
  src: 'media',
  poster: 'media',
  data: 'media',
};

const linkRule = `only ${linkSchemes.slice(0, -1).join(', ')} and ${linkSchemes.at(-1)} links and relative URLs are allowed`;
const mediaRule = `only ${mediaSchemes.join(' and ')} media and relative URLs are allowed`;

/** Refuse the URLs of `root` that the policy does not allow; problems go to `diagnostics` under `file`. */
export function refuseUnsafeUrls(root: Root, file: string, diagnostics: Diagnostic[]): void {
  walkTree<Element, Root | Element>(root, isElement, (node, index, parent) => {
    for (const [property, use] of Object.entries(urlProperties)) {
      const value = node.properties[property];
      if (typeof value !== 'string' || isAllowedUrl(value, use)) continue;
      const { line, column } = node.position?.start ?? parent.position?.start ?? { line: 1, column: 1 };
      const replacement = replacementOf(node, property);
      const shown =
        replacement === undefined ? 'the attribute is removed' : node.tagName === 'img' ? 'the image is shown as its text' : 'the link is shown as text';
      diagnostics.push({
        file,
        line,
        column,
        ruleId: ruleIds.unsafeUrl,
        severity: 'warning',
        reason: `Refused the URL \`${value}\`: ${use === 'link' ? linkRule : mediaRule}; ${shown}`,
      });
      if (replacement !== undefined) {
        parent.children.splice(index, 1, ...replacement);
        // Visit what took its place: the link's own children may hold more URLs.
        return index;
      }
      delete node.properties[property];
    }
    return undefined;
  });
}

/** What replaces an element whose URL is refused: a link's children, an image's alt text; undefined to keep the element. */
function replacementOf(node: Element, property: string): ElementContent[] | undefined {
  if ((node.tagName === 'a' || node.tagName === 'area') && property === 'href') return node.children;
  if (node.tagName === 'img' && property === 'src') {
    const alt = node.properties.alt;
    return typeof alt === 'string' && alt !== '' ? [{ type: 'text', value: alt }] : [];
  }
  return undefined;
}
