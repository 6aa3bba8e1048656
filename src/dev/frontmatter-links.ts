/**
 * Wiki-links in a note's YAML frontmatter (`related: "[[Note]]"`,
 * `up: ["[[A]]", "[[B]]"]`), which Obsidian treats as links and rewrites on
 * rename. The frontmatter is found by remark-frontmatter, its YAML read as a
 * concrete syntax tree (the `yaml` package's CST, which stringifies back to
 * the exact source), and each string value parsed as Markdown to find its
 * links. Only the edited scalars change; every other byte stays as it was.
 */
import type { Yaml } from 'mdast';
import { CST, parseDocument, Parser } from 'yaml';
import { nameKey } from '../shared/ids.ts';
import { parseNote } from '../compile/parse/index.ts';
import { parseMarkdown } from '../compile/parse/processor.ts';
import type { LinkRef, NoteId, NotePath } from '../shared/types.ts';

/** A string value of the frontmatter that holds wiki-links. */
export interface FrontmatterString {
  /** The string's value (quotes and escapes resolved). */
  value: string;
  /** Its wiki-links; `range` is relative to `value`. */
  links: LinkRef[];
  /** Offset in the note's text of each link (of the scalar when its source differs from its value, as with escapes). */
  offsets: number[];
}

/** The frontmatter strings of a note that hold wiki-links, and a way to write new values for some of them. */
export interface FrontmatterLinks {
  strings: FrontmatterString[];
  /** The note's text with the given strings set to new values; undefined if the YAML would not read back as intended. */
  replace(values: ReadonlyMap<FrontmatterString, string>): string | undefined;
}

type Scalar = CST.FlowScalar | CST.BlockScalar;

const quoted = new Set(['single-quoted-scalar', 'double-quoted-scalar']);
const noIdentity = { path: 'frontmatter.md' as NotePath, id: 'frontmatter' as NoteId, hash: '' };

/**
 * Read the wiki-links of `text`'s frontmatter; undefined when it has none (or none that can be edited safely).
 * @param mentioning a name key (ids.ts `nameKey`): skip the work unless the frontmatter contains it
 */
export function readFrontmatterLinks(text: string, mentioning?: string): FrontmatterLinks | undefined {
  const head = frontmatterBlock(text);
  if (head === undefined || !head.includes('[[') || (mentioning !== undefined && !nameKey(head).includes(mentioning))) return undefined;
  const yaml = parseMarkdown(head).children[0];
  if (yaml?.type !== 'yaml' || yaml.position?.start.offset !== 0) return undefined;
  // The YAML starts on the line after the opening `---` fence.
  const start = text.indexOf('\n') + 1;
  const source = (yaml as Yaml).value;
  if (start === 0 || text.slice(start, start + source.length) !== source) return undefined;
  const tokens = [...new Parser().parse(source)];
  if (tokens.map((t) => CST.stringify(t)).join('') !== source) return undefined;

  const found: { string: FrontmatterString; token: Scalar; context: { inFlow: boolean; afterKey: boolean } }[] = [];
  for (const doc of tokens) {
    if (doc.type !== 'document') continue;
    CST.visit(doc, (item, path) => {
      const token = item.value;
      if (!CST.isScalar(token)) return;
      const value = CST.resolveAsScalar(token)?.value;
      if (value === undefined || !value.includes('[[')) return;
      const links = parseNote(noIdentity, value).note.links.filter((l) => l.syntax === 'wiki');
      if (links.length === 0) return;
      const inFlow = path.length > 0 && CST.visit.parentCollection(doc, path).type === 'flow-collection';
      // A map's value is indented below its key (a block scalar's lines must be).
      const context = { inFlow, afterKey: item.sep !== undefined };
      found.push({ string: { value, links, offsets: links.map((l) => start + offsetIn(token, value, l.range[0])) }, token, context });
    });
  }
  if (found.length === 0) return undefined;

  return {
    strings: found.map((f) => f.string),
    replace(values) {
      try {
        for (const f of found) {
          const next = values.get(f.string);
          if (next === undefined) continue;
          CST.setScalarValue(f.token, next, f.context);
          if (CST.resolveAsScalar(f.token, true)?.value !== next) return undefined;
        }
      } catch {
        // The yaml package throws when a value cannot be written in the token's place.
        return undefined;
      }
      const edited = tokens.map((t) => CST.stringify(t)).join('');
      // The edited YAML must still read without errors.
      if (parseDocument(edited).errors.length > 0) return undefined;
      return text.slice(0, start) + edited + text.slice(start + source.length);
    },
  };
}

/**
 * The start of `text` up to the end of its closing frontmatter fence (the first later line that is `---`),
 * so only that much is parsed: a note's body can be megabytes. The parser then decides whether it is frontmatter.
 */
function frontmatterBlock(text: string): string | undefined {
  if (!text.startsWith('---')) return undefined;
  for (let start = text.indexOf('\n') + 1; start > 0; start = text.indexOf('\n', start) + 1) {
    const end = text.indexOf('\n', start);
    const line = text.slice(start, end < 0 ? text.length : end);
    if (line.trimEnd() === '---') return text.slice(0, end < 0 ? text.length : end + 1);
  }
  return undefined;
}

/** Where the character at `index` of a scalar's value is in the YAML source (the scalar's start if escapes or folding moved it). */
function offsetIn(token: Scalar, value: string, index: number): number {
  if (token.type === 'scalar' && token.source === value) return token.offset + index;
  if (quoted.has(token.type) && token.source.slice(1, -1) === value) return token.offset + 1 + index;
  return token.offset;
}
