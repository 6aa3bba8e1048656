/** The parts of a keyboard event that decide whether it opens search. */
export interface ShortcutKey {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  /** Whether focus is in a text field, where `/` must type a slash. */
  inTextField: boolean;
}

/** Whether a key press opens the search dialog: `/` outside text fields, or Ctrl/Cmd-K anywhere. */
export function isSearchShortcut(e: ShortcutKey): boolean {
  if (e.altKey) return false;
  if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 'k') return true;
  return e.key === '/' && !e.ctrlKey && !e.metaKey && !e.inTextField;
}
