import { describe, expect, it } from 'vitest';
import { placePopover } from './place-popover.ts';

const viewport = { width: 1000, height: 800 };
const size = { width: 400, height: 300 };

describe('placePopover', () => {
  it('goes below the link when it fits', () => {
    expect(placePopover({ left: 100, top: 100, width: 50, height: 20 }, size, viewport)).toEqual({ left: 100, top: 128 });
  });

  it('goes above a link near the bottom', () => {
    expect(placePopover({ left: 100, top: 700, width: 50, height: 20 }, size, viewport)).toEqual({ left: 100, top: 392 });
  });

  it('stays inside the viewport horizontally', () => {
    expect(placePopover({ left: 900, top: 100, width: 50, height: 20 }, size, viewport).left).toBe(592);
    expect(placePopover({ left: -30, top: 100, width: 50, height: 20 }, size, viewport).left).toBe(8);
  });
});
