/**
 * The build's account of its diagnostics: one line of counts by severity and
 * by kind (rule id), then the first few of each kind, so that no kind of
 * problem drowns in another's hundreds and none is hidden by a cap.
 */
import { formatDiagnostic } from './format.ts';
import type { Diagnostic } from './shared/types.ts';

/** Options of `formatDiagnosticSummary`. */
export interface SummaryOptions {
  /** At most this many diagnostics of each kind are listed (all of them when undefined). */
  perKind?: number;
  /** The command that lists every diagnostic, named when some were left out. */
  allCommand?: string;
}

const rank = { error: 0, warning: 1, info: 2 } as const;

/**
 * The text printed for `diagnostics` (sorted by file and position): empty when
 * there are none, else a count line (`1 error, 9 warnings: missing-note 7, …`)
 * and each kind's diagnostics under its name, most severe and most frequent kinds first.
 */
export function formatDiagnosticSummary(root: string, diagnostics: readonly Diagnostic[], options: SummaryOptions = {}): string {
  if (diagnostics.length === 0) return '';
  const kinds = new Map<string, Diagnostic[]>();
  for (const d of diagnostics) {
    const list = kinds.get(d.ruleId) ?? [];
    list.push(d);
    kinds.set(d.ruleId, list);
  }
  // A kind's severity is its most severe diagnostic's (a rule may be an error in one note and a warning in another).
  const severityOf = (list: readonly Diagnostic[]) => Math.min(...list.map((d) => rank[d.severity]));
  const ordered = [...kinds].sort(([a, x], [b, y]) => severityOf(x) - severityOf(y) || y.length - x.length || (a < b ? -1 : 1));
  const lines = [`${severityCounts(diagnostics)}: ${ordered.map(([kind, list]) => `${kind} ${list.length}`).join(', ')}`];
  let leftOut = 0;
  for (const [kind, list] of ordered) {
    const shown = options.perKind === undefined ? list : list.slice(0, options.perKind);
    lines.push(`${kind} (${list.length}):`);
    for (const d of shown) lines.push('  ' + formatDiagnostic(root, d));
    if (shown.length < list.length) lines.push(`  … and ${list.length - shown.length} more`);
    leftOut += list.length - shown.length;
  }
  if (leftOut > 0 && options.allCommand) lines.push(`All ${diagnostics.length}: ${options.allCommand} (add --json for every one as JSON)`);
  return lines.join('\n') + '\n';
}

/** `1 error, 9 warnings, 2 info`: the severities present, most severe first. */
function severityCounts(diagnostics: readonly Diagnostic[]): string {
  const count = { error: 0, warning: 0, info: 0 };
  for (const d of diagnostics) count[d.severity]++;
  const parts: string[] = [];
  if (count.error) parts.push(`${count.error} error${count.error === 1 ? '' : 's'}`);
  if (count.warning) parts.push(`${count.warning} warning${count.warning === 1 ? '' : 's'}`);
  if (count.info) parts.push(`${count.info} info`);
  return parts.join(', ');
}
