import type { NoteId } from '../../src/shared/types.ts';
import type { GraphFilter } from '../lib/graph-filter.ts';

/** Detail of `garden-graph-change`: what the reader asked the global graph to do; switch on `kind`. */
export type GardenGraphChangeDetail =
  { kind: 'filter'; filter: GraphFilter } | { kind: 'find'; id: NoteId | null } | { kind: 'path'; from: NoteId | null; to: NoteId | null };

/** Fired by the global graph's controls and legend. */
export type GardenGraphChangeEvent = CustomEvent<GardenGraphChangeDetail>;

/** Create a bubbling, composed `garden-graph-change` event. */
export function createGraphChangeEvent(detail: GardenGraphChangeDetail): GardenGraphChangeEvent {
  return new CustomEvent('garden-graph-change', { detail, bubbles: true, composed: true });
}

declare global {
  interface GlobalEventHandlersEventMap {
    'garden-graph-change': GardenGraphChangeEvent;
  }
}
