/**
 * Split a written link target into path, heading path and block id:
 * `Note#Heading#Sub`, `Note#^block`, `#Heading`, `Folder/Note.md`.
 */
export interface TargetParts {
  target: string;
  headings: string[];
  block?: string;
}

/** Parse the target of a wiki-link (already without alias). */
export function splitTarget(value: string): TargetParts {
  const hash = value.indexOf('#');
  if (hash < 0) return { target: value.trim(), headings: [] };
  const target = value.slice(0, hash).trim();
  const anchor = value.slice(hash + 1);
  if (anchor.startsWith('^')) return { target, headings: [], block: anchor.slice(1).trim() };
  const headings = anchor
    .split('#')
    .map((h) => h.trim())
    .filter(Boolean);
  return { target, headings };
}

/** Parse a local Markdown link URL (`Folder/Note%20A.md#Heading`); undefined when it is not a local note link. */
export function splitMarkdownUrl(url: string): TargetParts | undefined {
  const parts = splitLocalUrl(url);
  return parts && /\.md$/i.test(parts.target) ? parts : undefined;
}

/** Parse a URL relative to the garden (no scheme, not `//host`, not only `#fragment`), decoded. */
export function splitLocalUrl(url: string): TargetParts | undefined {
  if (/^[a-z][a-z0-9+.-]*:/i.test(url) || url.startsWith('//') || url.startsWith('#') || url.trim() === '') return undefined;
  const hash = url.indexOf('#');
  const path = decode(hash < 0 ? url : url.slice(0, hash));
  return splitTarget(path + (hash < 0 ? '' : '#' + decode(url.slice(hash + 1))));
}

function decode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/** Parse an image size alias: `300` or `300x200`. */
export function parseSize(alias: string | null | undefined): { width?: number; height?: number } | undefined {
  if (!alias) return undefined;
  const m = /^\s*(\d{1,5})(?:\s*x\s*(\d{1,5}))?\s*$/.exec(alias);
  if (!m) return undefined;
  return { width: Number(m[1]), ...(m[2] ? { height: Number(m[2]) } : {}) };
}

/** What a wiki-link without alias shows, as Obsidian does: `Note > Heading`, `Note > ^block`, `Heading` for `[[#Heading]]`. */
export function displayText(value: string): string {
  const { target, headings, block } = splitTarget(value);
  const parts = [target, ...headings, ...(block ? ['^' + block] : [])].filter(Boolean);
  return parts.join(' > ') || value;
}
