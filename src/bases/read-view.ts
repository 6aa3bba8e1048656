/**
 * One entry of a base's `views` (Bases syntax, "Views"): its type, name, filters, columns
 * (`order`), `sort`, `limit`, `groupBy`, and for cards the cover `image` and `imageFit`. Sizes
 * (`columnSize`, `rowHeight`, `cardSize`, `imageAspectRatio`) only set pixels and are ignored;
 * `summaries` and view types other than table, cards and list are shown with a notice.
 */
import type { Node, YAMLMap } from 'yaml';
import { isMap, isScalar, isSeq } from '../load-yaml.ts';
import type { ExprScope } from './compile-expr.ts';
import { readFilters } from './read-filters.ts';
import type { PropertyRef, SortKey, ViewSpec } from './types.ts';

const drawn = new Set(['table', 'cards', 'list']);

/** Read the view at `node`, the `index`-th of its base. */
export function readView(node: Node, index: number, scope: ExprScope): ViewSpec {
  const at = node.range?.[0] ?? 0;
  const view: ViewSpec = { type: 'table', name: `View ${index + 1}`, at, order: [], sort: [], imageFit: 'cover', problems: [] };
  if (!isMap(node)) {
    view.problems.push({ kind: 'invalid', message: 'A view is an object with a `type` and a `name`; it is shown as an empty table', at });
    return view;
  }
  const field = (key: string) => (node as YAMLMap).get(key, true) as Node | undefined;
  const text = (key: string) => {
    const n = field(key);
    return isScalar(n) && n.value !== null && n.value !== undefined ? String(n.value) : undefined;
  };
  view.type = text('type') ?? 'table';
  view.name = text('name') ?? view.type.charAt(0).toUpperCase() + view.type.slice(1);
  if (!drawn.has(view.type)) {
    view.problems.push({
      kind: 'unsupported',
      message: `\`${view.type}\` views are not drawn by Trellis; this view is shown as a table`,
      at: field('type')?.range?.[0] ?? at,
    });
  }
  const filters = readFilters(field('filters'), scope, 'this view shows no rows', view.problems);
  if (filters) view.filters = filters;
  const order = field('order');
  if (isSeq(order)) view.order = (order.items as Node[]).flatMap((n) => (isScalar(n) && typeof n.value === 'string' ? [propertyRef(n.value)] : []));
  const sort = field('sort');
  if (isSeq(sort)) view.sort = (sort.items as Node[]).flatMap((n) => sortKey(n) ?? []);
  const limit = field('limit');
  if (isScalar(limit) && typeof limit.value === 'number' && limit.value > 0) view.limit = Math.floor(limit.value);
  const groupBy = sortKey(field('groupBy'));
  if (groupBy) view.groupBy = groupBy;
  const image = text('image');
  if (image) view.image = propertyRef(image);
  if (text('imageFit') === 'contain') view.imageFit = 'contain';
  for (const ref of [...view.order, ...view.sort.map((k) => k.property), ...(view.groupBy ? [view.groupBy.property] : [])]) {
    if (ref.kind === 'formula' && !scope.formulas.has(ref.name)) {
      view.problems.push({ kind: 'invalid', message: `There is no formula \`${ref.name}\` in this base; its values are empty`, at });
    }
  }
  const summaries = node.items.find((p) => isScalar(p.key) && p.key.value === 'summaries');
  if (summaries && !(isScalar(summaries.value) && summaries.value.value === null)) {
    view.problems.push({ kind: 'unsupported', message: 'Summaries are not shown by Trellis', at: (summaries.key as Node).range?.[0] ?? at });
  }
  return view;
}

function sortKey(node: Node | undefined): SortKey | undefined {
  if (!isMap(node)) return undefined;
  const property = node.get('property');
  if (typeof property !== 'string' || property === '') return undefined;
  return { property: propertyRef(property), descending: String(node.get('direction') ?? 'ASC').toUpperCase() === 'DESC' };
}

/** A property as written in `order`, `sort` or `properties`: `file.x`, `formula.x`, `note.x`, or bare `x` (a note property). */
export function propertyRef(written: string): PropertyRef {
  const dot = written.indexOf('.');
  const prefix = dot > 0 ? written.slice(0, dot) : '';
  const kind = prefix === 'file' || prefix === 'formula' || prefix === 'note' ? prefix : 'note';
  const name = kind === prefix ? written.slice(dot + 1) : written;
  return { kind, name, id: `${kind}.${name}` };
}
