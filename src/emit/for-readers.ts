/** A note's data as readers get it: what the configuration's feature switches turn off is left out. */
import type { NoteData, SiteInfo } from '../shared/types.ts';
import { readerMentions } from './reader-mentions.ts';

/**
 * `data` without unlinked mentions when `features.unlinkedMentions` is off, else without the
 * mentions of one-word titles written as ordinary words (reader-mentions.ts); pages and the JSON
 * the app reads alike. The dev server shows every mention and does not call this.
 */
export function forReaders(data: NoteData, site: SiteInfo): NoteData {
  if (data.unlinkedMentions.length === 0) return data;
  if (site.features?.unlinkedMentions === false) return { ...data, unlinkedMentions: [] };
  const kept = readerMentions(data.unlinkedMentions);
  return kept.length === data.unlinkedMentions.length ? data : { ...data, unlinkedMentions: kept };
}
