/**
 * Canvas colours, validated: only a preset number or a hex colour ever reaches
 * a page, and only as an attribute value Trellis writes (never inside `style`).
 */
import { kindName, type Fields, type Report } from './json-fields.ts';
import type { CanvasColor } from './types.ts';

const presets = new Set(['1', '2', '3', '4', '5', '6']);

/** The colour a `color` value names, or undefined when it is neither a preset (`"1"`-`"6"`) nor `#rgb`/`#rrggbb`. */
export function parseColor(value: string): CanvasColor | undefined {
  if (presets.has(value)) return { kind: 'preset', preset: value as '1' | '2' | '3' | '4' | '5' | '6' };
  const m = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(value);
  if (!m) return undefined;
  const digits = m[1]!.toLowerCase();
  const hex = digits.length === 3 ? [...digits].map((d) => d + d).join('') : digits;
  return { kind: 'hex', hex: '#' + hex };
}

/** The `color` of a node or edge, when it is a preset or hex colour; anything else is reported and ignored. */
export function colorField(f: Fields, report: Report, what: string): CanvasColor | undefined {
  const e = f.get('color');
  if (!e) return undefined;
  const color = e.value.kind === 'string' ? parseColor(e.value.value) : undefined;
  if (!color) {
    const shown = e.value.kind === 'string' ? `\`${e.value.value}\`` : kindName(e.value);
    report(
      e.value.start,
      `\`color\` of ${what} is ${shown}; a colour is a preset from \`"1"\` to \`"6"\` or a hex colour such as \`"#ff8800"\`, so it is ignored`,
    );
  }
  return color;
}
