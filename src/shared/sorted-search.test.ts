import { describe, expect, it } from 'vitest';
import { lastAtMost } from './sorted-search.ts';

describe('lastAtMost', () => {
  it('gives the last index whose value is at most the one asked for, as a scan would', () => {
    const sorted = [0, 3, 3, 7, 10, 42];
    for (let value = 0; value <= 50; value++) expect(lastAtMost(sorted, value), String(value)).toBe(sorted.findLastIndex((v) => v <= value));
    expect(lastAtMost(Int32Array.from([0, 5]), 4)).toBe(0);
    expect(lastAtMost([0], 9)).toBe(0);
  });
});
