/**
 * Build-time code highlighting with Shiki: one tokenization per block with
 * Shiki's CSS-variables theme, written as classes (`tok-keyword`, ...) that
 * web/styles/code.css colours for light and dark. Grammars run on Shiki's
 * JavaScript regex engine: this is several times faster than two themed
 * passes on the Oniguruma WASM engine (docs/performance.md), and it tokenizes the
 * default garden's and the fixture vault's code exactly as Oniguruma does
 * (test/highlight.test.ts). One highlighter per worker, created once.
 */
import { createCssVariablesTheme, createHighlighter } from 'shiki';
import { createJavaScriptRegexEngine } from 'shiki/engine/javascript';
import type { RegexTable } from './regex-table.ts';
import { codeTheme, languages, type Highlighter } from './highlight-options.ts';

const theme = createCssVariablesTheme({ name: codeTheme, variablePrefix: '--shiki-', fontStyle: true });

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
