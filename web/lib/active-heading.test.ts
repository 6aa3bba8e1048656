import { describe, expect, it } from 'vitest';
import { activeHeading } from './active-heading.ts';

describe('activeHeading', () => {
  it('picks the last heading above the reading line', () => {
    expect(activeHeading([-400, -20, 300, 900], 100)).toBe(1);
    expect(activeHeading([-400, -20, 80, 900], 100)).toBe(2);
  });

  it('is -1 before the first heading and for no headings', () => {
    expect(activeHeading([150, 600], 100)).toBe(-1);
    expect(activeHeading([], 100)).toBe(-1);
  });
});
