/**
 * Build-time code highlighting with Shiki, dual light/dark themes as CSS
 * variables. One highlighter per worker, created once.
 */
import { createHighlighter, type HighlighterGeneric } from 'shiki';

/** The highlighter type used by render. */
export type Highlighter = HighlighterGeneric<string, string>;

/** Languages loaded up front; others fall back to plain text. */
export const languages = [
  'bash', 'shell', 'c', 'cpp', 'go', 'rust', 'python', 'javascript', 'typescript', 'json', 'yaml', 'toml',
  'sql', 'diff', 'dockerfile', 'html', 'css', 'markdown', 'java', 'ini', 'make', 'nginx', 'lua', 'hcl', 'proto', 'asm',
];

/** Themes for light and dark mode. */
export const themes = { light: 'github-light', dark: 'github-dark' } as const;

let pending: Promise<Highlighter> | undefined;

/** The shared highlighter (created on first call). */
export function getHighlighter(): Promise<Highlighter> {
  pending ??= createHighlighter({ themes: [themes.light, themes.dark], langs: languages }) as Promise<Highlighter>;
  return pending;
}
