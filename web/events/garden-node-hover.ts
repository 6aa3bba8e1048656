import type { NoteId } from '../../src/shared/types.ts';

/** Detail of `garden-node-hover`: the node under the pointer or keyboard focus, or null when it leaves. */
export interface GardenNodeHoverDetail {
  id: NoteId | null;
}

/** Fired by the graph canvas and neighbour lists so siblings can highlight the same note. */
export type GardenNodeHoverEvent = CustomEvent<GardenNodeHoverDetail>;

/** Create a bubbling, composed `garden-node-hover` event. */
export function createNodeHoverEvent(detail: GardenNodeHoverDetail): GardenNodeHoverEvent {
  return new CustomEvent('garden-node-hover', { detail, bubbles: true, composed: true });
}

declare global {
  interface GlobalEventHandlersEventMap {
    'garden-node-hover': GardenNodeHoverEvent;
  }
}
