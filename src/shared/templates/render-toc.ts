import type { Heading } from '../types.ts';
import { escapeHtml } from '../html.ts';

/** Deepest heading level listed in the table of contents. */
const maxDepth = 4;

/**
 * Render the table of contents of a note as nested lists of `#id` links, or ''
 * when fewer than two headings are worth listing. Levels are relative to the
 * shallowest heading and never skip (an `h2` followed by an `h4` nests once).
 */
export function renderToc(headings: Heading[]): string {
  const listed = headings.filter((h) => h.depth >= 2 && h.depth <= maxDepth);
  if (listed.length < 2) return '';
  const top = Math.min(...listed.map((h) => h.depth));
  let out = '';
  let level = 0;
  for (const h of listed) {
    const want = Math.min(h.depth - top + 1, level + 1);
    if (want > level) {
      out += '<ul>';
      level = want;
    } else {
      out += '</li>';
      for (; level > want; level--) out += '</ul></li>';
    }
    out += `<li><a href="#${escapeHtml(h.id)}">${escapeHtml(h.text)}</a>`;
  }
  out += '</li>';
  for (; level > 1; level--) out += '</ul></li>';
  out += '</ul>';
  return `<nav class="toc" aria-labelledby="trellis-toc-title"><h2 class="toc-title" id="trellis-toc-title">On this page</h2>${out}</nav>`;
}
