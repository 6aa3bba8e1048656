/**
 * One view of a base as HTML: its name and result count, a notice for everything it asks for
 * that Trellis does not show (and for values that could not be computed), then its rows as a
 * table, cards or a list. A view whose filters cannot be evaluated shows no rows, never rows it
 * might have left out.
 */
import type { UrlOf } from '../assemble/link-html.ts';
import { escapeHtml } from '../shared/html.ts';
import type { RowSet } from './build-rows.ts';
import { BudgetError, EvalError } from './expression/context.ts';
import { isEmptyValue } from './expression/values.ts';
import { coverHtml } from './render-cover.ts';
import { renderNotices } from './render-notices.ts';
import { renderCards, renderList, renderTable, type Column, type LayoutParts } from './render-layouts.ts';
import { renderCell, renderValue, rowLink } from './render-value.ts';
import { maxRows, runView, type ViewRows } from './run-view.ts';
import type { BaseSpec, LinkTarget, PropertyRef, Row, ViewSpec } from './types.ts';
import { canEvaluate, ViewEvaluator } from './view-evaluator.ts';

/** Steps one view may take to evaluate (a garden of 10,000 notes with a handful of filters takes well under a tenth). */
export const viewBudget = 2_000_000;

/** What drawing a view needs. */
export interface ViewInput {
  spec: BaseSpec;
  view: ViewSpec;
  rows: RowSet;
  /** The file showing the base (`this`). */
  self: Row | undefined;
  resolve(target: string): LinkTarget;
  now: number;
  urlOf: UrlOf;
  /** The id of the view's `<h2>` on a base's own page; elsewhere its name is not a heading. */
  headingId?: string;
  /** Whether the view shows the base's own notices (they are shown once: above a block's views, in a page's first view). */
  baseNotices: boolean;
}

/** The view's HTML and the messages of the values it could not compute. */
export function renderView(input: ViewInput): { html: string; errors: string[] } {
  const { spec, view } = input;
  const notices = [...(input.baseNotices ? spec.problems : []), ...view.problems].map((p) => p.message);
  const ev = new ViewEvaluator({ ...input, budget: { steps: viewBudget } });
  let body = '';
  let count = '';
  if (canEvaluate(spec.filters) && canEvaluate(view.filters)) {
    try {
      const result = runView(spec, view, input.rows.rows, ev);
      body = result.rows.length > 0 ? layout(input, result, ev) : '<p class="base-empty">No results</p>';
      count = `${result.matched} result${result.matched === 1 ? '' : 's'}`;
      if (result.cut) notices.push(`Only the first ${maxRows} results are shown`);
    } catch (error) {
      if (!(error instanceof BudgetError)) throw error;
      notices.push(`${error.message}; its rows are not shown`);
    }
  }
  for (const e of ev.errors) notices.push(`Some values could not be computed: ${e}`);
  const name = escapeHtml(view.name);
  const title =
    input.headingId !== undefined ? `<h2 class="base-view-name" id="${escapeHtml(input.headingId)}">${name}</h2>` : `<p class="base-view-name">${name}</p>`;
  const header = `<div class="base-view-header">${title}${count ? `<span class="base-view-count">${count}</span>` : ''}</div>`;
  return {
    html: `<section class="base-view" data-view-type="${escapeHtml(view.type)}">${header}${renderNotices(notices)}${body}</section>`,
    errors: ev.errors,
  };
}

function layout(input: ViewInput, result: ViewRows, ev: ViewEvaluator): string {
  const { spec, view, urlOf } = input;
  const isName = (r: PropertyRef) => r.kind === 'file' && r.name === 'name';
  const order = view.order.length > 0 ? view.order : [{ kind: 'file', name: 'name', id: 'file.name' } as const];
  const columns = (refs: readonly PropertyRef[]): Column[] => refs.map((ref) => ({ ref, label: spec.displayNames.get(ref.id) ?? defaultLabel(ref) }));
  const parts: LayoutParts = {
    cell: (row, ref) => renderCell({ ref, row, value: ev.value(row, ref), urlOf }),
    groupLabel: (g) =>
      (g.value instanceof EvalError || isEmptyValue(g.value) ? 'None' : renderValue(g.value, urlOf)) +
      ` <span class="base-group-count">${g.rows.length}</span>`,
    title: (row) => rowLink(row, row.ext === 'md' ? row.basename : row.name),
  };
  switch (view.type) {
    case 'cards': {
      const image = view.image;
      if (image) parts.cover = (row) => coverHtml(ev.value(row, image), input.resolve);
      return renderCards(columns(order.filter((r) => !isName(r) && r.id !== image?.id)), result, parts, view.imageFit);
    }
    case 'list':
      return renderList(columns(order.filter((r) => !isName(r))), result, parts);
    default:
      return renderTable(columns(order), result, parts);
  }
}

/** The header of a property's column: `status`, `price` (a formula), `file name`. */
function defaultLabel(ref: PropertyRef): string {
  return ref.kind === 'file' ? `file ${ref.name}` : ref.name;
}
