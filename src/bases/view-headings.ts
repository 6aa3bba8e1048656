/**
 * The headings of a `.base` file's page: one per view, so its views are in the page's contents
 * and `![[Books.base#Reading]]` embeds the view named `Reading`, as in Obsidian. The compile job
 * (headings) and the renderer (each view's `<h2 id>`) both take them from here.
 */
import { headingId } from '../shared/ids.ts';
import type { ViewSpec } from './types.ts';

/** The text and unique id of each view's heading. */
export function viewHeadings(views: readonly Pick<ViewSpec, 'name'>[]): { text: string; id: string }[] {
  const used = new Map<string, number>();
  return views.map((v) => {
    const base = headingId(v.name);
    const seen = used.get(base) ?? 0;
    used.set(base, seen + 1);
    return { text: v.name, id: seen === 0 ? base : `${base}-${seen}` };
  });
}
