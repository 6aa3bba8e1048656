/** Test helper: the heap in use after full collections, for tests that measure what objects cost. */
import v8 from 'node:v8';
import vm from 'node:vm';

/** Bytes of this thread's heap in use after two full garbage collections. */
export function settledHeap(): number {
  v8.setFlagsFromString('--expose-gc');
  const gc = vm.runInNewContext('gc') as () => void;
  gc();
  gc();
  return process.memoryUsage().heapUsed;
}
