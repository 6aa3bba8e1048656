import { hash } from 'node:crypto';
import { gzipSync } from 'node:zlib';

/** A run of consecutive items rendered into one file. */
export interface PackedRange {
  /** First item, inclusive. */
  from: number;
  /** Last item, exclusive. */
  to: number;
  contents: string;
  /** Gzipped size, when it was measured (only files whose raw size could exceed the budget are). */
  gzipBytes?: number;
  /** True when a single item alone exceeds the budget. */
  overBudget: boolean;
}

/** Bytes below the budget under which gzip cannot exceed it: gzip adds a header and, for incompressible data, 5 bytes per 16 KB block. */
const gzipOverhead = 1024;

/**
 * A file may end once it holds this share of the target, and past that each of its bytes ends it
 * with chance 1 / (this share × target): files then hold 0.8× the target on average, and the file
 * a random item is in (what a query loads) holds the target on average.
 */
const minShare = 0.4;

/** A file is cut at the latest when it holds this many times the target. */
const maxTargets = 3;

/**
 * Pack consecutive items into files, cutting where the items themselves say (content-defined
 * chunking), so that a changed, added or removed item changes its own file and seldom its
 * neighbours: where a file ends depends only on the items in it, never on where the items
 * before it are. A file ends after an item once it holds 0.4× the target: the item ends it with
 * probability `1 - e^(-bytes / (0.4 × target))`, decided by a hash of its key, as if each byte
 * ended it with a fixed chance; a file reaching 3× the target ends anyway. Then a file whose
 * gzipped size exceeds `budget` is halved until it fits or holds a single item.
 * @param sizes raw byte size of each item
 * @param unitOf item `i`'s stable name (a term, a note id) hashed to [0, 1) (`unitOfKey`): what its cut is decided by
 * @param target what the file holding a random item holds on average, in raw bytes
 * @param render the file contents for items [from, to)
 * @param emit called with each range in order as soon as it is packed; when given, ranges are
 *   not collected (the returned list is empty), so a caller can write and drop each one
 * @param kept asked for each run of items cut by content, before it is rendered: true when the
 *   caller keeps the files it made before (the same items), which are then not rendered or emitted
 */
export function packRanges(
  sizes: ArrayLike<number>,
  unitOf: (i: number) => number,
  target: number,
  budget: number,
  render: (from: number, to: number) => string,
  emit?: (range: PackedRange) => void,
  kept?: (from: number, to: number) => boolean,
): PackedRange[] {
  const collected: PackedRange[] = [];
  const packed = { push: emit ?? ((range: PackedRange) => void collected.push(range)) };
  const least = Math.max(1, minShare * target);
  let from = 0;
  let bytes = 0;
  for (let i = 0; i < sizes.length; i++) {
    bytes += sizes[i]!;
    if (bytes >= maxTargets * target || (bytes >= least && unitOf(i) < -Math.expm1(-sizes[i]! / least))) {
      if (!kept?.(from, i + 1)) fit(from, i + 1, sizes, budget, render, packed);
      from = i + 1;
      bytes = 0;
    }
  }
  if (sizes.length > from && !kept?.(from, sizes.length)) fit(from, sizes.length, sizes, budget, render, packed);
  return collected;
}

/** A key's hash as a number in [0, 1) (the one-shot `hash`: a shard group has hundreds of thousands of terms). */
export function unitOfKey(key: string): number {
  return hashOfKey(key) / 2 ** 32;
}

/** A key's hash as a 32-bit integer: what {@link unitOfKey} divides, kept as it is (kept-postings.ts). */
export function hashOfKey(key: string): number {
  return parseInt(hash('sha1', key).slice(0, 8), 16);
}

function fit(
  from: number,
  to: number,
  sizes: ArrayLike<number>,
  budget: number,
  render: (from: number, to: number) => string,
  packed: { push(range: PackedRange): void },
): void {
  const contents = render(from, to);
  if (Buffer.byteLength(contents) <= budget - gzipOverhead) {
    packed.push({ from, to, contents, overBudget: false });
    return;
  }
  const gzipBytes = gzipSync(contents).length;
  if (gzipBytes <= budget || to - from === 1) {
    packed.push({ from, to, contents, gzipBytes, overBudget: gzipBytes > budget });
    return;
  }
  const mid = splitByBytes(from, to, sizes);
  fit(from, mid, sizes, budget, render, packed);
  fit(mid, to, sizes, budget, render, packed);
}

/** The index that splits [from, to) into two non-empty halves of about equal bytes. */
function splitByBytes(from: number, to: number, sizes: ArrayLike<number>): number {
  let total = 0;
  for (let i = from; i < to; i++) total += sizes[i]!;
  let bytes = 0;
  for (let i = from; i < to - 1; i++) {
    bytes += sizes[i]!;
    if (bytes >= total / 2) return i + 1;
  }
  return to - 1;
}
