import { describe, expect, it } from 'vitest';
import { isSearchShortcut } from './is-search-shortcut.ts';

const key = (k: string, extra: Partial<Parameters<typeof isSearchShortcut>[0]> = {}) =>
  isSearchShortcut({ key: k, ctrlKey: false, metaKey: false, altKey: false, inTextField: false, ...extra });

describe('isSearchShortcut', () => {
  it('opens on / outside text fields', () => {
    expect(key('/')).toBe(true);
    expect(key('/', { inTextField: true })).toBe(false);
  });

  it('opens on Ctrl-K and Cmd-K, even in text fields', () => {
    expect(key('k', { ctrlKey: true })).toBe(true);
    expect(key('K', { metaKey: true, inTextField: true })).toBe(true);
  });

  it('ignores other keys and Alt combinations', () => {
    expect(key('k')).toBe(false);
    expect(key('s', { ctrlKey: true })).toBe(false);
    expect(key('k', { ctrlKey: true, altKey: true })).toBe(false);
  });
});
