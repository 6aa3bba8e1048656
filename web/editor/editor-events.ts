import type { NotePath } from '../../src/shared/types.ts';

/** What the editor reads of the dev server's `garden:update` message (see src/dev/vite-plugin-garden.ts). */
export interface DevUpdate {
  /** Ids of the notes whose page or data changed. */
  changed: string[];
  removed: string[];
  /** Notes moved by a rename through the editor API (in any tab). */
  renamed?: { from: NotePath; to: NotePath }[];
}

/** Detail of `garden-editor-close`: the editor asks to be closed. */
export interface GardenEditorCloseDetail {
  path: string;
}

/** Detail of `garden-editor-status`: the save status changed. */
export interface GardenEditorStatusDetail {
  path: string;
  /** The editor holds text that is not on disk. */
  dirty: boolean;
}

/** Detail of `garden-conflict-resolve`: how the user settled a save conflict. */
export interface GardenConflictResolveDetail {
  /** `mine`: write the editor's text over the disk's; `disk`: take the disk's; `merge`: edit a merged text by hand. */
  choice: 'mine' | 'disk' | 'merge';
}

/** Fired by `<garden-editor>` when its Close button is pressed. */
export type GardenEditorCloseEvent = CustomEvent<GardenEditorCloseDetail>;
/** Fired by `<garden-editor>` whenever its save status changes. */
export type GardenEditorStatusEvent = CustomEvent<GardenEditorStatusDetail>;
/** Fired by `<garden-editor-conflict>` when the user picks a version. */
export type GardenConflictResolveEvent = CustomEvent<GardenConflictResolveDetail>;

/** Create a bubbling, composed editor event. */
export function createEditorEvent<K extends 'garden-editor-close' | 'garden-editor-status' | 'garden-conflict-resolve'>(
  type: K,
  detail: GlobalEventHandlersEventMap[K]['detail'],
): GlobalEventHandlersEventMap[K] {
  return new CustomEvent(type, { detail, bubbles: true, composed: true }) as GlobalEventHandlersEventMap[K];
}

declare global {
  interface GlobalEventHandlersEventMap {
    'garden-editor-close': GardenEditorCloseEvent;
    'garden-editor-status': GardenEditorStatusEvent;
    'garden-conflict-resolve': GardenConflictResolveEvent;
  }
}
