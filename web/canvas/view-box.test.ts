import { describe, expect, it } from 'vitest';
import { fitView, panBy, parseViewBox, resizeView, toViewBox, zoomAt, zoomLimits } from './view-box.ts';

describe('the canvas camera', () => {
  it('fits the canvas centred in the viewport, never magnified past 100 %', () => {
    expect(fitView({ x: -100, y: -50, width: 2000, height: 500 }, { width: 1000, height: 500 })).toEqual({ x: -100, y: -300, scale: 0.5 });
    expect(fitView({ x: 0, y: 0, width: 100, height: 100 }, { width: 800, height: 400 })).toEqual({ x: -350, y: -150, scale: 1 });
  });

  it('keeps the canvas point under the cursor in place when zooming', () => {
    const view = { x: 10, y: 20, scale: 0.5 };
    const at = { x: 300, y: 100 };
    const zoomed = zoomAt(view, 2, at);
    expect(zoomed.scale).toBe(1);
    expect(view.x + at.x / view.scale).toBeCloseTo(zoomed.x + at.x / zoomed.scale);
    expect(view.y + at.y / view.scale).toBeCloseTo(zoomed.y + at.y / zoomed.scale);
  });

  it('bounds the zoom', () => {
    expect(zoomAt({ x: 0, y: 0, scale: 3 }, 10, { x: 0, y: 0 }).scale).toBe(zoomLimits.max);
    expect(zoomAt({ x: 0, y: 0, scale: 0.1 }, 0.01, { x: 0, y: 0 }).scale).toBe(zoomLimits.min);
  });

  it('pans by screen pixels, whatever the zoom', () => {
    expect(panBy({ x: 0, y: 0, scale: 0.5 }, 100, -50)).toEqual({ x: -200, y: 100, scale: 0.5 });
  });

  it('keeps the centre when the viewport is resized', () => {
    expect(resizeView({ x: 0, y: 0, scale: 1 }, { width: 200, height: 100 }, { width: 400, height: 100 })).toEqual({ x: -100, y: 0, scale: 1 });
  });

  it('writes and reads view boxes', () => {
    expect(toViewBox({ x: -10.123, y: 5, scale: 0.5 }, { width: 300, height: 200 })).toBe('-10.12 5 600 400');
    expect(parseViewBox('-100 -152 1440 732')).toEqual({ x: -100, y: -152, width: 1440, height: 732 });
    expect(parseViewBox('0 0 0 10')).toBeUndefined();
    expect(parseViewBox(null)).toBeUndefined();
  });
});
