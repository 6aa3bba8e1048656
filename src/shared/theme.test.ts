import { describe, expect, it } from 'vitest';
import { nextTheme, resolveTheme } from './theme.ts';

describe('resolveTheme', () => {
  it('prefers an explicit stored choice over the system', () => {
    expect(resolveTheme('light', true)).toBe('light');
    expect(resolveTheme('dark', false)).toBe('dark');
  });

  it('follows the system without a valid choice', () => {
    expect(resolveTheme(null, true)).toBe('dark');
    expect(resolveTheme('sepia', false)).toBe('light');
  });
});

describe('nextTheme', () => {
  it('switches between light and dark', () => {
    expect(nextTheme('light')).toBe('dark');
    expect(nextTheme('dark')).toBe('light');
  });
});
