/** Detail of `garden-search-close`: the query typed so far, kept for the next opening. */
export interface GardenSearchCloseDetail {
  query: string;
}

/** Fired by `<garden-search>` when its dialog closes (Escape, backdrop, or a hit was chosen). */
export type GardenSearchCloseEvent = CustomEvent<GardenSearchCloseDetail>;

/** Create a bubbling, composed `garden-search-close` event. */
export function createSearchCloseEvent(detail: GardenSearchCloseDetail): GardenSearchCloseEvent {
  return new CustomEvent('garden-search-close', { detail, bubbles: true, composed: true });
}

declare global {
  interface GlobalEventHandlersEventMap {
    'garden-search-close': GardenSearchCloseEvent;
  }
}
