/** A note's data as readers get it: what the configuration's feature switches turn off is left out. */
import type { NoteData, SiteInfo } from '../shared/types.ts';

/** `data` without unlinked mentions when `features.unlinkedMentions` is off (pages and the JSON the app reads alike). */
export function forReaders(data: NoteData, site: SiteInfo): NoteData {
  return site.features?.unlinkedMentions === false && data.unlinkedMentions.length > 0 ? { ...data, unlinkedMentions: [] } : data;
}
