/**
 * mdast-to-hast handler for wiki-links and embeds: resolved links become
 * internal anchors, unresolved ones visibly unresolved spans (never a 404),
 * links to unpublished notes plain text; note embeds become placeholders that
 * the assembler fills with the target's content.
 */
import type { Element, ElementContent } from 'hast';
import type { State } from 'mdast-util-to-hast';
import { resolveLink } from '../../../shared/links/resolve-link.ts';
import type { LinkRef, NoteId, Resolution } from '../../../shared/types.ts';
import { displayText } from '../../../shared/links/link-ref.ts';
import type { WikiLink } from '../../parse/wiki-link.ts';
import { attachmentUrl, embedMarker, type RenderContext } from '../context.ts';

const imageExt = /\.(png|jpe?g|gif|webp|svg|avif|bmp|ico)$/i;
const audioExt = /\.(mp3|wav|ogg|m4a|flac)$/i;
const videoExt = /\.(mp4|webm|mov|mkv|ogv)$/i;

/** Build the handler for a note's links. */
export function wikiLinkHandler(ctx: RenderContext, source: NoteId, links: readonly LinkRef[]) {
  return (state: State, node: WikiLink): ElementContent | ElementContent[] => {
    const ref = node.data.linkIndex === undefined ? undefined : links[node.data.linkIndex];
    const text = node.data.alias || displayText(node.value);
    if (!ref) return { type: 'text', value: text };
    const { resolution } = resolveLink(ctx.index, source, ref);
    if (ref.kind === 'embed') return embed(ctx, ref, resolution, node.data.linkIndex!, text);
    return linkElement(ctx, resolution, text, ref);
  };
}

/** Render a resolved link (also used for Markdown links to notes). */
export function linkElement(ctx: RenderContext, r: Resolution, text: string | ElementContent[], ref: LinkRef): ElementContent {
  const children: ElementContent[] = typeof text === 'string' ? [{ type: 'text', value: text }] : text;
  switch (r.kind) {
    case 'note': {
      const url = ctx.urls.get(r.target);
      if (!url) return { type: 'element', tagName: 'span', properties: {}, children };
      const hash = r.anchor ? '#' + (r.anchor.kind === 'block' ? '^' + r.anchor.id : r.anchor.id) : '';
      return a({ href: url + hash, className: ['internal'], dataNote: r.target }, children);
    }
    case 'self': {
      const hash = r.anchor ? '#' + (r.anchor.kind === 'block' ? '^' + r.anchor.id : r.anchor.id) : '#';
      return a({ href: hash, className: ['internal', 'self'] }, children);
    }
    case 'attachment':
      return a({ href: attachmentUrl(r.path), className: ['internal', 'attachment'] }, children);
    case 'unpublished':
      return { type: 'element', tagName: 'span', properties: { className: ['unpublished'] }, children };
    case 'missing':
      return {
        type: 'element',
        tagName: 'a',
        properties: {
          className: ['internal', 'unresolved'],
          dataUnresolved: ref.target,
          title: `Not written yet: ${ref.target}`,
          role: 'link',
          ariaDisabled: 'true',
        },
        children,
      };
  }
}

function embed(ctx: RenderContext, ref: LinkRef, r: Resolution, linkIndex: number, text: string): ElementContent | ElementContent[] {
  if (r.kind === 'attachment') {
    const src = attachmentUrl(r.path);
    const size = { ...(ref.width ? { width: ref.width } : {}), ...(ref.height ? { height: ref.height } : {}) };
    if (imageExt.test(r.path))
      return { type: 'element', tagName: 'img', properties: { src, alt: ref.alias ?? ref.target, loading: 'lazy', ...size }, children: [] };
    if (audioExt.test(r.path)) return { type: 'element', tagName: 'audio', properties: { src, controls: true, preload: 'metadata' }, children: [] };
    if (videoExt.test(r.path)) return { type: 'element', tagName: 'video', properties: { src, controls: true, preload: 'metadata', ...size }, children: [] };
    if (/\.pdf$/i.test(r.path)) {
      return {
        type: 'element',
        tagName: 'iframe',
        properties: { src, className: ['embed-pdf'], title: ref.target, loading: 'lazy', width: '100%', height: ref.height ?? 600 },
        children: [],
      };
    }
    return a({ href: src, className: ['internal', 'attachment'] }, [{ type: 'text', value: text }]);
  }
  if (r.kind === 'note' || r.kind === 'self') {
    return { type: 'comment', value: embedMarker(ctx.nonce, linkIndex) };
  }
  return linkElement(ctx, r, text, ref);
}

function a(properties: Element['properties'], children: ElementContent[]): Element {
  return { type: 'element', tagName: 'a', properties, children };
}
