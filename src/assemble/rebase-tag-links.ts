/**
 * Inline `#tags` link to their tag pages. The compile stage writes them as `<a class="tag"
 * href="/tags/…/">` (a compiled note must not depend on site settings: it is cached by its
 * content), so the assembler moves them below the site's base path.
 */

/** The start of every inline tag link the compile stage writes (compile/render/index.ts). */
const tagLinkStart = '<a class="tag" href="/';

/**
 * `html` with every compiled tag link's root-relative URL moved below `basePath`. Text cannot
 * contain the pattern: `<` in text is always escaped, and raw HTML is re-serialised by the
 * sanitiser, so only elements carry it.
 */
export function rebaseTagLinks(html: string, basePath: string): string {
  if (basePath === '/' || !html.includes(tagLinkStart)) return html;
  const base = basePath.endsWith('/') ? basePath : basePath + '/';
  return html.replaceAll(tagLinkStart, `<a class="tag" href="${base.replace(/&/g, '&amp;').replace(/"/g, '&quot;')}`);
}
