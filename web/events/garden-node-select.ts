import type { NoteId, Slug } from '../../src/shared/types.ts';

/** Detail of `garden-node-select`: a graph node was clicked or chosen from a list. */
export interface GardenNodeSelectDetail {
  id: NoteId;
  /** Site-relative URL of the note (without base path). */
  url: Slug;
}

/** Fired by graph components when the reader picks a note. */
export type GardenNodeSelectEvent = CustomEvent<GardenNodeSelectDetail>;

/** Create a bubbling, composed `garden-node-select` event. */
export function createNodeSelectEvent(detail: GardenNodeSelectDetail): GardenNodeSelectEvent {
  return new CustomEvent('garden-node-select', { detail, bubbles: true, composed: true });
}

declare global {
  interface GlobalEventHandlersEventMap {
    'garden-node-select': GardenNodeSelectEvent;
  }
}
