/**
 * The Link action on an unlinked mention (`trellis dev`): turn the mention a
 * page shows into a wiki-link, in the source text, at the mention's exact
 * source offsets. The mention is found again with the graph stage's rule
 * (`findMentions`) on the note's plain text; its syntax tree then says which
 * text node holds it and where that node lies in the source. Nothing here
 * searches the raw Markdown: a mention that is not plain text of one text node
 * (code, a link's text, a tag, split by formatting) or that the parser wrote
 * differently from the source (escapes, entities) is refused, never guessed.
 */
import type { Nodes, Root, Text } from 'mdast';
import { parseNote } from '../compile/parse/index.ts';
import { toPlainText } from '../compile/parse/plain-text.ts';
import { parseMarkdown } from '../compile/parse/processor.ts';
import { buildPhraseIndex, findMentions, type MentionTarget } from '../graph/unlinked-mentions.ts';
import type { NoteId, NotePath } from '../shared/types.ts';

/** The edit that links the mention, or why not. */
export type MentionLink =
  | {
      /** The whole new text of the source. */
      text: string;
      /** What replaced the mention, at `start` of the new text. */
      link: string;
      /** The mention's [start, end) in the old text. */
      start: number;
      end: number;
    }
  | { refused: string };

/** Parents under which text cannot take a link: it is a link's own text already. */
const linkParents = new Set(['link', 'linkReference', 'wikiLink', 'image', 'imageReference', 'tag']);

/**
 * Link the first unlinked mention of `target` in the note `source` (its text as read), as
 * `[[written]]` or `[[written|as mentioned]]`.
 * @param linked notes the source links to already (their mentions are not unlinked)
 * @param written the link target to write (the shortest that resolves to `target` from the source)
 * @param expected the mention's words as the page showed them; refused when they differ
 */
export function linkMention(
  text: string,
  source: { path: NotePath; id: NoteId; hash: string },
  target: MentionTarget,
  linked: ReadonlySet<NoteId>,
  written: string,
  expected?: string,
): MentionLink {
  const { tree } = parseNote(source, text);
  const nodes = textNodes(tree);
  const marks = new Map<Nodes, [number, number]>();
  const plain = toPlainText(tree, { track: new Set(nodes.keys()), marks });
  const found = findMentions(plain, new Set([source.id, ...linked]), buildPhraseIndex([target])).get(target.id);
  if (!found) return { refused: `${source.path} no longer mentions “${target.title}” without linking it` };
  const words = plain.slice(found.start, found.end);
  if (expected !== undefined && words !== expected)
    return { refused: `the first mention of “${target.title}” in ${source.path} now reads “${words}”, not “${expected}”` };
  if (/[\n\r|[\]]/u.test(words))
    return { refused: `the mention “${words}” spans lines or holds link syntax, so it cannot become one link; link it in the editor` };

  const holder = [...marks].find(([, [s, e]]) => s <= found.start && found.end <= e);
  const node = holder?.[0] as Text | undefined;
  const info = node && nodes.get(node);
  if (!node || !info || info.inLink)
    return { refused: `the mention “${words}” is not plain text (it is code, a link's text, a tag, or split by formatting); link it in the editor` };
  const at = sourceRange(text, rawValues(text), node, found.start - holder![1][0], words.length);
  if (!at || text.slice(at.start, at.end) !== words)
    return {
      refused: `the place of the mention “${words}” in ${source.path} cannot be told exactly (escapes, entities or a repeated phrase around it); link it in the editor`,
    };

  const divider = info.inTable ? '\\|' : '|';
  const link = words === written ? `[[${written}]]` : `[[${written}${divider}${words}]]`;
  const next = text.slice(0, at.start) + link + text.slice(at.end);
  // The new text must read as a link exactly where the mention was (not `[[[…]]]` or swallowed by what follows).
  if (!wikiLinkAt(next, at.start, at.start + link.length)) return { refused: `“${link}” would not read as a link in that place; link it in the editor` };
  return { text: next, link, start: at.start, end: at.end };
}

/** Every text node of the tree, and whether a link (or table cell) holds it. */
function textNodes(tree: Root): Map<Nodes, { inLink: boolean; inTable: boolean }> {
  const out = new Map<Nodes, { inLink: boolean; inTable: boolean }>();
  const walk = (n: Nodes, inLink: boolean, inTable: boolean): void => {
    if (n.type === 'text') out.set(n, { inLink, inTable });
    if ('children' in n) for (const c of n.children) walk(c as Nodes, inLink || linkParents.has(n.type), inTable || n.type === 'tableCell');
  };
  walk(tree, false, false);
  return out;
}

/**
 * Where `length` characters from `offset` of a text node's value lie in the source. The node's
 * position is its source range. Transforms that split a text node (comments, tags, highlights)
 * give each piece the whole node's position: the piece is then found in the value the parser gave
 * that range, and only when it occurs there once. The value differs from the source by what
 * Markdown leaves out (line prefixes of quotes and lists, backslashes of escapes), so value and
 * source are walked side by side; undefined when they cannot be matched.
 */
function sourceRange(text: string, raws: ReadonlyMap<string, string>, node: Text, offset: number, length: number): { start: number; end: number } | undefined {
  const from = node.position?.start.offset;
  const to = node.position?.end.offset;
  if (from === undefined || to === undefined) return undefined;
  const raw = raws.get(`${from}:${to}`) ?? node.value;
  const at = raw === node.value ? 0 : raw.indexOf(node.value);
  if (at < 0 || (raw !== node.value && raw.indexOf(node.value, at + 1) >= 0)) return undefined;
  const source = text.slice(from, to);
  const map: number[] = [];
  let j = 0;
  for (let i = 0; i < raw.length; i++) {
    while (j < source.length && source[j] !== raw[i]) j++;
    if (j === source.length) return undefined;
    map.push(j++);
  }
  const first = map[at + offset];
  const last = map[at + offset + length - 1];
  if (first === undefined || last === undefined) return undefined;
  return { start: from + first, end: from + last + 1 };
}

/** The value of each text node the parser makes of `text` before any transform, by its source range (`start:end`). */
function rawValues(text: string): Map<string, string> {
  const values = new Map<string, string>();
  const walk = (n: Nodes): void => {
    if (n.type === 'text' && n.position?.start.offset !== undefined) values.set(`${n.position.start.offset}:${n.position.end.offset}`, n.value);
    if ('children' in n) for (const c of n.children) walk(c as Nodes);
  };
  walk(parseMarkdown(text));
  return values;
}

/** Whether `text` parses to a wiki-link (not an embed) spanning exactly [start, end). */
function wikiLinkAt(text: string, start: number, end: number): boolean {
  let found = false;
  const walk = (n: Nodes): void => {
    if (found) return;
    if (n.type === 'wikiLink' && !n.data.embed && n.position?.start.offset === start && n.position.end.offset === end) found = true;
    else if ('children' in n) for (const c of n.children) walk(c as Nodes);
  };
  walk(parseMarkdown(text));
  return found;
}
