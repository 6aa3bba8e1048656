/** The image a note is shown with when shared (OpenGraph, Twitter cards, feeds): the first image it embeds. */
import { attachmentUrl } from '../assemble/link-html.ts';
import type { ResolvedLink, Slug } from '../shared/types.ts';

const imageExt = /\.(png|jpe?g|gif|webp|avif)$/i;

/** Site-relative URL of the first attachment image among a note's links that is embedded (`![[x.png]]`, `![](x.png)`). */
export function noteImage(links: readonly ResolvedLink[]): Slug | undefined {
  for (const link of links) {
    const r = link.resolution;
    // SVG is left out: the sites that read these tags do not show it.
    if (link.ref.kind === 'embed' && r.kind === 'attachment' && imageExt.test(r.path)) return attachmentUrl(r.path) as Slug;
  }
  return undefined;
}
