/** A note as the editor API's `GET index` describes it, for completion and link checks. */
export interface EditorIndexNote {
  id: string;
  /** Path relative to the garden, with `.md`. */
  path: string;
  title: string;
  aliases: string[];
  /** Page path of the note, null when it is not published. */
  url: string | null;
  headings: { text: string; id: string; depth: number }[];
  blocks: string[];
}

/** The answer of `GET /_trellis/api/index`. */
export interface EditorIndex {
  notes: EditorIndexNote[];
  /** Attachment paths relative to the garden. */
  attachments: string[];
}

/** Path without its `.md` extension. */
export function toLinkPath(path: string): string {
  return path.toLowerCase().endsWith('.md') ? path.slice(0, -3) : path;
}

/** Last segment of a path. */
export function toBaseName(path: string): string {
  const i = path.lastIndexOf('/');
  return i < 0 ? path : path.slice(i + 1);
}
