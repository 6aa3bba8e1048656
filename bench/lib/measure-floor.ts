/**
 * The floors: single-threaded passes over every note's text, in this process, files read beforehand.
 * - markdown-it rendering: the least any JavaScript Markdown engine must spend. Nothing Trellis does
 *   (wiki-links, highlighting, math, graph, search, pages) is in it, so cold build / floor says how
 *   much the full pipeline costs over bare Markdown rendering.
 * - remark-parse (CommonMark only, no extensions, no HTML): the least a unified-based builder must
 *   spend, since every note has to be parsed to a syntax tree once. Divided by the cores, it bounds
 *   the cold build from below.
 * Each is the fastest of a few passes: one pass of markdown-it over a 10k garden read 1.24 s and
 * 1.87 s ten minutes apart on this machine (garbage collection and the JIT's timing), and a floor is
 * the least a pass costs, so the ratios to it do not move with its noise.
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
  // Past 20k notes a pass takes long enough to be steady, and minutes of remark are too many.
  const large = texts.length > 20_000;
  const md = new MarkdownIt();
  const remark = unified().use(remarkParse);
  return {
    markdownItMs: fastestOf(large ? 2 : 5, texts, (t) => md.render(t)),
    // ~30 s a pass at 10k notes, ten times that at 100k.
    remarkParseMs: fastestOf(large ? 1 : 2, texts, (t) => remark.parse(t)),
    notes: texts.length,
  };
}

/** The least time of `passes` passes of `run` over `texts`. */
function fastestOf(passes: number, texts: readonly string[], run: (text: string) => unknown): number {
  return Math.min(...Array.from({ length: passes }, () => timeEach(texts, run)));
}

function timeEach(texts: readonly string[], run: (text: string) => unknown): number {
  for (const t of texts.slice(0, 50)) run(t);
  const start = performance.now();
  for (const t of texts) run(t);
  return performance.now() - start;
}
