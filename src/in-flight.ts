/**
 * Runs `fn` on each of `items`, at most `limit` unfinished at once: a new one starts as soon as one
 * ends. Batches of `limit` (each awaited whole before the next began) left the builder's thread idle
 * while a batch's slowest file was written, with the next batch's pages or answers still to make.
 * After a failure no other item starts, and the first failure is thrown once those running end.
 */
export async function eachInFlight<T>(items: Iterable<T>, limit: number, fn: (item: T) => Promise<void> | void): Promise<void> {
  const next = items[Symbol.iterator]();
  let failed = false;
  const runner = async () => {
    for (let item = next.next(); !failed && !item.done; item = next.next()) {
      try {
        await fn(item.value);
      } catch (error) {
        failed = true;
        throw error;
      }
    }
  };
  const runners = Array.from({ length: Math.max(1, limit) }, runner);
  const results = await Promise.allSettled(runners);
  const failure = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
  if (failure) throw failure.reason;
}
