import { describe, expect, it } from 'vitest';
import { placeLocalGraphLabels, type LabelRequest } from './place-local-graph-labels.ts';

const space = { width: 200, height: 100, lineHeight: 14, gap: 4 };
const req = (id: string, x: number, y: number, width: number, required = true, short?: number): LabelRequest => ({
  id,
  x,
  y,
  radius: 5,
  variants: [{ text: id, width }, ...(short ? [{ text: id.slice(0, 2) + '…', width: short }] : [])],
  required,
});

describe('placeLocalGraphLabels', () => {
  it('puts a label outward from the centre, beside its node, inside the canvas', () => {
    const [right] = placeLocalGraphLabels([req('right', 150, 50, 30)], space);
    expect(right).toEqual({ id: 'right', text: 'right', left: 159, top: 43, width: 30, height: 14 });
    const [left] = placeLocalGraphLabels([req('left', 40, 50, 30)], space);
    expect(left).toEqual({ id: 'left', text: 'left', left: 1, top: 43, width: 30, height: 14 });
  });

  it('moves to another side instead of leaving the canvas or covering a label or a node', () => {
    // Too wide for the right of a node near the right edge: goes left.
    const [edge] = placeLocalGraphLabels([req('edge', 180, 50, 60)], space);
    expect(edge!.left + edge!.width).toBeLessThanOrEqual(180 - 5);
    const labels = placeLocalGraphLabels([req('a', 100, 50, 40), req('b', 100, 70, 40), req('c', 150, 50, 20)], space);
    expect(labels.map((l) => l.id)).toEqual(['a', 'b', 'c']);
    for (const x of labels) {
      for (const y of labels) {
        if (x === y) continue;
        const apart = x.left + x.width <= y.left || y.left + y.width <= x.left || x.top + x.height <= y.top || y.top + y.height <= x.top;
        expect(apart, `${x.id} and ${y.id}`).toBe(true);
      }
      expect(x.left >= 0 && x.top >= 0 && x.left + x.width <= 200 && x.top + x.height <= 100).toBe(true);
    }
  });

  it("lets a required label cover a further note's dot when it has no room otherwise, never a neighbour's", () => {
    // A node boxed in by four dots of further notes, all within a label's reach.
    const boxed = { width: 120, height: 60, lineHeight: 14, gap: 2 };
    const far = [req('f1', 60, 14, 10, false), req('f2', 60, 46, 10, false), req('f3', 22, 30, 10, false), req('f4', 98, 30, 10, false)];
    const [label] = placeLocalGraphLabels([req('neighbour', 60, 30, 50), ...far], boxed);
    expect(label).toMatchObject({ id: 'neighbour', text: 'neighbour' });
    // The same dots as neighbours (required): no label covers them, so this one is left out.
    const near = far.map((f) => ({ ...f, required: true, variants: [{ text: f.id, width: 1 }] }));
    const placed = placeLocalGraphLabels([req('neighbour', 60, 30, 50), ...near], boxed);
    expect(placed.find((l) => l.id === 'neighbour')).toBeUndefined();
  });

  it('shortens a required label that fits nowhere in full, and leaves out an optional one', () => {
    const tight = { width: 60, height: 40, lineHeight: 14, gap: 2 };
    const out = placeLocalGraphLabels([req('required label', 30, 20, 80, true, 20), req('optional label', 30, 20, 80, false, 20)], tight);
    expect(out.map((l) => l.text)).toEqual(['re…']);
  });
});

describe('placeLocalGraphLabels, second round', () => {
  it('places a required label left out by the first round before the others', () => {
    // Two nodes right of the centre of a one-line strip: a, placed first, takes the spot on its right,
    // the only one b has (b's right runs off the strip); the second round places b first and a goes left.
    const strip = { width: 120, height: 20, lineHeight: 14, gap: 2 };
    const a = { id: 'a', x: 65, y: 10, radius: 3, variants: [{ text: 'a', width: 30 }], required: true };
    const b = { id: 'b', x: 105, y: 10, radius: 3, variants: [{ text: 'b', width: 30 }], required: true };
    const out = placeLocalGraphLabels([a, b], strip);
    expect(out.map((l) => [l.id, l.left])).toEqual([
      ['b', 70],
      ['a', 30],
    ]);
  });
});
