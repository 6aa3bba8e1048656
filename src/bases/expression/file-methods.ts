/**
 * File methods of Bases (Obsidian's Functions reference, "File"): `hasTag` (nested tags
 * included), `inFolder` (sub-folders included), `hasLink` (to a file, a link or a path written as
 * text, resolved as a wiki-link from the base), `hasProperty` and `asLink`. Names, tags and
 * folders compare as Obsidian compares them: case-insensitively.
 */
import { nameKey } from '../../shared/ids.ts';
import type { Row, Value } from '../types.ts';
import { toLink } from './call-global.ts';
import { EvalError, type EvalContext } from './context.ts';
import { toText } from './values.ts';

/** Call file method `name` of `row` with evaluated `args`. */
export function fileMethod(row: Row, name: string, args: Value[], ctx: EvalContext): Value {
  switch (name) {
    case 'hasTag': {
      const wanted = args.map((a) => nameKey(toText(a).replace(/^#/, '')));
      return row.tags.some((t) => {
        const tag = nameKey(t);
        return wanted.some((w) => tag === w || tag.startsWith(w + '/'));
      });
    }
    case 'inFolder': {
      const folder = nameKey(toText(args[0] ?? '').replace(/^\/+|\/+$/g, ''));
      const own = nameKey(row.folder);
      return folder === '' || own === folder || own.startsWith(folder + '/');
    }
    case 'hasLink':
      return hasLink(row, args[0] ?? null, ctx);
    case 'hasProperty': {
      const key = toText(args[0] ?? '').toLowerCase();
      return row.properties.some((p) => p.key.toLowerCase() === key);
    }
    case 'asLink':
      return toLink({ kind: 'file', row }, args[0], ctx);
  }
  throw new EvalError(`A file has no method \`${name}()\``);
}

/** Whether `row`'s note links to (or embeds) what `to` names. */
function hasLink(row: Row, to: Value, ctx: EvalContext): boolean {
  if (to === null) return false;
  const target = toLink(to, undefined, ctx).to;
  if (target.kind === 'url' || target.kind === 'unpublished') return false;
  const missing = target.kind === 'missing' ? nameKey(target.target.replace(/^\[\[|\]\]$/g, '').split(/[|#]/)[0]!) : undefined;
  return row.links.some((l) => {
    const r = l.resolution;
    if (target.kind === 'row') {
      const key = target.row.key;
      return (r.kind === 'note' && r.target === key) || (r.kind === 'attachment' && r.path === key) || (r.kind === 'self' && row.key === key);
    }
    return r.kind === 'missing' && nameKey(l.ref.target) === missing;
  });
}
