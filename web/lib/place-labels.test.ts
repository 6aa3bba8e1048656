import { describe, expect, it } from 'vitest';
import { placeLabels, type LabelCandidate } from './place-labels.ts';

const options = { width: 200, height: 100, fontSize: 10, max: 10, measure: (text: string) => text.length * 6 };
const node = (key: string, x: number, y: number, label = key): LabelCandidate => ({ key, label, x, y, size: 4 });

describe('placeLabels', () => {
  it('puts a label right of its node, text centred on it', () => {
    expect(placeLabels([node('Raft', 50, 50)], options)).toEqual([
      { key: 'Raft', label: 'Raft', box: { x: 57, y: 43, width: 28, height: 14 }, textX: 59, textY: 50 },
    ]);
  });

  it('flips a label left of its node when the right side would leave the canvas', () => {
    const [placed] = placeLabels([node('Paxos', 190, 50)], options);
    expect(placed!.box).toEqual({ x: 190 - 4 - 3 - 34, y: 43, width: 34, height: 14 });
  });

  it('leaves out a label that fits on neither side or would leave the canvas at the top', () => {
    expect(placeLabels([node('A very long title indeed', 100, 50), node('Top', 50, 2)], options)).toEqual([]);
  });

  it('keeps the first of two overlapping labels, then places the next on the free side', () => {
    const placed = placeLabels([node('First', 40, 50), node('Second', 60, 52), node('Third', 100, 51)], options);
    expect(placed.map((p) => p.key)).toEqual(['First', 'Third']);
    const [a, b] = placed.map((p) => p.box);
    expect(a!.x + a!.width <= b!.x || b!.x + b!.width <= a!.x).toBe(true);
  });

  it('does not cover an obstacle such as another node', () => {
    const obstacles = [{ x: 60, y: 45, width: 8, height: 8 }];
    const [placed] = placeLabels([node('Raft', 50, 50)], { ...options, obstacles });
    expect(placed!.box.x + placed!.box.width).toBeLessThanOrEqual(50);
  });

  it('stops at the maximum', () => {
    const many = Array.from({ length: 5 }, (_, i) => node(`n${i}`, 20, 10 + i * 20));
    expect(placeLabels(many, { ...options, max: 3 })).toHaveLength(3);
  });
});
