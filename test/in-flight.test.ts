import { describe, expect, it } from 'vitest';
import { eachInFlight } from '../src/in-flight.ts';

/** A promise and the function that settles it. */
function gate(): { promise: Promise<void>; open: () => void } {
  let open!: () => void;
  const promise = new Promise<void>((resolve) => (open = resolve));
  return { promise, open };
}

describe('eachInFlight', () => {
  it('keeps at most `limit` running, and starts the next as soon as one ends (not when its batch does)', async () => {
    const gates = Array.from({ length: 6 }, gate);
    const started: number[] = [];
    let running = 0;
    let most = 0;
    const done = eachInFlight([0, 1, 2, 3, 4, 5], 3, async (i) => {
      started.push(i);
      most = Math.max(most, ++running);
      await gates[i]!.promise;
      running--;
    });
    await new Promise((r) => setImmediate(r));
    expect(started).toEqual([0, 1, 2]);
    // The second item ends: the fourth starts while the first and third still run (a batch would wait for all three).
    gates[1]!.open();
    await new Promise((r) => setImmediate(r));
    expect(started).toEqual([0, 1, 2, 3]);
    for (const g of gates) g.open();
    await done;
    expect(started).toEqual([0, 1, 2, 3, 4, 5]);
    expect(most).toBe(3);
  });

  it('runs functions that return nothing, over any iterable', async () => {
    const seen: number[] = [];
    await eachInFlight(new Set([1, 2, 3]).keys(), 2, (i) => void seen.push(i));
    expect(seen).toEqual([1, 2, 3]);
  });

  it('starts nothing after a failure, and throws the first failure once those running end', async () => {
    const started: number[] = [];
    const slow = gate();
    let slowEnded = false;
    const done = eachInFlight([0, 1, 2, 3, 4], 2, async (i) => {
      started.push(i);
      if (i === 0) {
        await slow.promise;
        slowEnded = true;
      }
      if (i === 1) throw new Error('item 1 failed');
    });
    const outcome = done.then(
      () => 'resolved',
      (e: Error) => e.message,
    );
    await new Promise((r) => setImmediate(r));
    expect(started).toEqual([0, 1]);
    slow.open();
    expect(await outcome).toBe('item 1 failed');
    expect(slowEnded).toBe(true);
    expect(started).toEqual([0, 1]);
  });
});
