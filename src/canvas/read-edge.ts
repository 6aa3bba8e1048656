/** Read one edge of a canvas: both ends must name nodes that were read; sides, ends and colour are checked. */
import type { JsonNode } from './parse-json.ts';
import { choiceField, fieldsOf, kindName, stringField, type Report } from './json-fields.ts';
import { colorField } from './parse-color.ts';
import type { CanvasEdge } from './types.ts';

const sides = ['top', 'right', 'bottom', 'left'] as const;
const ends = ['none', 'arrow'] as const;

/** The edge `item`, or undefined (reported) when it cannot be drawn. `nodes` holds the ids of the nodes drawn. */
export function readEdge(item: JsonNode, nodes: ReadonlySet<string>, report: Report): CanvasEdge | undefined {
  if (item.kind !== 'object') {
    report(item.start, `An edge should be an object, not ${kindName(item)}; it is left out`);
    return undefined;
  }
  const f = fieldsOf(item);
  const at = item.start;
  const id = stringField(f, 'id', report, 'An edge', true, at);
  if (!id) return undefined;
  const what = `edge \`${id.value}\``;
  const from = stringField(f, 'fromNode', report, `The ${what}`, true, at);
  const to = stringField(f, 'toNode', report, `The ${what}`, true, at);
  if (!from || !to) return undefined;
  for (const end of [from, to]) {
    if (!nodes.has(end.value)) {
      report(end.at, `The ${what} connects node \`${end.value}\`, which is not drawn; the edge is left out`);
      return undefined;
    }
  }
  const fromSide = choiceField(f, 'fromSide', sides, report, what);
  const toSide = choiceField(f, 'toSide', sides, report, what);
  const label = stringField(f, 'label', report, `The ${what}`, false, at);
  const color = colorField(f, report, what);
  return {
    id: id.value,
    fromNode: from.value,
    toNode: to.value,
    ...(fromSide ? { fromSide } : {}),
    ...(toSide ? { toSide } : {}),
    // Obsidian's defaults: no mark where the edge starts, an arrow where it ends.
    fromEnd: choiceField(f, 'fromEnd', ends, report, what) ?? 'none',
    toEnd: choiceField(f, 'toEnd', ends, report, what) ?? 'arrow',
    ...(color ? { color } : {}),
    ...(label && label.value.trim() ? { label: label.value } : {}),
    at,
  };
}
