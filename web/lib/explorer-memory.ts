const openKey = 'trellis-explorer-open';

/** The folders the reader left open, from page to page (localStorage; none when storage is refused). */
export function readOpen(): string[] {
  try {
    const stored: unknown = JSON.parse(localStorage.getItem(openKey) ?? '[]');
    return Array.isArray(stored) ? stored.filter((f): f is string => typeof f === 'string') : [];
  } catch {
    return [];
  }
}

/** Remember the open folders. */
export function writeOpen(open: ReadonlySet<string>): void {
  try {
    localStorage.setItem(openKey, JSON.stringify([...open].sort()));
  } catch {
    // Storage refused (private mode, quota): folders are remembered for this page only.
  }
}

/** A URL path with its percent-escapes decoded, for comparing URLs however they were written. */
export function safeDecode(url: string): string {
  try {
    return decodeURI(url);
  } catch {
    return url;
  }
}
