import { withBase } from '../../src/shared/with-base.ts';

/** The fields of a search hit that decide where it leads. */
export interface HitTarget {
  url: string;
  heading?: { text: string; id: string };
}

/** The page URL a search hit opens: its note, at the heading when the hit is a heading. */
export function toHitUrl(hit: HitTarget, basePath: string): string {
  const page = hit.url.startsWith(basePath) ? hit.url : withBase(basePath, hit.url);
  return hit.heading ? `${page}#${encodeURIComponent(hit.heading.id)}` : page;
}
