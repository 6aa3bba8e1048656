/**
 * The floors: single-threaded passes over every note's text, in this process, files read beforehand.
 * - markdown-it rendering: the least any JavaScript Markdown engine must spend. Nothing Trellis does
 *   (wiki-links, highlighting, math, graph, search, pages) is in it, so cold build / floor says how
 *   much the full pipeline costs over bare Markdown rendering.
 * - remark-parse (CommonMark only, no extensions, no HTML): the least a unified-based builder must
 *   spend, since every note has to be parsed to a syntax tree once. Divided by the cores, it bounds
 *   the cold build from below.
 */
import { readFileSync } from 'node:fs';
import MarkdownIt from 'markdown-it';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { listFiles } from './site-stats.ts';

/** Milliseconds of each floor over all `.md` files under `garden`. */
export interface Floors {
  markdownItMs: number;
  remarkParseMs: number;
  notes: number;
}

/** Time both floors over the garden's notes. */
export function measureFloors(garden: string): Floors {
  const texts = listFiles(garden)
    .filter((f) => f.endsWith('.md'))
    .map((f) => readFileSync(f, 'utf8'));
  const md = new MarkdownIt();
  const remark = unified().use(remarkParse);
  return {
    markdownItMs: timeEach(texts, (t) => md.render(t)),
    remarkParseMs: timeEach(texts, (t) => remark.parse(t)),
    notes: texts.length,
  };
}

function timeEach(texts: readonly string[], run: (text: string) => unknown): number {
  for (const t of texts.slice(0, 50)) run(t);
  const start = performance.now();
  for (const t of texts) run(t);
  return performance.now() - start;
}
