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
