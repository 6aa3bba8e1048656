/** Detail of `garden-navigate`: a request to show another page of the site in place. */
export interface GardenNavigateDetail {
  /** Absolute URL or site path with the base path included, optionally with `#anchor`. */
  url: string;
}

/** Fired by any component that wants `<garden-app>` to navigate (search hits, graph nodes, neighbour lists). */
export type GardenNavigateEvent = CustomEvent<GardenNavigateDetail>;

/** Create a bubbling, composed `garden-navigate` event. */
export function createNavigateEvent(detail: GardenNavigateDetail): GardenNavigateEvent {
  return new CustomEvent('garden-navigate', { detail, bubbles: true, composed: true });
}

declare global {
  interface GlobalEventHandlersEventMap {
    'garden-navigate': GardenNavigateEvent;
  }
}
