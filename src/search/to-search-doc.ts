/** What search indexes of a note: title, aliases, headings, tags and plain-text body. */
import type { BuiltNote } from '../build.ts';
import type { SearchDoc } from '../shared/types.ts';

/** The search document of a (published) note; `withBody` false leaves the body empty (the search worker reads it elsewhere). */
export function toSearchDoc(n: BuiltNote, withBody = true): SearchDoc {
  return {
    id: n.parsed.id,
    url: n.url,
    title: n.parsed.title,
    aliases: n.parsed.frontmatter.aliases,
    headings: n.parsed.headings.map((h) => ({ text: h.text, id: h.id })),
    tags: n.parsed.tags,
    body: withBody ? n.parsed.text : '',
  };
}
