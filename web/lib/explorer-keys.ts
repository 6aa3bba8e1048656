import type { ExplorerRow } from './explorer-rows.ts';

/** What a key press on a tree row asks for (WAI-ARIA tree view pattern). */
export type TreeAction =
  { kind: 'focus'; index: number } | { kind: 'open'; path: string } | { kind: 'close'; path: string } | { kind: 'follow'; url: string } | { kind: 'none' };

/**
 * The action of `key` on row `index` of `rows`: Up and Down move, Home and End jump,
 * Right opens a closed folder or enters an open one, Left closes an open folder or goes
 * to the parent, Enter follows a note or toggles a folder. Other keys do nothing here
 * (type-ahead is {@link typeAhead}).
 */
export function treeAction(rows: readonly ExplorerRow[], index: number, key: string): TreeAction {
  const row = rows[index];
  if (!row) return rows.length > 0 ? { kind: 'focus', index: 0 } : { kind: 'none' };
  switch (key) {
    case 'ArrowDown':
      return index + 1 < rows.length ? { kind: 'focus', index: index + 1 } : { kind: 'none' };
    case 'ArrowUp':
      return index > 0 ? { kind: 'focus', index: index - 1 } : { kind: 'none' };
    case 'Home':
      return { kind: 'focus', index: 0 };
    case 'End':
      return { kind: 'focus', index: rows.length - 1 };
    case 'ArrowRight':
      if (row.kind !== 'folder') return { kind: 'none' };
      if (!row.expanded) return { kind: 'open', path: row.path };
      return rows[index + 1]?.parent === row.path ? { kind: 'focus', index: index + 1 } : { kind: 'none' };
    case 'ArrowLeft': {
      if (row.kind === 'folder' && row.expanded) return { kind: 'close', path: row.path };
      const parent = rows.findIndex((r) => r.kind === 'folder' && r.path === row.parent);
      return parent >= 0 ? { kind: 'focus', index: parent } : { kind: 'none' };
    }
    case 'Enter':
      if (row.kind === 'note') return { kind: 'follow', url: row.url };
      return row.expanded ? { kind: 'close', path: row.path } : { kind: 'open', path: row.path };
    default:
      return { kind: 'none' };
  }
}

/**
 * Type-ahead: the first row after `from` (wrapping around) whose name starts with `prefix`,
 * case and accents ignored; `from` itself when it matches a prefix longer than one letter
 * (the reader is still typing its name). -1 when no row matches.
 */
export function typeAhead(rows: readonly ExplorerRow[], from: number, prefix: string): number {
  const want = fold(prefix);
  if (!want) return -1;
  const start = want.length > 1 ? from : from + 1;
  for (let i = 0; i < rows.length; i++) {
    const at = (start + i) % rows.length;
    if (fold(rows[at]!.name).startsWith(want)) return at;
  }
  return -1;
}

/** Lower case without accents, so `e` finds `Élan`. */
export function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase();
}
