/** What search indexes of a note: title, aliases, headings, tags and plain-text body. */
import type { BuiltNote } from '../build.ts';
import type { SearchDoc } from '../shared/types.ts';
import { sameTitle } from '../shared/templates/drop-title-heading.ts';

/** What a search document is made of besides the note's text. */
export type SearchSource = Pick<BuiltNote, 'parsed' | 'url'>;

/** The search document of a (published) note with plain-text `body` (empty when the search worker reads it from the store's file). */
export function toSearchDoc(n: SearchSource, body: string): SearchDoc {
  return {
    id: n.parsed.id,
    url: n.url,
    title: n.parsed.title,
    aliases: n.parsed.frontmatter.aliases,
    headings: n.parsed.headings.map((h) => ({ text: h.text, id: h.id })),
    tags: n.parsed.tags,
    body,
    ...(repeatsTitle(n.parsed.headings[0], n.parsed.title) ? { titleHeading: true as const } : {}),
    source: searchSource(n),
  };
}

/** Whether `heading` is an `# h1` whose text is `title` (as the page's `dropTitleHeading` tells, case aside). */
function repeatsTitle(heading: { depth: number; text: string } | undefined, title: string): boolean {
  return heading !== undefined && heading.depth === 1 && sameTitle(heading.text, title);
}

/** A note's doc source (`SearchDoc.source`): the note's text and facts are its content hash's (under one code version, which the kept postings check), and its URL. */
export function searchSource(n: SearchSource): string {
  return `${n.parsed.hash}\u0001${n.url}`;
}
