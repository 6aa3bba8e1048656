/**
 * The inputs of a note's page and data file, as one hash: everything its data holds but the body
 * (backlinks, mentions, outgoing links, topic, dates, series, properties…, read as the page shows
 * them), the hash of its body's inputs (html-inputs.ts), the site settings, the app's assets and
 * the code that renders them. A field added to a note's data later is covered without a change here.
 */
import { createHash } from 'node:crypto';
import type { AppAssets, NoteData, SiteInfo } from '../shared/types.ts';
import { codeFingerprint } from '../version.ts';

/** A function giving the key of a note's page and data file from its data with an empty body and its body's input hash. */
export function notePageKeys(site: SiteInfo, assets: AppAssets): (data: NoteData, htmlInputs: string) => string {
  // What every page shares, hashed once.
  const shared = createHash('sha256')
    .update(codeFingerprint())
    .update('\u0000')
    .update(JSON.stringify(site))
    .update('\u0000')
    .update(JSON.stringify(assets))
    .digest('base64url');
  return (data, htmlInputs) => createHash('sha256').update(`${shared}\u0000${htmlInputs}\u0000`).update(JSON.stringify(data)).digest('base64url');
}
