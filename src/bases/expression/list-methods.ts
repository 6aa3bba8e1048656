/**
 * List methods of Bases (Obsidian's Functions reference, "List"), except `filter`, `map` and
 * `reduce`, which evaluate an expression per item (call-method.ts). Membership uses Bases
 * equality, so `authors.contains(this)` finds a link to the file showing the base.
 */
import type { Value } from '../types.ts';
import { EvalError, maxBuilt } from './context.ts';
import { compareValues, toText, valuesEqual } from './values.ts';

/** Call list method `name` of `list` with evaluated `args`. */
export function listMethod(list: Value[], name: string, args: Value[]): Value {
  const has = (v: Value) => list.some((item) => valuesEqual(item, v));
  switch (name) {
    case 'contains':
      return has(args[0] ?? null);
    case 'containsAll':
      return args.every(has);
    case 'containsAny':
      return args.some(has);
    case 'join':
      return list.map(toText).join(args[0] === undefined ? ',' : toText(args[0]));
    case 'reverse':
      return [...list].reverse();
    case 'slice':
      return list.slice(typeof args[0] === 'number' ? args[0] : 0, typeof args[1] === 'number' ? args[1] : undefined);
    case 'sort':
      return [...list].sort((a, b) => compareValues(a, b) ?? toText(a).localeCompare(toText(b)));
    case 'unique': {
      const seen = new Set<string>();
      return list.filter((v) => !seen.has(identity(v)) && Boolean(seen.add(identity(v))));
    }
    case 'flat': {
      const out = list.flat();
      if (out.length > maxBuilt) throw new EvalError(`This list is longer than ${maxBuilt} items`);
      return out;
    }
  }
  throw new EvalError(`A list has no method \`${name}()\``);
}

/** A key that is the same for values Bases counts equal (a link and the file it leads to share one). */
function identity(v: Value): string {
  if (v === null || typeof v !== 'object') return typeof v + ':' + String(v);
  if (Array.isArray(v)) return 'list:' + v.map(identity).join('\u0000');
  switch (v.kind) {
    case 'date':
      return 'date:' + v.ms;
    case 'file':
      return 'row:' + v.row.key;
    case 'link':
      return v.to.kind === 'row' ? 'row:' + v.to.row.key : 'link:' + v.text.toLowerCase();
    case 'object':
      return 'object:' + toText(v);
  }
}
