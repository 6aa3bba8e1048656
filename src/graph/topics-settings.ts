/** The configuration's say over topics (`topics:` in trellis.config.yaml, docs/configuration.md). */
import type { NoteId } from '../shared/types.ts';

/** Topic settings as the graph stage takes them (plain data: they cross to the layout worker). */
export interface TopicSettings {
  /**
   * Pinned names: a key naming a note (its path, with or without `.md`) names the top-level
   * topic holding that note; any other key renames the topic that would get that name.
   */
  names: Record<string, string>;
  /** Tags and folders whose notes form a top-level topic of the given name. */
  map: { tags: Record<string, string>; folders: Record<string, string> };
}

/** No pins, no mappings. */
export const defaultTopicSettings: TopicSettings = { names: {}, map: { tags: {}, folders: {} } };

/**
 * The topic name the configuration maps a note to: its deepest mapped folder first, then
 * its first tag (in the note's order) that is mapped (a nested tag maps with its parents).
 */
export function mappedTopic(id: NoteId, tags: readonly string[], settings: TopicSettings): string | undefined {
  const folders = settings.map.folders;
  const parts = id.split('/');
  for (let depth = parts.length - 1; depth > 0; depth--) {
    const name = folders[parts.slice(0, depth).join('/')];
    if (name !== undefined) return name;
  }
  const byTag = new Map(Object.entries(settings.map.tags).map(([t, name]) => [t.replace(/^#/, '').toLowerCase(), name]));
  if (byTag.size === 0) return undefined;
  for (const tag of tags) {
    const segs = tag.toLowerCase().split('/');
    for (let n = segs.length; n > 0; n--) {
      const name = byTag.get(segs.slice(0, n).join('/'));
      if (name !== undefined) return name;
    }
  }
  return undefined;
}

/** The pinned name of a topic: by one of its notes (key = note path), else by the name it would get. */
export function pinnedName(computed: string, members: ReadonlySet<NoteId>, settings: TopicSettings): string | undefined {
  let byName: string | undefined;
  for (const [key, name] of Object.entries(settings.names)) {
    const id = key.replace(/\.md$/i, '') as NoteId;
    if (members.has(id)) return name;
    if (byName === undefined && key.toLowerCase() === computed.toLowerCase()) byName = name;
  }
  return byName;
}
