/** Redirect pages for frontmatter aliases: alias URL -> note URL, first note wins, taken URLs and the site's own pages left alone. */
import type { BuiltNote } from '../build.ts';
import { toSlug } from '../shared/ids.ts';
import type { NoteId, Slug } from '../shared/types.ts';
import { reservedSegments } from '../scan/index.ts';

/** Redirects of the published notes' aliases that do not collide with `taken` URLs. */
export function deriveAliasRedirects(notes: readonly BuiltNote[], taken: ReadonlySet<string>): Map<Slug, Slug> {
  const out = new Map<Slug, Slug>();
  for (const n of notes) {
    if (!n.publish) continue;
    for (const alias of n.parsed.frontmatter.aliases) {
      const url = toSlug(alias as NoteId);
      if (!taken.has(url) && !out.has(url) && !reservedSegments.has(url.split('/')[1] ?? '')) out.set(url, n.url);
    }
  }
  return out;
}
