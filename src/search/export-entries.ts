import type { Index } from 'flexsearch';
import type { SearchPostingEntry } from '../shared/types.ts';

/**
 * Read a FlexSearch index's map through its chunked `export` (keys `<n>.map`; the register
 * and context chunks are not needed for search) and return the entries sorted by term, the
 * order shards are cut in.
 */
export function exportEntries(index: Index): SearchPostingEntry[] {
  const entries: SearchPostingEntry[] = [];
  index.export((key, data) => {
    if (!key.endsWith('.map')) return;
    const chunk: unknown = JSON.parse(data);
    if (!Array.isArray(chunk)) throw new Error(`Search: FlexSearch exported a non-array map chunk \`${key}\`; check the flexsearch version (0.8.x expected).`);
    for (const entry of chunk) {
      if (!isEntry(entry)) throw new Error(`Search: unexpected entry in FlexSearch map chunk \`${key}\`; check the flexsearch version (0.8.x expected).`);
      entries.push(entry);
    }
  });
  return entries.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
}

function isEntry(value: unknown): value is SearchPostingEntry {
  return Array.isArray(value) && value.length === 2 && typeof value[0] === 'string' && Array.isArray(value[1]);
}
