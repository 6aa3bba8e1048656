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
  if (text.toLowerCase() !== title.trim().toLowerCase()) return html;
  const id = /\sid="([^"]*)"/.exec(m[1] ?? '')?.[1];
  return (id !== undefined ? `<span id="${id}"></span>` : '') + html.slice(m[0].length);
}

function decodeBasicEntities(text: string): string {
  return text.replace(/&(amp|lt|gt|quot|#39);/g, (_, e: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" })[e] ?? _);
}
