/**
 * An expression of a base's YAML (a filter statement or a formula) parsed and checked, its
 * problems placed at offsets of the YAML text. An expression with any problem is not evaluated.
 */
import type { Node } from 'yaml';
import { isScalar } from '../load-yaml.ts';
import { checkExpression } from './expression/check-expression.ts';
import { ExpressionError, parseExpression } from './expression/parse-expression.ts';
import type { CompiledExpr, Expr } from './types.ts';

/** What compiling expressions needs: the base's YAML text and its formula names; collects whether any expression reads `this`. */
export interface ExprScope {
  yaml: string;
  formulas: ReadonlySet<string>;
  usesThis: boolean;
}

/** Compile the scalar `node`; `effect` says what follows when it cannot be evaluated (`this view shows no rows`). */
export function compileExpr(node: Node | null | undefined, scope: ExprScope, effect: string): CompiledExpr {
  const at = expressionStart(node, scope.yaml);
  const source = isScalar(node) && node.value !== null && node.value !== undefined ? String(node.value) : '';
  if (source.trim() === '') return { source, at, problems: [{ kind: 'invalid', message: `This expression is empty; ${effect}`, at }] };
  let expr: Expr;
  try {
    expr = parseExpression(source);
  } catch (error) {
    if (!(error instanceof ExpressionError)) throw error;
    const kind = error.unsupported ? 'unsupported' : 'invalid';
    const message = error.unsupported ? `${error.message} by Trellis; ${effect}` : `This expression is not valid: ${error.message}; ${effect}`;
    return { source, at, problems: [{ kind, message, at: at + error.at }] };
  }
  const checked = checkExpression(expr, scope.formulas);
  if (checked.usesThis) scope.usesThis = true;
  if (checked.problems.length > 0) {
    return { source, at, problems: checked.problems.map((p) => ({ kind: p.kind, message: `${p.message}; ${effect}`, at: at + p.at })) };
  }
  return { source, at, expr, problems: [] };
}

/**
 * The offset in the YAML text of the first character of a scalar's value: after the quote of a
 * quoted scalar, on the first content line of a block scalar (`|`, `>`). Escapes inside quotes
 * shift later characters; positions after them are approximate.
 */
function expressionStart(node: Node | null | undefined, yaml: string): number {
  const start = node?.range?.[0] ?? 0;
  if (!isScalar(node)) return start;
  switch (node.type) {
    case 'QUOTE_DOUBLE':
    case 'QUOTE_SINGLE':
      return start + 1;
    case 'BLOCK_LITERAL':
    case 'BLOCK_FOLDED': {
      const line = yaml.indexOf('\n', start);
      if (line < 0) return start;
      let i = line + 1;
      while (yaml[i] === ' ') i++;
      return i;
    }
    default:
      return start;
  }
}
