/**
 * A module the parse worker loads only when a note needs it (Shiki and its grammars, KaTeX). Rendering is
 * synchronous, so a render that needs it before it is loaded goes on without it and is told afterwards
 * (`asked`): its caller loads it and renders the note again (src/compile/worker.ts).
 */
export class OnDemand<T> {
  #value: T | undefined;
  #asked = false;
  readonly #load: () => Promise<T>;

  constructor(load: () => Promise<T>) {
    this.#load = load;
  }

  /** The loaded value; undefined until then, and the render that asked is marked (`asked`). */
  need(): T | undefined {
    if (this.#value === undefined) this.#asked = true;
    return this.#value;
  }

  /** The loaded value, if it is, without marking anything. */
  loaded(): T | undefined {
    return this.#value;
  }

  /** Whether a render asked for the value before it was loaded, since the last call: its output is not to be used. */
  asked(): boolean {
    const asked = this.#asked;
    this.#asked = false;
    return asked;
  }

  /** Load the value (once). */
  async load(): Promise<void> {
    this.#value ??= await this.#load();
  }
}
