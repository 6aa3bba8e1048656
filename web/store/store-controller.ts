import { ContextConsumer } from '@lit/context';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { GardenStore } from './garden-store.ts';
import { storeContext } from './store-context.ts';

/**
 * Gives a component the app's store (from context) and re-renders it whenever
 * the store changes. Use `this.store.value` in `render()`.
 */
export class StoreController implements ReactiveController {
  #store?: GardenStore;
  readonly #host: ReactiveControllerHost & HTMLElement;
  readonly #handleChange = (): void => this.#host.requestUpdate();

  constructor(host: ReactiveControllerHost & HTMLElement) {
    this.#host = host;
    host.addController(this);
    new ContextConsumer(host, {
      context: storeContext,
      subscribe: true,
      callback: (store) => this.#attach(store),
    });
  }

  /** The store, once the provider answered. */
  get value(): GardenStore | undefined {
    return this.#store;
  }

  hostConnected(): void {
    this.#store?.addEventListener('change', this.#handleChange);
  }

  hostDisconnected(): void {
    this.#store?.removeEventListener('change', this.#handleChange);
  }

  #attach(store: GardenStore): void {
    this.#store?.removeEventListener('change', this.#handleChange);
    this.#store = store;
    if (this.#host.isConnected) store.addEventListener('change', this.#handleChange);
    this.#host.requestUpdate();
  }
}
