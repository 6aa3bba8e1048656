/**
 * Clean an SVG file for publishing. Opened on its own (a link, a new tab), an SVG is a
 * document that runs its `<script>`, event handlers and `javascript:` links on the
 * site's origin. DOMPurify, over jsdom's XML parser, keeps the drawing and drops all
 * of that; `<use>` stays for references inside the file only. The XML prologue, the
 * DOCTYPE (entities) and processing instructions (`xml-stylesheet`: XSLT) outside the
 * root element are not written back.
 */
import createDOMPurify from 'dompurify';
import { JSDOM } from 'jsdom';

/** A cleaned SVG, or where its XML is not well-formed. */
export type SanitizedSvg = { svg: string } | { error: { message: string; line: number; column: number } };

const svgNamespace = 'http://www.w3.org/2000/svg';

/** A sanitiser with its own window, reused for every file of a build. */
export function createSvgSanitizer(): (text: string) => SanitizedSvg {
  const { window } = new JSDOM('');
  const purify = createDOMPurify(window);
  purify.addHook('afterSanitizeAttributes', (node) => {
    if (node.nodeName !== 'use') return;
    for (const name of ['href', 'xlink:href']) {
      const value = node.getAttribute(name);
      if (value !== null && !value.trim().startsWith('#')) node.removeAttribute(name);
    }
  });
  const parser = new window.DOMParser();
  const serializer = new window.XMLSerializer();
  return (text) => {
    const doc = parser.parseFromString(text, 'image/svg+xml');
    const failure = doc.getElementsByTagName('parsererror')[0];
    if (failure) return { error: parseError(failure.textContent ?? '') };
    const root = doc.documentElement;
    if (root.namespaceURI !== svgNamespace || root.localName !== 'svg') {
      return { error: { message: 'the root element is not <svg>', line: 1, column: 1 } };
    }
    purify.sanitize(root, { IN_PLACE: true, USE_PROFILES: { svg: true, svgFilters: true }, ADD_TAGS: ['use'] });
    return { svg: `<?xml version="1.0" encoding="UTF-8"?>\n${serializer.serializeToString(root)}\n` };
  };
}

/** jsdom's XML parser reports `line:column: message`. */
function parseError(text: string): { message: string; line: number; column: number } {
  const match = /^(\d+):(\d+): (.*)/s.exec(text.trim());
  if (!match) return { message: text.trim() || 'not well-formed XML', line: 1, column: 1 };
  return { message: match[3]!.trim(), line: Number(match[1]), column: Number(match[2]) + 1 };
}
