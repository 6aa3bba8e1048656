/** What the app stores in `history.state` for each entry it creates or adopts. */
export interface HistoryEntry {
  trellis: 1;
  /** Identifies the entry, so scroll positions and page snapshots can be kept per entry. */
  key: string;
  /** Scroll position when the reader last left the entry. */
  scrollY?: number;
  /** Position in the tab's history, so a refused Back or Forward can be undone by `history.go`. */
  index?: number;
}

/** The app's entry in a `history.state` value, or undefined when the state is not ours (null, another script's). */
export function readHistoryEntry(state: unknown): HistoryEntry | undefined {
  if (typeof state !== 'object' || state === null) return undefined;
  const s = state as Record<string, unknown>;
  if (s.trellis !== 1 || typeof s.key !== 'string') return undefined;
  return {
    trellis: 1,
    key: s.key,
    ...(typeof s.scrollY === 'number' ? { scrollY: s.scrollY } : {}),
    ...(typeof s.index === 'number' ? { index: s.index } : {}),
  };
}
