import { userContentPrefix } from '../../src/shared/ids.ts';

/** The element id a URL fragment points at (`#Caf%C3%A9` → `Café`), or undefined for an empty fragment. */
export function anchorId(hash: string): string | undefined {
  const raw = hash.startsWith('#') ? hash.slice(1) : hash;
  if (raw === '') return undefined;
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}

/**
 * The ids a fragment may name, in the order to try them: as written, then with the prefix the
 * builder gives ids written in a note's raw HTML (`#intro` finds `<a id="intro">` written in a note).
 */
export function anchorIds(hash: string): string[] {
  const id = anchorId(hash);
  return id === undefined ? [] : [id, userContentPrefix + id];
}
