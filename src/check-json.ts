/**
 * The document `trellis check --json` prints: the link report (its keys as
 * before) plus every diagnostic of the build, link problems or not.
 */
import type { CheckReport, Diagnostic } from './shared/types.ts';

/** One diagnostic as JSON: where (vault-relative file, 1-based line and column), which rule, how severe, and why. */
export interface JsonDiagnostic {
  file: string;
  line: number;
  column: number;
  ruleId: string;
  severity: Diagnostic['severity'];
  /** A sentence in Markdown, with a suggestion where there is one. */
  message: string;
}

/** The check document: the link report's keys, then `diagnostics` (all of them, sorted by file and position). */
export type CheckJson = CheckReport & { diagnostics: JsonDiagnostic[] };

/** Build the check document from a build's report and diagnostics. */
export function toCheckJson(report: CheckReport, diagnostics: readonly Diagnostic[]): CheckJson {
  return {
    ...report,
    diagnostics: diagnostics.map((d) => ({ file: d.file, line: d.line, column: d.column, ruleId: d.ruleId, severity: d.severity, message: d.reason })),
  };
}
