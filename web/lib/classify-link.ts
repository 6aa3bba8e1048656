/** What following a link means for the reading app. */
export type LinkTarget =
  /** Another page of this site that may be a note: try to show it in place. */
  | { kind: 'page'; path: string; hash: string }
  /** An anchor on the page already shown. */
  | { kind: 'same-page'; hash: string }
  /** Another site, a file, or a reserved path: let the browser follow it. */
  | { kind: 'other' };

/** Folders under the base path that never hold note pages. */
const reserved = ['_app/', '_search/'];

/**
 * Classify a link target for in-place navigation. Pages use pretty URLs
 * ending in `/`; anything with a file extension (attachments, graph.json) or
 * outside the base path is left to the browser.
 */
export function classifyLink(target: URL, current: URL, basePath: string): LinkTarget {
  if (target.origin !== current.origin) return { kind: 'other' };
  if (target.protocol !== 'http:' && target.protocol !== 'https:') return { kind: 'other' };
  const path = target.pathname;
  if (path === current.pathname && target.search === current.search) {
    return target.hash ? { kind: 'same-page', hash: target.hash } : { kind: 'page', path, hash: '' };
  }
  if (!path.startsWith(basePath)) return { kind: 'other' };
  const rest = path.slice(basePath.length);
  if (reserved.some((r) => rest.startsWith(r))) return { kind: 'other' };
  const last = rest.split('/').pop() ?? '';
  if (last !== '' && /\.[a-z0-9]+$/i.test(last)) return { kind: 'other' };
  return { kind: 'page', path: path.endsWith('/') ? path : path + '/', hash: target.hash };
}
