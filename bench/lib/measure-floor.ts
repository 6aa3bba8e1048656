/**
 * The floor: a plain, single-threaded markdown-it render of every note's text, in this process.
 * Nothing Trellis does (wiki-links, highlighting, math, graph, search, pages) is in it, so the
 * ratio cold build / floor says how much the full pipeline costs over bare Markdown rendering.
 */
import { readFileSync } from 'node:fs';
import MarkdownIt from 'markdown-it';
import { listFiles } from './site-stats.ts';

/** Milliseconds to render all `.md` files under `garden` with markdown-it (files read beforehand). */
export function measureFloor(garden: string): { ms: number; notes: number; bytes: number } {
  const texts = listFiles(garden).filter((f) => f.endsWith('.md')).map((f) => readFileSync(f, 'utf8'));
  const md = new MarkdownIt();
  md.render(texts[0] ?? '');
  const start = performance.now();
  let bytes = 0;
  for (const text of texts) bytes += md.render(text).length;
  return { ms: performance.now() - start, notes: texts.length, bytes };
}
