import { describe, expect, it } from 'vitest';
import { moveActive } from './move-active.ts';

describe('moveActive', () => {
  it('moves and wraps', () => {
    expect(moveActive(0, 3, 'ArrowDown')).toBe(1);
    expect(moveActive(2, 3, 'ArrowDown')).toBe(0);
    expect(moveActive(0, 3, 'ArrowUp')).toBe(2);
  });

  it('enters the list from nothing active', () => {
    expect(moveActive(-1, 3, 'ArrowDown')).toBe(0);
    expect(moveActive(-1, 3, 'ArrowUp')).toBe(2);
  });

  it('jumps to the ends and handles an empty list', () => {
    expect(moveActive(1, 5, 'Home')).toBe(0);
    expect(moveActive(1, 5, 'End')).toBe(4);
    expect(moveActive(0, 0, 'ArrowDown')).toBe(-1);
  });
});
