/** What the text before the cursor asks to complete inside an unfinished `[[…`. */
export type LinkContext =
  | { kind: 'note'; embed: boolean; query: string; start: number }
  | { kind: 'heading'; target: string; query: string; start: number }
  | { kind: 'block'; target: string; query: string; start: number };

/**
 * Read the completion context from the text of the current line before the
 * cursor. `start` is the offset in that text where the typed query begins
 * (what a completion replaces). Null outside an open link or in its alias part.
 */
export function findLinkContext(before: string): LinkContext | null {
  const open = before.lastIndexOf('[[');
  if (open < 0) return null;
  const inner = before.slice(open + 2);
  if (inner.includes(']]') || inner.includes('|')) return null;
  const embed = open > 0 && before[open - 1] === '!';
  const hash = inner.indexOf('#');
  if (hash < 0) return { kind: 'note', embed, query: inner, start: open + 2 };
  const target = inner.slice(0, hash);
  const rest = inner.slice(hash + 1);
  if (rest.startsWith('^')) return { kind: 'block', target, query: rest.slice(1), start: open + 2 + hash + 2 };
  return { kind: 'heading', target, query: rest, start: open + 2 + hash + 1 };
}
