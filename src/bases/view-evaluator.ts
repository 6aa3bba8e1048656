/**
 * Evaluation of one view over the rows: each row's context (with its formula values, computed
 * once), filter tests and property values. A value that cannot be computed is an `EvalError`
 * for its cell and excludes its row from a filter; the first few distinct messages are kept to
 * be shown. The view's steps are budgeted (a `BudgetError` stops it).
 */
import type { BaseSpec, FilterNode, LinkTarget, PropertyRef, Row, Value } from './types.ts';
import { EvalError, type EvalContext, type RowLookup } from './expression/context.ts';
import { evaluate, evaluateFormula } from './expression/evaluate.ts';
import { member, readProperty } from './expression/members.ts';
import { isTruthy } from './expression/values.ts';

/** Distinct evaluation errors kept per view. */
const keptErrors = 3;

/** What a view's evaluation needs besides the rows. */
export interface EvaluatorOptions {
  spec: BaseSpec;
  rows: RowLookup;
  /** The file showing the base (`this`). */
  self: Row | undefined;
  resolve(target: string): LinkTarget;
  now: number;
  budget: { steps: number };
}

/** Evaluates filters and values of rows for one view. */
export class ViewEvaluator {
  readonly errors: string[] = [];
  readonly #options: EvaluatorOptions;
  readonly #contexts = new Map<Row, EvalContext>();

  constructor(options: EvaluatorOptions) {
    this.#options = options;
  }

  /** Whether `row` passes `filter` (a statement that cannot be evaluated for it excludes it). */
  test(filter: FilterNode, row: Row): boolean {
    switch (filter.type) {
      case 'and':
        return filter.items.every((f) => this.test(f, row));
      case 'or':
        return filter.items.length === 0 || filter.items.some((f) => this.test(f, row));
      case 'not':
        return !filter.items.some((f) => this.test(f, row));
      case 'expr':
        try {
          return isTruthy(evaluate(filter.expr.expr!, this.#context(row)));
        } catch (error) {
          return this.#failed(error, false);
        }
    }
  }

  /** The value of property `ref` for `row`, or the error that kept it from being computed. */
  value(row: Row, ref: PropertyRef): Value | EvalError {
    try {
      switch (ref.kind) {
        case 'note':
          return readProperty(row, ref.name, this.#options.rows);
        case 'file':
          return member({ kind: 'file', row }, ref.name, this.#options.rows);
        case 'formula':
          return this.#options.spec.formulas.get(ref.name)?.expr ? evaluateFormula(ref.name, this.#context(row)) : null;
      }
    } catch (error) {
      return this.#failed(error, new EvalError(error instanceof Error ? error.message : String(error)));
    }
  }

  #context(row: Row): EvalContext {
    let ctx = this.#contexts.get(row);
    if (!ctx) {
      const o = this.#options;
      ctx = {
        row,
        self: o.self,
        rows: o.rows,
        formulas: o.spec.formulas,
        formulaValues: new Map(),
        evaluating: new Set(),
        resolve: o.resolve,
        now: o.now,
        budget: o.budget,
      };
      this.#contexts.set(row, ctx);
    }
    return ctx;
  }

  /** Keep an evaluation error's message and return `fallback`; anything else (the budget) is rethrown. */
  #failed<T>(error: unknown, fallback: T): T {
    if (!(error instanceof EvalError)) throw error;
    if (this.errors.length < keptErrors && !this.errors.includes(error.message)) this.errors.push(error.message);
    return fallback;
  }
}

/** Whether every statement of `filter` can be evaluated. */
export function canEvaluate(filter: FilterNode | undefined): boolean {
  if (!filter) return true;
  return filter.type === 'expr' ? filter.expr.expr !== undefined : filter.items.every(canEvaluate);
}
