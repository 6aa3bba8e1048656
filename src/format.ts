/** Diagnostic formatting: `garden/a.md:3:5: warning: reason [rule-id]`. */
import path from 'node:path';
import type { Diagnostic } from './shared/types.ts';

/** Format a diagnostic with its file relative to the working directory. */
export function formatDiagnostic(root: string, d: Diagnostic): string {
  const file = path.relative(process.cwd(), path.join(root, d.file)) || d.file;
  return `${file}:${d.line}:${d.column}: ${d.severity}: ${d.reason} [${d.ruleId}]`;
}
