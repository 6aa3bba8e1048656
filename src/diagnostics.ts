/** Diagnostics in a stable order: file, line, column, rule, reason. */
import type { Diagnostic } from './shared/types.ts';

/** Sort diagnostics in place and return them. */
export function sortDiagnostics(list: Diagnostic[]): Diagnostic[] {
  const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  return list.sort((a, b) => cmp(a.file, b.file) || a.line - b.line || a.column - b.column || cmp(a.ruleId, b.ruleId) || cmp(a.reason, b.reason));
}
