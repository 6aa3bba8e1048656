/**
 * Build-time code highlighting with Shiki: one tokenization per block with
 * Shiki's CSS-variables theme, written as classes (`tok-keyword`, ...) that
 * web/styles/code.css colours for light and dark. Grammars run on Shiki's
 * JavaScript regex engine: this is several times faster than two themed
 * passes on the Oniguruma WASM engine (docs/performance.md), and it tokenizes the
 * default garden's and the fixture vault's code exactly as Oniguruma does
 * (test/highlight.test.ts). One highlighter per worker, created once.
 */
import type { Element } from 'hast';
import { createCssVariablesTheme, createHighlighter, type HighlighterGeneric, type ShikiTransformer } from 'shiki';
import { createJavaScriptRegexEngine } from 'shiki/engine/javascript';
import type { RegexTable } from './regex-table.ts';

/** The highlighter type used by render. */
export type Highlighter = HighlighterGeneric<string, string>;

/** Languages loaded up front; others fall back to plain text. */
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

/** The theme whose colours are `var(--shiki-token-*)`; turned into classes by {@link tokenClasses}. */
export const codeTheme = 'css-variables';

/**
 * No time limit per line (Shiki's default stops a line after 500 ms and leaves the rest
 * untokenized, so on a busy machine the same note would come out differently). A note that takes
 * too long is caught by the worker pool's per-note limit and reported instead.
 */
export const tokenizeTimeLimit = 0;
const theme = createCssVariablesTheme({ name: codeTheme, variablePrefix: '--shiki-', fontStyle: true });

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

let pending: Promise<Highlighter> | undefined;

/**
 * The shared highlighter (created on first call). With `regexes` (regex-table.ts), its engine
 * constructs each grammar regex from the table's conversion when it holds one.
 */
export function getHighlighter(regexes?: RegexTable): Promise<Highlighter> {
  pending ??= createCodeHighlighter(regexes);
  return pending;
}

/** A highlighter of its own (tests compare engines; a worker uses `getHighlighter`). */
export function createCodeHighlighter(regexes?: RegexTable): Promise<Highlighter> {
  const engine = createJavaScriptRegexEngine(regexes ? { regexConstructor: (pattern) => regexes.construct(pattern) } : {});
  return createHighlighter({ themes: [theme], langs: languages, engine }) as Promise<Highlighter>;
}
