import { describe, expect, it } from 'vitest';
import { fitRatio } from './fit-ratio.ts';

describe('fitRatio', () => {
  it('zooms in on a box smaller than the viewport, by its tighter side', () => {
    expect(fitRatio({ width: 100, height: 50 }, { width: 496, height: 396 })).toBe(0.25);
  });

  it('zooms out for a box larger than the viewport', () => {
    expect(fitRatio({ width: 400, height: 1200 }, { width: 496, height: 696 })).toBe(2);
  });

  it('asks for the closest zoom for a single point (sigma bounds it)', () => {
    expect(fitRatio({ width: 0, height: 0 }, { width: 496, height: 396 })).toBe(0);
  });
});
