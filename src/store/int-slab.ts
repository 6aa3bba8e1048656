/**
 * Many short lists of 32-bit integers, held one after the other in a few large typed arrays.
 *
 * A store keeps a few such lists for every note (its blocks' lines, their embeds, its link contexts' ends and
 * highlights). Each in a typed array of its own cost ~150 bytes of objects beside its numbers, and four of them
 * were most of what a 100k garden's store held in memory. Here a list costs its numbers: it is told by a number
 * (where it starts) and its length, and read as a view made when asked for. Lists are never freed: a store that puts
 * a note again (the dev server, at each save) leaves the old list where it was, as it leaves the old bytes in its file.
 */

/** Integers in each chunk but the ones made for a list longer than this. */
const chunkInts = 1 << 18;

/** Where a list starts: its chunk's number times this, plus where in the chunk. */
const chunkSpan = 2 ** 31;

/** Lists of integers, appended and read back. */
export class IntSlab {
  readonly #chunks: Int32Array[] = [];
  /** Integers used in the last chunk. */
  #used = chunkInts;

  /** Append `parts` as one list; where it starts (read it with {@link view}). */
  put(parts: readonly ArrayLike<number>[]): number {
    let length = 0;
    for (const p of parts) length += p.length;
    if (this.#used + length > (this.#chunks.at(-1)?.length ?? 0)) {
      this.#chunks.push(new Int32Array(Math.max(chunkInts, length)));
      this.#used = 0;
    }
    const chunk = this.#chunks.at(-1)!;
    const start = this.#used;
    let at = start;
    for (const p of parts) {
      chunk.set(p, at);
      at += p.length;
    }
    this.#used = at;
    return (this.#chunks.length - 1) * chunkSpan + start;
  }

  /** `length` integers from `offset` into the list that starts at `start` (a view, valid while the slab is). */
  view(start: number, offset: number, length: number): Int32Array {
    const chunk = this.#chunks[Math.floor(start / chunkSpan)]!;
    const at = (start % chunkSpan) + offset;
    return chunk.subarray(at, at + length);
  }
}
