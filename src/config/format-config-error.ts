/** Configuration errors as printed: `garden/trellis.config.yaml:3:7: "url" must be …`, then the line with a caret. */
import path from 'node:path';
import type { ConfigError } from './types.ts';

/** Format an error of the configuration of the garden at `root`, its file relative to the working directory. */
export function formatConfigError(root: string, error: ConfigError): string {
  if (error.line === 0) return `trellis: ${error.file}: ${error.reason}`;
  const file = path.relative(process.cwd(), path.join(root, error.file)) || error.file;
  const head = `${file}:${error.line}:${error.column}: ${error.reason}`;
  if (error.source === undefined) return head;
  const lines = error.source.replace(/\r?\n$/, '').split(/\r?\n/);
  // The line before and after; an error at the very end is on the empty line after the last.
  const last = Math.max(error.line, Math.min(lines.length, error.line + 1));
  const width = String(last).length;
  const frame: string[] = [];
  for (let n = Math.max(1, error.line - 1); n <= last; n++) {
    const mark = n === error.line ? '>' : ' ';
    frame.push(`${mark} ${String(n).padStart(width)} | ${lines[n - 1] ?? ''}`.trimEnd());
    if (n === error.line) frame.push(`  ${' '.repeat(width)} | ${' '.repeat(Math.max(0, error.column - 1))}^`);
  }
  return `${head}\n${frame.join('\n')}`;
}
