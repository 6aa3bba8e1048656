/**
 * A map whose value for a key is made when first asked for (`get`), and kept. Iterated (or its
 * `size` read), it makes the value of every key, in the order the keys were given: it is then the
 * whole map, the same as one made up front. A warm build of edited text asks a handful of notes'
 * links and graph facts of a 10,000-note garden (src/incremental/text-only-model.ts).
 */
export class AskedMap<K, V> implements ReadonlyMap<K, V> {
  readonly #keys: readonly K[];
  readonly #known: ReadonlySet<K>;
  readonly #make: (key: K) => V;
  readonly #values = new Map<K, V>();
  #complete = false;

  /** `keys` in the map's order, each once; `make` gives the value of one of them. */
  constructor(keys: readonly K[], make: (key: K) => V) {
    this.#keys = keys;
    this.#known = new Set(keys);
    this.#make = make;
  }

  get(key: K): V | undefined {
    if (this.#values.has(key)) return this.#values.get(key);
    if (!this.#known.has(key)) return undefined;
    const value = this.#make(key);
    this.#values.set(key, value);
    return value;
  }

  has(key: K): boolean {
    return this.#known.has(key);
  }

  /** How many values were made so far (not the map's size). */
  get made(): number {
    return this.#values.size;
  }

  get size(): number {
    return this.#known.size;
  }

  forEach(callback: (value: V, key: K, map: ReadonlyMap<K, V>) => void, thisArg?: unknown): void {
    for (const [key, value] of this.#all()) callback.call(thisArg, value, key, this);
  }

  entries(): MapIterator<[K, V]> {
    return this.#all().entries();
  }

  keys(): MapIterator<K> {
    return this.#all().keys();
  }

  values(): MapIterator<V> {
    return this.#all().values();
  }

  [Symbol.iterator](): MapIterator<[K, V]> {
    return this.#all()[Symbol.iterator]();
  }

  /** Every value, made now if not yet, in the keys' order. */
  #all(): Map<K, V> {
    if (!this.#complete) {
      const ordered = new Map<K, V>();
      for (const key of this.#keys) ordered.set(key, this.get(key) as V);
      this.#values.clear();
      for (const [k, v] of ordered) this.#values.set(k, v);
      this.#complete = true;
    }
    return this.#values;
  }
}
