import type { NodeAttributes } from './build-graph.ts';

/** What the global graph shows; every field set narrows it further. */
export interface GraphFilter {
  /** A topic or a subtopic (their ids are distinct). */
  topic?: number;
  tag?: string;
  /** A vault folder; its subfolders match too. */
  folder?: string;
}

/**
 * Whether a note passes the filter. A topic matches its notes, a subtopic the notes in it; tags
 * match case-insensitively, nested tags (`a/b`) match their parent (`a`).
 */
export function matchesFilter(node: Pick<NodeAttributes, 'topic' | 'subtopic' | 'tags' | 'folder'>, filter: GraphFilter): boolean {
  if (filter.topic !== undefined && node.topic !== filter.topic && node.subtopic !== filter.topic) return false;
  if (filter.tag !== undefined) {
    const want = filter.tag.toLowerCase();
    if (!node.tags.some((t) => t.toLowerCase() === want || t.toLowerCase().startsWith(want + '/'))) return false;
  }
  if (filter.folder !== undefined && filter.folder !== '') {
    if (node.folder !== filter.folder && !node.folder.startsWith(filter.folder + '/')) return false;
  }
  return true;
}

/** Whether the filter narrows anything. */
export function isFilterActive(filter: GraphFilter): boolean {
  return filter.topic !== undefined || filter.tag !== undefined || (filter.folder !== undefined && filter.folder !== '');
}
