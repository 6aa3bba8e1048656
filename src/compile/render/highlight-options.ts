/**
 * What highlighting a code block is made of, apart from the highlighter itself (highlighter.ts
 * loads Shiki and its grammars): the theme, the languages loaded, the transformer that writes
 * token kinds as classes, the time limit. Rendering imports only this, so a parse worker that
 * needs no new highlighting (highlight-memo.ts) never loads Shiki's grammars.
 */
import type { Element } from 'hast';
import type { HighlighterGeneric, ShikiTransformer } from 'shiki';

/** The highlighter type used by render. */
export type Highlighter = HighlighterGeneric<string, string>;

/** Languages the highlighter loads; others fall back to plain text. */
export const languages = [
  'bash',
  'shell',
  'c',
  'cpp',
  'go',
  'rust',
  'python',
  'javascript',
  'typescript',
  'json',
  'yaml',
  'toml',
  'sql',
  'diff',
  'dockerfile',
  'html',
  'css',
  'markdown',
  'java',
  'ini',
  'make',
  'nginx',
  'lua',
  'hcl',
  'proto',
  'asm',
];

/**
 * The names the highlighter answers to once `languages` are loaded (`getLoadedLanguages`): theirs,
 * their aliases, and the grammars they embed. Known without loading them (lazy-highlighter.ts);
 * test/highlight-memo.test.ts checks it against a loaded highlighter.
 */
export const loadedLanguages: readonly string[] = [
  'asm',
  'bash',
  'c',
  'c++',
  'cjs',
  'cpp',
  'cpp-macro',
  'css',
  'cts',
  'diff',
  'docker',
  'dockerfile',
  'glsl',
  'go',
  'hcl',
  'html',
  'ini',
  'java',
  'javascript',
  'js',
  'json',
  'lua',
  'make',
  'makefile',
  'markdown',
  'md',
  'mjs',
  'mts',
  'nginx',
  'properties',
  'proto',
  'protobuf',
  'py',
  'python',
  'regex',
  'regexp',
  'rs',
  'rust',
  'sh',
  'shell',
  'shellscript',
  'sql',
  'toml',
  'ts',
  'typescript',
  'yaml',
  'yml',
  'zsh',
];

/** The theme whose colours are `var(--shiki-token-*)`; turned into classes by {@link tokenClasses}. */
export const codeTheme = 'css-variables';

/**
 * No time limit per line (Shiki's default stops a line after 500 ms and leaves the rest
 * untokenized, so on a busy machine the same note would come out differently). A note that takes
 * too long is caught by the worker pool's per-note limit and reported instead.
 */
export const tokenizeTimeLimit = 0;
const tokenVar = /^var\(--shiki-token-([a-z-]+)\)$/;

/** Shiki transformer: token colours and font styles as classes, no inline styles. */
export const tokenClasses: ShikiTransformer = {
  name: 'trellis:token-classes',
  pre(node: Element) {
    delete node.properties.style;
    node.properties.class = 'shiki';
  },
  span(node: Element, _line, _col, _lineEl, token) {
    const classes: string[] = [];
    const name = token.color ? tokenVar.exec(token.color)?.[1] : undefined;
    if (name) classes.push('tok-' + name);
    const fontStyle = token.fontStyle ?? 0;
    if (fontStyle & 1) classes.push('tok-i');
    if (fontStyle & 2) classes.push('tok-b');
    if (fontStyle & 4) classes.push('tok-u');
    delete node.properties.style;
    if (classes.length) node.properties.class = classes.join(' ');
  },
};
