/** Test helper: SearchDocs made from real Markdown files of the obsidian-tasks docs fixture. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Heading, Root, Yaml } from 'mdast';
import { toString } from 'mdast-util-to-string';
import remarkFrontmatter from 'remark-frontmatter';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { parse as parseYaml } from 'yaml';
import type { NoteId, SearchDoc, Slug } from '../src/shared/types.ts';

import { tasksVault } from './helpers/garden.ts';

export const fixtureRoot = tasksVault;

/** The fixture notes the search tests index. */
export const fixtureFiles = [
  'Introduction.md',
  'Advanced/Urgency.md',
  'Advanced/Styling.md',
  'Editing/Auto-Suggest.md',
  'Editing/Create or edit Task.md',
  'Getting Started/Priority.md',
  'Queries/Backlinks.md',
  'Queries/Filters.md',
  'Queries/Sorting.md',
  'Queries/Grouping.md',
  'Queries/Regular Expressions.md',
  'Other Plugins/Dataview.md',
];

const processor = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']);

/** Read a fixture note: title from its first `#` heading, headings and aliases from the tree, body = text after the frontmatter. */
export function makeFixtureDoc(path: string, extra: Partial<SearchDoc> = {}): SearchDoc {
  const text = readFileSync(join(fixtureRoot, path), 'utf8');
  const tree = processor.parse(text) as Root;
  const yaml = tree.children.find((node): node is Yaml => node.type === 'yaml');
  const frontmatter: unknown = yaml ? parseYaml(yaml.value) : {};
  const aliases = isRecord(frontmatter) && Array.isArray(frontmatter.aliases) ? frontmatter.aliases.map(String) : [];
  const headings = tree.children.filter((node): node is Heading => node.type === 'heading');
  const h1 = headings.find((heading) => heading.depth === 1);
  const id = path.replace(/\.md$/, '');
  return {
    id: id as NoteId,
    url: `/${id.toLowerCase().replace(/ /g, '-')}/` as Slug,
    title: h1 ? toString(h1) : id.split('/').pop()!,
    aliases,
    headings: headings.filter((heading) => heading !== h1).map((heading) => ({ text: toString(heading), id: toHeadingId(toString(heading)) })),
    tags: [],
    body: text.slice(yaml?.position?.end.offset ?? 0),
    ...extra,
  };
}

/** GitHub-style heading id (lower case, spaces to dashes, punctuation dropped), good enough for tests. */
export function toHeadingId(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^\p{L}\p{N} -]/gu, '')
    .replace(/ /g, '-');
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

const syllables = ['ka', 'lo', 'mi', 'ne', 'su', 'ta', 'vo', 'ri', 'de', 'fa'];

/** A made-up note `notes/n<i>` of random words (from `rand`): a title, sometimes an alias and a tag, a few headings, a body of 20-220 words. */
export function makeRandomDoc(i: number, rand: () => number): SearchDoc {
  const word = () => Array.from({ length: 2 + Math.floor(rand() * 3) }, () => syllables[Math.floor(rand() * syllables.length)]).join('');
  const words = (n: number) => Array.from({ length: n }, word).join(' ');
  return {
    id: `notes/n${i}` as NoteId,
    url: `/notes/n${i}/` as Slug,
    title: words(2),
    aliases: rand() < 0.3 ? [words(2)] : [],
    headings: Array.from({ length: Math.floor(rand() * 4) }, (_, h) => ({ text: words(2), id: `h${h}` })),
    tags: rand() < 0.4 ? [word()] : [],
    body: words(20 + Math.floor(rand() * 200)),
  };
}
