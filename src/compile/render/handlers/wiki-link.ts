/**
 * mdast-to-hast handlers for links and embeds. Links are not resolved here: a link's text is
 * wrapped in `link` placeholders and an embed is one placeholder (markers.ts), which the assemble
 * stage replaces once the resolve stage has resolved every link of the garden.
 */
import type { ElementContent } from 'hast';
import type { State } from 'mdast-util-to-hast';
import type { LinkRef } from '../../../shared/types.ts';
import { displayText } from '../../../shared/links/link-ref.ts';
import type { WikiLink } from '../../parse/wiki-link.ts';
import { isBlockEmbed, marker } from '../markers.ts';

/** Build the handler for a note's wiki-links and wiki embeds. */
export function wikiLinkHandler(nonce: string, links: readonly LinkRef[]) {
  return (_state: State, node: WikiLink): ElementContent | ElementContent[] => {
    const ref = node.data.linkIndex === undefined ? undefined : links[node.data.linkIndex];
    const text = node.data.alias || displayText(node.value);
    if (!ref) return { type: 'text', value: text };
    if (ref.kind === 'embed') return embedPlaceholder(nonce, ref, node.data.linkIndex!);
    return linkPlaceholder(nonce, node.data.linkIndex!, [{ type: 'text', value: text }]);
  };
}

/** A link's rendered text between the placeholders of its opening and closing tags. */
export function linkPlaceholder(nonce: string, linkIndex: number, children: ElementContent[]): ElementContent[] {
  return [{ type: 'comment', value: marker('link', nonce, linkIndex) }, ...children, { type: 'comment', value: marker('link-end', nonce, linkIndex) }];
}

/** The placeholder of an embed: inline for media files, a block for anything else. */
export function embedPlaceholder(nonce: string, ref: LinkRef, linkIndex: number): ElementContent {
  return { type: 'comment', value: marker(isBlockEmbed(ref) ? 'embed' : 'media', nonce, linkIndex) };
}
