/**
 * Remove a leading `<h1>` from a note body when its text repeats the note's
 * title (Obsidian notes often start with `# Title`, and the page shows the
 * title already). The heading's id is kept on an empty anchor so links to it
 * still land.
 */
export function dropTitleHeading(html: string, title: string): string {
  const m = /^\s*<h1(\s[^>]*)?>([\s\S]*?)<\/h1>/.exec(html);
  if (!m) return html;
  const text = decodeBasicEntities(m[2]!.replace(/<[^>]*>/g, '')).trim();
  if (!sameTitle(text, title)) return html;
  const id = /\sid="([^"]*)"/.exec(m[1] ?? '')?.[1];
  return (id !== undefined ? `<span id="${id}"></span>` : '') + html.slice(m[0].length);
}

/** Whether a heading's text `text` repeats `title`: the same but for case and the spaces around them. */
export function sameTitle(text: string, title: string): boolean {
  return text.trim().toLowerCase() === title.trim().toLowerCase();
}

function decodeBasicEntities(text: string): string {
  return text.replace(/&(amp|lt|gt|quot|#39);/g, (_, e: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" })[e] ?? _);
}
