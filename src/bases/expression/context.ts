/**
 * What evaluating an expression for one row needs, and how evaluation fails: an `EvalError` is
 * a problem of one value (shown in its cell, or a row a filter cannot decide), a `BudgetError`
 * stops the whole view (every evaluation step is counted, so no base can make a build hang).
 */
import type { CompiledExpr, LinkTarget, Row, Value } from '../types.ts';

/** The rows of the garden, looked up the ways expressions need. */
export interface RowLookup {
  byNote(id: string): Row | undefined;
  byAttachment(path: string): Row | undefined;
  /** The rows whose notes link to `row` (computed once, on first use). */
  backlinksOf(row: Row): Row[];
}

/** The context of an evaluation. */
export interface EvalContext {
  /** The file being evaluated (`file`, bare property names). */
  row: Row;
  /** The file showing the base (`this`). */
  self: Row | undefined;
  rows: RowLookup;
  formulas: ReadonlyMap<string, CompiledExpr>;
  /** Formula values of `row`, computed on first use; formulas being computed are in `evaluating` (cycles). */
  formulaValues: Map<string, Value>;
  evaluating: Set<string>;
  /** Where a link written as text (`link("Dune")`, `file.hasLink("Dune")`) leads, from the base's file. */
  resolve(target: string): LinkTarget;
  /** The time of the build (`now()`, `today()`, `relative()`). */
  now: number;
  budget: { steps: number };
  /** `value`, `index` and `acc` inside `filter`, `map` and `reduce`. */
  locals?: ReadonlyMap<string, Value>;
}

/** A value that cannot be computed (a wrong type, an unknown formula); the message is a sentence in Markdown. */
export class EvalError extends Error {}

/** The view used up its evaluation steps. */
export class BudgetError extends Error {}

/** Texts and lists an expression builds are cut off at this length (an error beyond). */
export const maxBuilt = 100_000;
