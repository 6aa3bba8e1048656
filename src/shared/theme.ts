/** A colour theme. */
export type Theme = 'light' | 'dark';

/** localStorage key of the reader's explicit theme choice; read by the inline script in every page head. */
export const themeStorageKey = 'trellis-theme';

/** The theme in effect: the stored choice when there is a valid one, otherwise the system preference. */
export function resolveTheme(stored: string | null | undefined, systemDark: boolean): Theme {
  if (stored === 'light' || stored === 'dark') return stored;
  return systemDark ? 'dark' : 'light';
}

/** The theme a toggle switches to from the one in effect. */
export function nextTheme(current: Theme): Theme {
  return current === 'dark' ? 'light' : 'dark';
}
