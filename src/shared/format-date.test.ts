import { describe, expect, it } from 'vitest';
import { formatDate } from './format-date.ts';

describe('formatDate', () => {
  it('formats dates and timestamps without a time zone shift', () => {
    expect(formatDate('2024-03-05')).toBe('5 Mar 2024');
    expect(formatDate('2023-12-31T23:59:00-05:00')).toBe('31 Dec 2023');
  });

  it('rejects text that is not a date', () => {
    expect(formatDate('last week')).toBeUndefined();
    expect(formatDate('2024-13-01')).toBeUndefined();
    expect(formatDate('2024-02-00')).toBeUndefined();
  });
});
