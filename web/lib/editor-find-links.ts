import { splitLinkText } from './editor-resolve-target.ts';

/** A `[[wiki-link]]` or `![[embed]]` found in a text; offsets cover the brackets (and the `!`). */
export interface WikiLinkSpan {
  from: number;
  to: number;
  /** Target before `#` and `|`, trimmed; empty for links to the same note (`[[#Heading]]`). */
  target: string;
  anchor: string;
  embed: boolean;
}

/**
 * Find the wiki-links of a text, line by line: `[[` up to the next `]]` on
 * the same line. Code spans and blocks are not excluded here; the editor
 * drops links that its syntax tree places in code.
 */
export function findWikiLinks(text: string, offset = 0): WikiLinkSpan[] {
  const spans: WikiLinkSpan[] = [];
  let i = text.indexOf('[[');
  while (i >= 0) {
    const close = text.indexOf(']]', i + 2);
    const lineEnd = text.indexOf('\n', i);
    const reopen = text.indexOf('[[', i + 2);
    if (close < 0) break;
    if ((lineEnd >= 0 && lineEnd < close) || (reopen >= 0 && reopen < close)) {
      i = reopen;
      continue;
    }
    const { target, anchor } = splitLinkText(text.slice(i + 2, close));
    const embed = i > 0 && text[i - 1] === '!';
    spans.push({ from: offset + (embed ? i - 1 : i), to: offset + close + 2, target: target.trim(), anchor, embed });
    i = text.indexOf('[[', close + 2);
  }
  return spans;
}
